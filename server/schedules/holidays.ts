/**
 * Italian national holidays ("feste nazionali"), computed for any year, so nobody has to type
 * them in every January. Local closures and the patron saint's day are per office (schedules.ts).
 */

export interface Holiday {
  /** YYYY-MM-DD */
  day: string;
  key: string;
  nameIt: string;
  nameEn: string;
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

const FIXED: { month: number; day: number; key: string; nameIt: string; nameEn: string }[] = [
  { month: 1, day: 1, key: 'capodanno', nameIt: 'Capodanno', nameEn: "New Year's Day" },
  { month: 1, day: 6, key: 'epifania', nameIt: 'Epifania', nameEn: 'Epiphany' },
  { month: 4, day: 25, key: 'liberazione', nameIt: 'Festa della Liberazione', nameEn: 'Liberation Day' },
  { month: 5, day: 1, key: 'lavoro', nameIt: 'Festa del Lavoro', nameEn: 'Labour Day' },
  { month: 6, day: 2, key: 'repubblica', nameIt: 'Festa della Repubblica', nameEn: 'Republic Day' },
  { month: 8, day: 15, key: 'ferragosto', nameIt: 'Ferragosto', nameEn: 'Assumption Day' },
  { month: 11, day: 1, key: 'ognissanti', nameIt: 'Ognissanti', nameEn: "All Saints' Day" },
  { month: 12, day: 8, key: 'immacolata', nameIt: 'Immacolata Concezione', nameEn: 'Immaculate Conception' },
  { month: 12, day: 25, key: 'natale', nameIt: 'Natale', nameEn: 'Christmas Day' },
  { month: 12, day: 26, key: 'santo-stefano', nameIt: 'Santo Stefano', nameEn: "St Stephen's Day" },
];

const cache = new Map<number, Map<string, Holiday>>();

/** The national holidays of a year, by day. */
export function italianHolidays(year: number): Map<string, Holiday> {
  let out = cache.get(year);
  if (out) return out;
  out = new Map();
  for (const f of FIXED)
    out.set(iso(year, f.month, f.day), { day: iso(year, f.month, f.day), key: f.key, nameIt: f.nameIt, nameEn: f.nameEn });
  const [m, d] = easterSunday(year);
  const easter = iso(year, m, d);
  // Easter Monday: the day after Easter Sunday, computed on a plain calendar (no time zone involved).
  const monday = new Date(Date.UTC(year, m - 1, d + 1));
  const easterMonday = iso(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  out.set(easter, { day: easter, key: 'pasqua', nameIt: 'Pasqua', nameEn: 'Easter Sunday' });
  out.set(easterMonday, { day: easterMonday, key: 'pasquetta', nameIt: "Lunedì dell'Angelo", nameEn: 'Easter Monday' });
  cache.set(year, out);
  return out;
}

/** The national holiday on a local day (YYYY-MM-DD), if any. */
export function nationalHoliday(day: string): Holiday | null {
  const year = Number(day.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  return italianHolidays(year).get(day) ?? null;
}
