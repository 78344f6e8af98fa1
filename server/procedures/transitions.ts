/**
 * Enforces the life of a procedure (contract/procedure-moves.ts): illegal moves answer 409.
 */
import type { ProcedureStatus } from '../../contract/enums';
import { PROCEDURE_MOVES, type ProcedureAction } from '../../contract/procedure-moves';
import { AppError } from '../errors';

export type { ProcedureAction };

export function nextStatus(from: ProcedureStatus, action: ProcedureAction): ProcedureStatus {
  const move = PROCEDURE_MOVES[action];
  if (!move.from.includes(from))
    throw new AppError(409, 'illegal_transition', `A procedure that is ${from} cannot be ${action.replace('_', ' ')}`, {
      status: from,
      action,
    });
  return move.to;
}
