import { describe, expect, it } from 'vitest';
import { opensAgain } from '../../ui/opensAgain';

// Thursday 26 November 2026, 19:00 in Rome (UTC+1).
const now = new Date('2026-11-26T18:00:00Z');
const TZ = 'Europe/Rome';

describe('opensAgain (kiosk sentence and display notice)', () => {
  it('says today, tomorrow or the named day, in the office time and without a leading zero', () => {
    expect(opensAgain('it', '2026-11-26T20:30:00Z', TZ, now)).toEqual({ key: 'opensToday', values: { time: '21:30' } });
    expect(opensAgain('en', '2026-11-27T07:30:00Z', TZ, now)).toEqual({ key: 'opensTomorrow', values: { time: '8:30' } });
    expect(opensAgain('it', '2026-11-30T07:30:00Z', TZ, now)).toEqual({
      key: 'opensOn',
      values: { day: 'lunedì 30 novembre', time: '8:30' },
    });
    expect(opensAgain('en', '2026-11-30T07:30:00Z', TZ, now)).toEqual({
      key: 'opensOn',
      values: { day: 'Monday 30 November', time: '8:30' },
    });
  });

  it('uses the office zone, not the screen’s: 23:30 UTC is tomorrow in Rome', () => {
    expect(opensAgain('en', '2026-11-26T23:30:00Z', TZ, now)).toEqual({ key: 'opensTomorrow', values: { time: '0:30' } });
  });

  it('no next opening: noNext', () => {
    expect(opensAgain('it', undefined, TZ, now)).toEqual({ key: 'noNext' });
  });
});
