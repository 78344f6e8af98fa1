import { PUBLIC_CODE_PATTERN } from '../../contract/tickets';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessDay, formatTicketNumber, newPublicCode } from '../../server/tickets/numbering';

const ROME = 'Europe/Rome';

describe('business day (numbering resets at local midnight)', () => {
  it('uses the Rome date, not the UTC date, around midnight', () => {
    // 23:30 UTC on 26 Nov is 00:30 on 27 Nov in Rome (UTC+1 in winter).
    expect(businessDay(new Date('2026-11-26T23:30:00Z'), ROME)).toBe('2026-11-27');
    expect(businessDay(new Date('2026-11-26T22:59:59Z'), ROME)).toBe('2026-11-26');
    // Summer (UTC+2): 22:30 UTC is already the next day in Rome.
    expect(businessDay(new Date('2026-07-10T22:30:00Z'), ROME)).toBe('2026-07-11');
    expect(businessDay(new Date('2026-07-10T21:59:00Z'), ROME)).toBe('2026-07-10');
  });

  it('stays correct on both daylight-saving days', () => {
    // 29 March 2026: clocks jump from 02:00 to 03:00. 29 March 00:30 Rome = 28 March 23:30 UTC.
    expect(businessDay(new Date('2026-03-28T23:30:00Z'), ROME)).toBe('2026-03-29');
    expect(businessDay(new Date('2026-03-29T21:59:00Z'), ROME)).toBe('2026-03-29');
    expect(businessDay(new Date('2026-03-29T22:00:00Z'), ROME)).toBe('2026-03-30');
    // 25 October 2026: clocks go back from 03:00 to 02:00; the day is 25 hours long.
    expect(businessDay(new Date('2026-10-24T22:00:00Z'), ROME)).toBe('2026-10-25');
    expect(businessDay(new Date('2026-10-25T22:59:00Z'), ROME)).toBe('2026-10-25');
    expect(businessDay(new Date('2026-10-25T23:00:00Z'), ROME)).toBe('2026-10-26');
  });

  it('gives the day of the zone arithmetic at every moment, forwards and backwards, across both daylight-saving days (the kept day and its bounds)', () => {
    for (const start of ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z']) {
      const from = Date.parse(start);
      const moments = Array.from({ length: (4 * 24 * 60) / 7 }, (_, i) => from + i * 7 * 60_000);
      for (const ms of [...moments, ...moments.reverse()])
        for (const zone of [ROME, 'America/New_York'])
          expect(businessDay(new Date(ms), zone)).toBe(DateTime.fromMillis(ms, { zone }).toISODate());
    }
  });

  it('follows another configured time zone', () => {
    expect(businessDay(new Date('2026-11-26T23:30:00Z'), 'UTC')).toBe('2026-11-26');
  });

  it('rejects an unknown time zone', () => {
    expect(() => businessDay(new Date(), 'Mars/Olympus')).toThrow(/time zone/i);
  });
});

describe('ticket numbers and public codes', () => {
  it('pads to three digits and keeps growing past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('T', 42)).toBe('T042');
    expect(formatTicketNumber('B', 1000)).toBe('B1000');
  });

  it('makes unguessable, distinct public codes', () => {
    const codes = new Set(Array.from({ length: 5000 }, newPublicCode));
    expect(codes.size).toBe(5000);
    for (const c of codes) expect(c).toMatch(PUBLIC_CODE_PATTERN);
  });
});
