/**
 * The life of a procedure, shared by the server (which enforces it: server/procedures/transitions.ts)
 * and the screens (which offer only what is allowed now): each action, who takes it, and the
 * statuses it moves from and to.
 */
import type { ProcedureEventType, ProcedureStatus } from './enums';

export type ProcedureAction = Exclude<ProcedureEventType, 'submitted'>;

export const PROCEDURE_MOVES: Record<
  ProcedureAction,
  { by: 'staff' | 'citizen'; from: readonly ProcedureStatus[]; to: ProcedureStatus }
> = {
  // Taking over from a colleague is allowed while the procedure is being worked.
  taken: { by: 'staff', from: ['submitted', 'in_progress'], to: 'in_progress' },
  info_requested: { by: 'staff', from: ['in_progress'], to: 'waiting_citizen' },
  replied: { by: 'citizen', from: ['waiting_citizen'], to: 'in_progress' },
  completed: { by: 'staff', from: ['in_progress'], to: 'completed' },
  rejected: { by: 'staff', from: ['in_progress'], to: 'rejected' },
  withdrawn: { by: 'citizen', from: ['submitted', 'in_progress', 'waiting_citizen'], to: 'withdrawn' },
};

export const CLOSED_STATUSES: readonly ProcedureStatus[] = ['completed', 'rejected', 'withdrawn'];

export const isOpenStatus = (s: ProcedureStatus) => !CLOSED_STATUSES.includes(s);

/** What `by` may do to a procedure in this status. */
export function actionsAllowed(status: ProcedureStatus, by: 'staff' | 'citizen'): ProcedureAction[] {
  return (Object.keys(PROCEDURE_MOVES) as ProcedureAction[]).filter(
    (a) => PROCEDURE_MOVES[a].by === by && PROCEDURE_MOVES[a].from.includes(status),
  );
}
