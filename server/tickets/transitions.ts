import type { TicketStatus } from '../db/generated/enums';
import { conflict } from '../errors';

/** Which ticket states each action accepts; anything else is refused with 409. */
export const allowedFrom = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['called', 'serving'],
  no_show: ['called'],
  transfer: ['called', 'serving'],
  cancel: ['waiting'],
  /** A supervisor moves a waiting ticket to another service's queue. */
  move: ['waiting'],
} as const satisfies Record<string, readonly TicketStatus[]>;

export type TicketAction = keyof typeof allowedFrom;

export function canApply(action: TicketAction, status: TicketStatus): boolean {
  return (allowedFrom[action] as readonly TicketStatus[]).includes(status);
}

export function assertTransition(action: TicketAction, status: TicketStatus): void {
  if (!canApply(action, status)) {
    throw conflict('invalid_transition', `Cannot ${action.replace('_', '-')} a ticket that is ${status.replace('_', '-')}`);
  }
}
