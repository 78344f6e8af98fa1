import { describe, expect, it } from 'vitest';
import { easterSunday, italianHolidays, nationalHoliday } from '../../server/schedules/holidays';
import {
  availability,
  closedReason,
  daySlots,
  isBookableStart,
  type ClosureRules,
  type ScheduleRule,
} from '../../server/schedules/slots';

const TZ = 'Europe/Rome';
/** The demo schedule: Mon–Fri 9:00–12:30, Tue and Thu also 14:30–17:00, 15-minute slots. */
const rule: ScheduleRule = {
  timeZone: TZ,
  slotMinutes: 15,
  capacity: 2,
  horizonDays: 60,
  minNoticeMinutes: 120,
  hours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '09:00', closes: '12:30' },
    ...(weekday === 2 || weekday === 4 ? [{ weekday, opens: '14:30', closes: '17:00' }] : []),
  ]),
};
const noClosures: ClosureRules = { closures: [], patron: null };
const times = (day: string, r: ScheduleRule = rule) => daySlots(r, day).map((s) => s.time);
const isoStarts = (day: string, r: ScheduleRule = rule) => daySlots(r, day).map((s) => s.startsAt.toISOString());

const morning = [
  '09:00',
  '09:15',
  '09:30',
  '09:45',
  '10:00',
  '10:15',
  '10:30',
  '10:45',
  '11:00',
  '11:15',
  '11:30',
  '11:45',
  '12:00',
  '12:15',
];
const afternoon = ['14:30', '14:45', '15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30', '16:45'];

describe('slot generation, a normal week (16–22 November 2026)', () => {
  it('follows the weekly hours, several ranges a day', () => {
    expect(times('2026-11-16')).toEqual(morning); // Monday
    expect(times('2026-11-17')).toEqual([...morning, ...afternoon]); // Tuesday
    expect(times('2026-11-18')).toEqual(morning);
    expect(times('2026-11-19')).toEqual([...morning, ...afternoon]);
    expect(times('2026-11-20')).toEqual(morning);
    expect(times('2026-11-21')).toEqual([]); // Saturday
    expect(times('2026-11-22')).toEqual([]); // Sunday
  });

  it('places slots at the local wall-clock time (UTC+1 in November)', () => {
    const [first] = daySlots(rule, '2026-11-16');
    expect(first.startsAt.toISOString()).toBe('2026-11-16T08:00:00.000Z');
    expect(first.endsAt.toISOString()).toBe('2026-11-16T08:15:00.000Z');
    const last = daySlots(rule, '2026-11-17').at(-1);
    expect(last?.endsAt.toISOString()).toBe('2026-11-17T16:00:00.000Z'); // 17:00 local
  });

  it('never lets a slot run past the closing time, and overlapping ranges make no duplicates', () => {
    const odd: ScheduleRule = {
      ...rule,
      slotMinutes: 20,
      hours: [
        { weekday: 1, opens: '09:00', closes: '10:10' },
        { weekday: 1, opens: '09:40', closes: '10:00' },
      ],
    };
    expect(times('2026-11-16', odd)).toEqual(['09:00', '09:20', '09:40']);
  });

  it('applies minimum notice, horizon and capacity', () => {
    const now = new Date('2026-11-16T08:30:00Z'); // Monday 09:30 local
    const booked = new Map([
      [new Date('2026-11-16T10:00:00Z').getTime(), 2],
      [new Date('2026-11-16T10:15:00Z').getTime(), 1],
    ]);
    const [today] = availability(rule, noClosures, '2026-11-16', '2026-11-16', booked, now);
    // 2 hours of notice: the first bookable slot is 11:30 local (10:30Z).
    expect(today.slots.map((s) => s.time)).toEqual(['11:30', '11:45', '12:00', '12:15']);
    const all = availability(rule, noClosures, '2026-11-16', '2026-11-16', booked, new Date('2026-11-15T08:00:00Z'))[0];
    expect(all.slots.find((s) => s.time === '11:00')?.free).toBe(0);
    expect(all.slots.find((s) => s.time === '11:15')?.free).toBe(1);
    expect(all.slots.find((s) => s.time === '09:00')?.free).toBe(2);
    const far = availability(rule, noClosures, '2027-01-10', '2027-02-10', new Map(), now);
    expect(far.at(-1)?.day).toBe('2027-01-15'); // 60 days from 16 November
    expect(isBookableStart(rule, noClosures, new Date('2026-11-16T10:30:00Z'), now)).toBe(true);
    expect(isBookableStart(rule, noClosures, new Date('2026-11-16T10:15:00Z'), now)).toBe(false); // notice
    expect(isBookableStart(rule, noClosures, new Date('2026-11-16T10:37:00Z'), now)).toBe(false); // not a slot start
  });
});

describe('holidays and closures', () => {
  it('computes Easter with the Gregorian algorithm', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2027)).toEqual([3, 28]);
    expect(easterSunday(2038)).toEqual([4, 25]);
    expect(easterSunday(2285)).toEqual([3, 22]);
  });

  it('knows every Italian national holiday of a year', () => {
    expect([...italianHolidays(2027).keys()].sort()).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-28',
      '2027-03-29',
      '2027-04-25',
      '2027-05-01',
      '2027-06-02',
      '2027-08-15',
      '2027-11-01',
      '2027-12-08',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(nationalHoliday('2027-03-29')?.key).toBe('pasquetta');
    expect(nationalHoliday('2026-04-06')?.key).toBe('pasquetta');
    expect(nationalHoliday('2026-04-07')).toBeNull();
  });

  it('gives no slots on Easter Monday 2027, the patron saint day and a local closure; other days are open', () => {
    const rules: ClosureRules = {
      patron: { month: 8, day: 7, name: { it: 'San Donato' } },
      closures: [{ fromDay: '2027-04-12', toDay: '2027-04-13', reason: { it: 'Trasloco' } }],
    };
    const now = new Date('2027-03-01T08:00:00Z');
    const days = availability(rule, rules, '2027-03-29', '2027-03-30', new Map(), now);
    expect(days[0]).toMatchObject({
      day: '2027-03-29',
      closed: { kind: 'holiday', name: { it: "Lunedì dell'Angelo", en: 'Easter Monday', ar: 'اثنين الفصح' } },
      slots: [],
    });
    expect(days[1].slots.map((s) => s.time)).toEqual([...morning, ...afternoon]); // Tuesday after Easter
    expect(closedReason('2027-08-06', rules)).toBeNull();
    expect(closedReason('2026-08-07', rules)).toEqual({ kind: 'patron', name: { it: 'San Donato' } }); // every year
    expect(closedReason('2027-04-12', rules)).toEqual({ kind: 'closure', name: { it: 'Trasloco' } });
    expect(closedReason('2027-04-13', rules)).toMatchObject({ kind: 'closure' });
    expect(closedReason('2027-04-14', rules)).toBeNull();
    // Without a name or a reason: the words of the kind of day, in every language (messages files).
    const bare: ClosureRules = {
      patron: { month: 8, day: 7, name: null },
      closures: [{ fromDay: '2027-04-12', toDay: '2027-04-12', reason: null }],
    };
    expect(closedReason('2026-08-07', bare)?.name).toMatchObject({
      it: 'Santo patrono',
      en: 'Patron saint',
      uk: 'День святого покровителя',
    });
    expect(closedReason('2027-04-12', bare)?.name).toMatchObject({ it: 'Chiusura', zh: '停止办公' });
    expect(isBookableStart(rule, rules, new Date('2027-03-29T07:00:00Z'), now)).toBe(false);
    // 1 May 2026 is a Friday, a holiday: no slots; 4 May is an ordinary Monday.
    const may = availability(rule, rules, '2026-05-01', '2026-05-04', new Map(), new Date('2026-04-20T08:00:00Z'));
    expect(may.map((d) => [d.day, d.closed?.kind ?? null, d.slots.length])).toEqual([
      ['2026-05-01', 'holiday', 0],
      ['2026-05-02', null, 0],
      ['2026-05-03', null, 0],
      ['2026-05-04', null, 14],
    ]);
  });
});

describe('daylight-saving days', () => {
  // 29 March 2026: 02:00 → 03:00 (UTC+1 → UTC+2). 25 October 2026: 03:00 → 02:00 (UTC+2 → UTC+1).
  const everyDay: ScheduleRule = {
    ...rule,
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '12:30' })),
  };

  it('spring forward: the same local slots, one hour earlier in UTC than the day before, none missing or doubled', () => {
    expect(times('2026-03-29', everyDay)).toEqual(morning);
    expect(isoStarts('2026-03-28', everyDay)[0]).toBe('2026-03-28T08:00:00.000Z');
    expect(isoStarts('2026-03-29', everyDay)[0]).toBe('2026-03-29T07:00:00.000Z');
    expect(isoStarts('2026-03-29', everyDay).at(-1)).toBe('2026-03-29T10:15:00.000Z');
    expect(new Set(isoStarts('2026-03-29', everyDay)).size).toBe(14);
  });

  it('fall back: the same local slots, one hour later in UTC than the day before, none missing or doubled', () => {
    expect(times('2026-10-25', everyDay)).toEqual(morning);
    expect(isoStarts('2026-10-24', everyDay)[0]).toBe('2026-10-24T07:00:00.000Z');
    expect(isoStarts('2026-10-25', everyDay)[0]).toBe('2026-10-25T08:00:00.000Z');
    expect(new Set(isoStarts('2026-10-25', everyDay)).size).toBe(14);
  });

  it('a range across the change at night holds exactly the real time between opening and closing', () => {
    const night: ScheduleRule = { ...rule, slotMinutes: 30, hours: [{ weekday: 7, opens: '00:00', closes: '05:00' }] };
    // March: 00:00–05:00 local lasts 4 real hours; the wall clock skips 02:00–02:59.
    const spring = daySlots(night, '2026-03-29');
    expect(spring.map((s) => s.time)).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30']);
    expect(spring.map((s) => s.endsAt.getTime() - s.startsAt.getTime())).toEqual(Array(8).fill(30 * 60_000));
    // October: 00:00–05:00 local lasts 6 real hours; 02:00 and 02:30 happen twice, as distinct slots.
    const fall = daySlots(night, '2026-10-25');
    expect(fall).toHaveLength(12);
    expect(new Set(fall.map((s) => s.startsAt.getTime())).size).toBe(12);
    expect(fall.map((s) => s.time)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
      '04:00',
      '04:30',
    ]);
    for (let i = 1; i < fall.length; i++) expect(fall[i].startsAt.getTime() - fall[i - 1].startsAt.getTime()).toBe(30 * 60_000);
  });

  it('availability across the change week keeps every weekday complete', () => {
    const days = availability(rule, noClosures, '2026-10-19', '2026-10-30', new Map(), new Date('2026-10-01T08:00:00Z'));
    const counts = days.map((d) => d.slots.length);
    expect(counts).toEqual([14, 24, 14, 24, 14, 0, 0, 14, 24, 14, 24, 14]);
    expect(days[7].slots[0].startsAt.toISOString()).toBe('2026-10-26T08:00:00.000Z'); // Monday after: UTC+1
    expect(days[4].slots[0].startsAt.toISOString()).toBe('2026-10-23T07:00:00.000Z'); // Friday before: UTC+2
  });
});
