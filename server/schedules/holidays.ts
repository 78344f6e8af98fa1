/**
 * Italian national holidays ("feste nazionali"), computed for any year, so nobody has to type
 * them in every January. Local closures and the patron saint's day are per office (schedules.ts).
 * Their names are interface texts: messages/<lang>.json, book.calendar.holidays.<key>.
 */

export type HolidayKey =
  | 'capodanno'
  | 'epifania'
  | 'liberazione'
  | 'lavoro'
  | 'repubblica'
  | 'ferragosto'
  | 'ognissanti'
  | 'immacolata'
  | 'natale'
  | 'santo-stefano'
  | 'pasqua'
  | 'pasquetta';

export interface Holiday {
  /** YYYY-MM-DD */
  day: string;
  key: HolidayKey;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Easter Sunday of the Gregorian calendar (anonymous algorithm, a.k.a. Meeus/Jones/Butcher),
 * valid for every year from 1583 on. Returns [month 1–12, day].
 */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const FIXED: { month: number; day: number; key: HolidayKey }[] = [
  { month: 1, day: 1, key: 'capodanno' },
  { month: 1, day: 6, key: 'epifania' },
  { month: 4, day: 25, key: 'liberazione' },
  { month: 5, day: 1, key: 'lavoro' },
  { month: 6, day: 2, key: 'repubblica' },
  { month: 8, day: 15, key: 'ferragosto' },
  { month: 11, day: 1, key: 'ognissanti' },
  { month: 12, day: 8, key: 'immacolata' },
  { month: 12, day: 25, key: 'natale' },
  { month: 12, day: 26, key: 'santo-stefano' },
];

const cache = new Map<number, Map<string, Holiday>>();

/** The national holidays of a year, by day. */
export function italianHolidays(year: number): Map<string, Holiday> {
  let out = cache.get(year);
  if (out) return out;
  out = new Map();
  for (const f of FIXED) out.set(iso(year, f.month, f.day), { day: iso(year, f.month, f.day), key: f.key });
  const [m, d] = easterSunday(year);
  const easter = iso(year, m, d);
  // Easter Monday: the day after Easter Sunday, computed on a plain calendar (no time zone involved).
  const monday = new Date(Date.UTC(year, m - 1, d + 1));
  const easterMonday = iso(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  out.set(easter, { day: easter, key: 'pasqua' });
  out.set(easterMonday, { day: easterMonday, key: 'pasquetta' });
  cache.set(year, out);
  return out;
}

/** The national holiday on a local day (YYYY-MM-DD), if any. */
export function nationalHoliday(day: string): Holiday | null {
  const year = Number(day.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  return italianHolidays(year).get(day) ?? null;
}
