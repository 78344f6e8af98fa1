import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { checkCounterRule, type CounterChange } from '../../server/counters/state';
import type { Counter } from '../../server/db/generated/client';
import { AppError } from '../../server/errors';

const clerk: Actor = { staffId: 'clerk', username: 'clerk', displayName: 'Clerk', role: 'operator' };
const colleague: Actor = { staffId: 'colleague', username: 'colleague', displayName: 'Colleague', role: 'operator' };
const supervisor: Actor = { staffId: 'boss', username: 'boss', displayName: 'Boss', role: 'supervisor' };

function counter(state: Counter['state'], staffId: string | null): Counter {
  return {
    id: 'c1',
    officeId: 'o1',
    number: 1,
    name: 'Sportello 1',
    state,
    staffId,
    serviceIds: staffId ? ['s1'] : [],
    openedAt: staffId ? new Date(0) : null,
    pausedAt: state === 'paused' ? new Date(0) : null,
  } as Counter;
}

const closed = counter('closed', null);
const open = counter('open', 'clerk');
const paused = counter('paused', 'clerk');

/** What checkCounterRule answers: 'ok', or the refusal's status and code. */
function outcome(change: CounterChange, actor: Actor, c: Counter, busy = false): string {
  try {
    checkCounterRule(change, actor, c, busy);
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.code}`;
    throw err;
  }
}

describe('counter rules (checked under the counter row lock)', () => {
  it("open: a free counter or the clerk's own; a colleague's is taken", () => {
    expect(outcome('open', clerk, closed)).toBe('ok');
    expect(outcome('open', clerk, open)).toBe('ok');
    expect(outcome('open', colleague, open)).toBe('409 counter_taken');
    expect(outcome('open', supervisor, paused)).toBe('409 counter_taken');
  });

  it('close: the clerk or a supervisor, never with a ticket at the counter', () => {
    expect(outcome('close', clerk, open)).toBe('ok');
    expect(outcome('close', supervisor, paused)).toBe('ok');
    expect(outcome('close', colleague, open)).toBe('403 forbidden');
    expect(outcome('close', clerk, open, true)).toBe('409 counter_busy');
    expect(outcome('close', supervisor, open, true)).toBe('409 counter_busy');
    // A counter closed meanwhile has no clerk: not theirs any more.
    expect(outcome('close', clerk, closed)).toBe('403 forbidden');
  });

  it('call: only the clerk, open, not paused, idle', () => {
    expect(outcome('call', clerk, open)).toBe('ok');
    expect(outcome('call', supervisor, open)).toBe('403 forbidden');
    expect(outcome('call', clerk, closed)).toBe('403 forbidden');
    expect(outcome('call', clerk, paused)).toBe('409 counter_paused');
    expect(outcome('call', clerk, open, true)).toBe('409 counter_busy');
    expect(outcome('call', clerk, { ...open, state: 'closed' })).toBe('409 counter_not_open');
  });

  it('pause, resume and recall: the clerk or a supervisor, not on a closed counter', () => {
    for (const change of ['pause', 'resume', 'recall'] as const) {
      expect(outcome(change, clerk, open, true)).toBe('ok');
      expect(outcome(change, supervisor, paused)).toBe('ok');
      expect(outcome(change, colleague, open)).toBe('403 forbidden');
      expect(outcome(change, supervisor, closed)).toBe('409 counter_not_open');
    }
  });

  it('services: a counter with its clerk, open or paused', () => {
    expect(outcome('services', supervisor, open, true)).toBe('ok');
    expect(outcome('services', supervisor, paused)).toBe('ok');
    expect(outcome('services', supervisor, closed)).toBe('409 counter_not_open');
  });
});
