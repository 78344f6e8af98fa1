import { textIn, type Lang } from '../../contract/lang';
import type { StatsRow } from '../../contract/stats';

/** The readable name of a row, in the screen's language; null key = "not at a counter / no clerk". */
export function rowLabel(row: StatsRow, lang: Lang, none: string, formatDay: (iso: string) => string): string {
  if (row.key === null || row.name === null) return none;
  if (/^\d{4}-\d{2}-\d{2}$/.test(row.key)) return formatDay(row.key);
  const name = textIn(row.name, lang);
  return row.prefix ? `${row.prefix} · ${name}` : name;
}

/** Long service names on a chart axis: cut, the full name is in the tooltip and the table. */
export function shortLabel(s: string, max = 22): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
