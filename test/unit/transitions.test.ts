import { describe, expect, it } from 'vitest';
import { TicketStatus } from '../../server/db/generated/enums';
import { AppError } from '../../server/errors';
import { allowedFrom, assertTransition, canApply, type TicketAction } from '../../server/tickets/transitions';

const statuses = Object.values(TicketStatus);

describe('ticket state machine', () => {
  it('accepts exactly the documented transitions', () => {
    const expected: Record<TicketAction, string[]> = {
      call: ['waiting'],
      recall: ['called'],
      start: ['called'],
      complete: ['called', 'serving'],
      no_show: ['called'],
      transfer: ['called', 'serving'],
      cancel: ['waiting'],
      move: ['waiting'],
    };
    for (const action of Object.keys(allowedFrom) as TicketAction[]) {
      expect(statuses.filter((s) => canApply(action, s)).sort()).toEqual([...expected[action]].sort());
    }
  });

  it('refuses illegal ones with 409 invalid_transition', () => {
    for (const [action, status] of [
      ['complete', 'waiting'],
      ['call', 'cancelled'],
      ['start', 'completed'],
      ['cancel', 'called'],
      ['recall', 'no_show'],
    ] as const) {
      try {
        assertTransition(action, status);
        expect.unreachable(`${action} from ${status} should be refused`);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(409);
        expect((err as AppError).code).toBe('invalid_transition');
      }
    }
  });

  it('never leaves a final state', () => {
    for (const final of ['completed', 'no_show', 'cancelled'] as const) {
      for (const action of Object.keys(allowedFrom) as TicketAction[]) expect(canApply(action, final)).toBe(false);
    }
  });
});
