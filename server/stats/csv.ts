import { textIn, type Lang } from '../../contract/lang';
import type { ProcedureFigures, ProcedureStats } from '../../contract/procedure-stats';
import type { StatsFigures, StatsResult } from '../../contract/stats';
import { FIGURES } from './figures';

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote,
 * a line break, edge spaces, or a semicolon or tab (quotes doubled): Italian spreadsheets split
 * on `;`, and an unquoted `X;=HYPERLINK(…)` would turn its second half into a formula cell. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe, so an exported service name can
 * never execute anything. A UTF-8 byte-order mark lets Excel read the accents.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\t\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function figureValue(f: StatsFigures, key: keyof StatsFigures, kind: string): number | null {
  const v = f[key];
  if (v === null) return null;
  // Minutes to two decimals, shares to four: the JSON API has the full precision.
  return kind === 'minutes' ? Math.round(v * 100) / 100 : kind === 'share' ? Math.round(v * 10000) / 10000 : v;
}

export function statsCsv(r: StatsResult, lang: Lang): string {
  const header = ['group_by', 'key', 'name', ...FIGURES.map((f) => f.csv)];
  const lines = [header.map(csvField).join(',')];
  const line = (key: string | null, name: string | null, f: StatsFigures) =>
    [r.groupBy, key, name, ...FIGURES.map((d) => figureValue(f, d.key, d.kind))].map(csvField).join(',');
  for (const row of r.rows) {
    const name = row.name ? (row.prefix ? `${row.prefix} ${textIn(row.name, lang)}` : textIn(row.name, lang)) : null;
    lines.push(line(row.key, name, row));
  }
  lines.push(line('total', null, r.total));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvFileName(r: StatsResult): string {
  return `sportello-stats-${r.groupBy}-${r.from}_${r.to}.csv`;
}

const PROCEDURE_COLUMNS: [keyof ProcedureFigures, string][] = [
  ['opened', 'opened'],
  ['completed', 'completed'],
  ['rejected', 'rejected'],
  ['withdrawn', 'withdrawn'],
  ['medianDaysToComplete', 'median_days_to_complete'],
  ['withinDeadline', 'within_deadline'],
  ['withinDeadlineShare', 'within_deadline_share'],
];

/** The procedures' figures per service, then a total row; shares to four decimals. */
export function procedureStatsCsv(r: ProcedureStats, lang: Lang): string {
  const lines = [['service_id', 'service', ...PROCEDURE_COLUMNS.map(([, csv]) => csv)].map(csvField).join(',')];
  const line = (key: string, name: string | null, f: ProcedureFigures) =>
    [
      key,
      name,
      ...PROCEDURE_COLUMNS.map(([k]) => (k === 'withinDeadlineShare' && f[k] !== null ? Math.round(f[k] * 10000) / 10000 : f[k])),
    ]
      .map(csvField)
      .join(',');
  for (const row of r.rows) lines.push(line(row.serviceId, textIn(row.name, lang), row));
  lines.push(line('total', null, r.total));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
