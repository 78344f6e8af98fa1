/**
 * The life of a procedure: which action may move it from which status, and where to. Pure, so the
 * rules are tested without a database; illegal moves answer 409.
 */
import type { ProcedureEventType, ProcedureStatus } from '../../contract/enums';
import { AppError } from '../errors';

export type ProcedureAction = Exclude<ProcedureEventType, 'submitted'>;

/** Who may take each action: staff of the office, or the procedure's citizen. */
export const ACTION_BY: Record<ProcedureAction, 'staff' | 'citizen'> = {
  taken: 'staff',
  info_requested: 'staff',
  completed: 'staff',
  rejected: 'staff',
  replied: 'citizen',
  withdrawn: 'citizen',
};

const MOVES: Record<ProcedureAction, { from: readonly ProcedureStatus[]; to: ProcedureStatus }> = {
  // Taking over from a colleague is allowed while the procedure is being worked.
  taken: { from: ['submitted', 'in_progress'], to: 'in_progress' },
  info_requested: { from: ['in_progress'], to: 'waiting_citizen' },
  replied: { from: ['waiting_citizen'], to: 'in_progress' },
  completed: { from: ['in_progress'], to: 'completed' },
  rejected: { from: ['in_progress'], to: 'rejected' },
  withdrawn: { from: ['submitted', 'in_progress', 'waiting_citizen'], to: 'withdrawn' },
};

export const CLOSED: readonly ProcedureStatus[] = ['completed', 'rejected', 'withdrawn'];

export function nextStatus(from: ProcedureStatus, action: ProcedureAction): ProcedureStatus {
  const move = MOVES[action];
  if (!move.from.includes(from))
    throw new AppError(409, 'illegal_transition', `A procedure that is ${from} cannot be ${action.replace('_', ' ')}`, {
      status: from,
      action,
    });
  return move.to;
}
