import { describe, expect, it } from 'vitest';
import type { ProcedureStatus } from '../../contract/enums';
import { legalClock, type ClockEvent } from '../../server/procedures/clock';
import { nextStatus, type ProcedureAction } from '../../server/procedures/transitions';
import { actionsAllowed } from '../../contract/procedure-moves';
import { AppError } from '../../server/errors';

const day = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h));

describe('procedure transitions', () => {
  it('follows submitted → in progress → waiting for the citizen → in progress → completed', () => {
    let s: ProcedureStatus = 'submitted';
    for (const [a, want] of [
      ['taken', 'in_progress'],
      ['info_requested', 'waiting_citizen'],
      ['replied', 'in_progress'],
      ['completed', 'completed'],
    ] as [ProcedureAction, ProcedureStatus][]) {
      s = nextStatus(s, a);
      expect(s).toBe(want);
    }
  });

  it('answers 409 to every illegal move', () => {
    const illegal: [ProcedureStatus, ProcedureAction][] = [
      ['submitted', 'completed'],
      ['submitted', 'rejected'],
      ['submitted', 'replied'],
      ['waiting_citizen', 'completed'],
      ['in_progress', 'replied'],
      ['completed', 'withdrawn'],
      ['rejected', 'taken'],
      ['withdrawn', 'replied'],
    ];
    for (const [from, action] of illegal) {
      const err = (() => {
        try {
          nextStatus(from, action);
        } catch (e) {
          return e;
        }
      })();
      expect(err, `${from} ${action}`).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(409);
    }
  });

  it('lets the citizen withdraw until it is closed', () => {
    for (const s of ['submitted', 'in_progress', 'waiting_citizen'] as const)
      expect(nextStatus(s, 'withdrawn')).toBe('withdrawn');
  });
});

describe('legal clock', () => {
  const submitted: ClockEvent = { at: day(1), toStatus: 'submitted' };

  it('counts whole days since submission', () => {
    expect(legalClock(30, [submitted], day(1, 20))).toEqual({ deadlineDays: 30, daysUsed: 0, daysLeft: 30, paused: false });
    expect(legalClock(30, [submitted], day(11))).toMatchObject({ daysUsed: 10, daysLeft: 20 });
  });

  it('stops while waiting for the citizen and runs again after the reply', () => {
    const events: ClockEvent[] = [
      submitted,
      { at: day(3), toStatus: 'in_progress' },
      { at: day(5), toStatus: 'waiting_citizen' },
    ];
    // Four days used when the information was asked; the twenty days of waiting do not count.
    expect(legalClock(30, events, day(25))).toEqual({ deadlineDays: 30, daysUsed: 4, daysLeft: 26, paused: true });
    const replied = [...events, { at: day(25), toStatus: 'in_progress' as const }];
    expect(legalClock(30, replied, day(27))).toMatchObject({ daysUsed: 6, daysLeft: 24, paused: false });
  });

  it('goes negative past the deadline, and stops counting once closed', () => {
    expect(legalClock(10, [submitted], day(15))).toMatchObject({ daysUsed: 14, daysLeft: -4 });
    const closed = [submitted, { at: day(4), toStatus: 'in_progress' as const }, { at: day(6), toStatus: 'completed' as const }];
    expect(legalClock(10, closed, day(30))).toEqual({ deadlineDays: 10, daysUsed: 5, daysLeft: null, paused: false });
  });
});

describe('actions the screens offer', () => {
  it('are exactly the moves the server allows, for who takes them', () => {
    expect(actionsAllowed('submitted', 'staff')).toEqual(['taken']);
    expect(actionsAllowed('in_progress', 'staff').sort()).toEqual(['completed', 'info_requested', 'rejected', 'taken']);
    expect(actionsAllowed('waiting_citizen', 'staff')).toEqual([]);
    expect(actionsAllowed('waiting_citizen', 'citizen').sort()).toEqual(['replied', 'withdrawn']);
    expect(actionsAllowed('completed', 'citizen')).toEqual([]);
    for (const s of ['submitted', 'in_progress', 'waiting_citizen', 'completed', 'rejected', 'withdrawn'] as const)
      for (const a of [...actionsAllowed(s, 'staff'), ...actionsAllowed(s, 'citizen')])
        expect(() => nextStatus(s, a)).not.toThrow();
  });
});
