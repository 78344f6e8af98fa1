import { describe, expect, it } from 'vitest';
import { walkInStatusAt, type WalkInRules } from '../../server/offices/opening';
import type { OpeningRange } from '../../server/schedules/slots';

const TZ = 'Europe/Rome';
/** Mon–Fri 8:30–12:30, Tue and Thu also 14:30–17:00; tickets stop 15 minutes before closing. */
const week: OpeningRange[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '12:30' },
  ...(weekday === 2 || weekday === 4 ? [{ weekday, opens: '14:30', closes: '17:00' }] : []),
]);
const rules = (patch: Partial<WalkInRules> = {}): WalkInRules => ({
  timeZone: TZ,
  hours: week,
  lastTicketMinutes: 15,
  closures: { closures: [], patron: null },
  ...patch,
});
const at = (iso: string) => new Date(iso);

describe('walk-in opening hours', () => {
  it('no hours at all: always open (the behaviour before hours existed)', () => {
    expect(walkInStatusAt(rules({ hours: [] }), at('2026-12-25T03:00:00Z'))).toEqual({ open: true });
  });

  it('several ranges a day and the last-ticket margin (Tuesday 1 December 2026, winter time)', () => {
    const r = rules();
    // 12:10 local = 11:10Z: open until 12:15 local, the last ticket.
    expect(walkInStatusAt(r, at('2026-12-01T11:10:00Z'))).toEqual({ open: true, closesAt: '2026-12-01T11:15:00.000Z' });
    // 12:20 local: the desk is still open, but tickets have stopped; the afternoon opens at 14:30.
    expect(walkInStatusAt(r, at('2026-12-01T11:20:00Z'))).toEqual({
      open: false,
      reason: 'last_ticket_passed',
      nextOpensAt: '2026-12-01T13:30:00.000Z',
    });
    // 13:00 local: between the two ranges.
    expect(walkInStatusAt(r, at('2026-12-01T12:00:00Z'))).toEqual({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-12-01T13:30:00.000Z',
    });
    expect(walkInStatusAt(r, at('2026-12-01T13:30:00Z'))).toMatchObject({ open: true, closesAt: '2026-12-01T15:45:00.000Z' });
    // 17:30 local: Wednesday morning next.
    expect(walkInStatusAt(r, at('2026-12-01T16:30:00Z'))).toEqual({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-12-02T07:30:00.000Z',
    });
    // Wednesday has no afternoon.
    expect(walkInStatusAt(r, at('2026-12-02T13:30:00Z'))).toMatchObject({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-12-03T07:30:00.000Z',
    });
    // Without a margin tickets go until the closing minute.
    expect(walkInStatusAt(rules({ lastTicketMinutes: 0 }), at('2026-12-01T11:20:00Z'))).toMatchObject({
      open: true,
      closesAt: '2026-12-01T11:30:00.000Z',
    });
  });

  it('a range shorter than the margin never issues a ticket', () => {
    const r = rules({
      hours: [
        { weekday: 1, opens: '09:00', closes: '09:10' },
        { weekday: 1, opens: '10:00', closes: '12:00' },
      ],
    });
    expect(walkInStatusAt(r, at('2026-11-30T07:30:00Z'))).toEqual({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-11-30T09:00:00.000Z',
    });
  });

  it('next opening across a weekend and the spring change (Friday 27 → Monday 30 March 2026)', () => {
    // Friday 18:00 CET = 17:00Z; Monday 8:30 is already summer time (CEST, +2) = 06:30Z.
    expect(walkInStatusAt(rules(), at('2026-03-27T17:00:00Z'))).toEqual({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-03-30T06:30:00.000Z',
    });
    expect(walkInStatusAt(rules(), at('2026-03-30T06:29:00Z')).open).toBe(false);
    expect(walkInStatusAt(rules(), at('2026-03-30T06:30:00Z'))).toEqual({ open: true, closesAt: '2026-03-30T10:15:00.000Z' });
  });

  it('a range across the night of a change counts real minutes (29 March and 25 October 2026)', () => {
    // Sunday 00:30–04:00 local: in March 02:00–03:00 does not exist, so the range lasts 2½ hours.
    const night = rules({ hours: [{ weekday: 7, opens: '00:30', closes: '04:00' }], lastTicketMinutes: 30 });
    expect(walkInStatusAt(night, at('2026-03-28T23:30:00Z'))).toEqual({ open: true, closesAt: '2026-03-29T01:30:00.000Z' });
    // 03:20 CEST = 01:20Z: still open; 03:35 CEST = 01:35Z: past the last ticket (03:30 CEST).
    expect(walkInStatusAt(night, at('2026-03-29T01:20:00Z')).open).toBe(true);
    expect(walkInStatusAt(night, at('2026-03-29T01:35:00Z'))).toMatchObject({ open: false, reason: 'last_ticket_passed' });
    // In October 02:00–03:00 happens twice, so the range lasts 4½ hours: closing 04:00 CET = 03:00Z,
    // last ticket 03:30 CET = 02:30Z. At 01:30Z (the second 02:30, CET) it is still open.
    expect(walkInStatusAt(night, at('2026-10-25T01:30:00Z'))).toEqual({ open: true, closesAt: '2026-10-25T02:30:00.000Z' });
    expect(walkInStatusAt(night, at('2026-10-25T02:40:00Z'))).toMatchObject({ open: false, reason: 'last_ticket_passed' });
    // The next Sunday is 1 November (Ognissanti, a holiday): the one after opens at 00:30 CET = 23:30Z on Saturday.
    expect(walkInStatusAt(night, at('2026-10-25T03:10:00Z'))).toEqual({
      open: false,
      reason: 'outside_hours',
      nextOpensAt: '2026-11-07T23:30:00.000Z',
    });
  });

  it('a national holiday closes the day (Immacolata, Tuesday 8 December 2026)', () => {
    expect(walkInStatusAt(rules(), at('2026-12-08T09:00:00Z'))).toEqual({
      open: false,
      reason: 'holiday',
      nextOpensAt: '2026-12-09T07:30:00.000Z',
    });
    // From Monday evening the next opening skips the holiday.
    expect(walkInStatusAt(rules(), at('2026-12-07T17:00:00Z')).nextOpensAt).toBe('2026-12-09T07:30:00.000Z');
  });

  it('the patron saint closes the day (San Donato, Friday 7 August 2026) and the next opening is Monday', () => {
    const r = rules({ closures: { closures: [], patron: { month: 8, day: 7, name: { it: 'San Donato' } } } });
    expect(walkInStatusAt(r, at('2026-08-07T08:00:00Z'))).toEqual({
      open: false,
      reason: 'patron_day',
      nextOpensAt: '2026-08-10T06:30:00.000Z',
    });
    expect(walkInStatusAt(r, at('2026-08-06T16:00:00Z')).nextOpensAt).toBe('2026-08-10T06:30:00.000Z');
  });

  it('a local closure closes its days, and the next opening is after it and the weekend', () => {
    const r = rules({
      closures: { closures: [{ fromDay: '2026-11-30', toDay: '2026-12-02', reason: { it: 'Trasloco' } }], patron: null },
    });
    expect(walkInStatusAt(r, at('2026-11-30T09:00:00Z'))).toEqual({
      open: false,
      reason: 'closure',
      nextOpensAt: '2026-12-03T07:30:00.000Z',
    });
    // Friday 27 November 18:00: Saturday, Sunday and the closure are skipped.
    expect(walkInStatusAt(r, at('2026-11-27T17:00:00Z')).nextOpensAt).toBe('2026-12-03T07:30:00.000Z');
  });
});
