/** Pure helpers of the display form (kept apart from the component so they are unit-tested). */

/** A URL-safe name from a display name: "Sala d'attesa" → "sala-d-attesa". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * The two text areas, one message per line, as the API wants them: the Italian lines that are
 * not blank, each with the English line in the same position (blank when missing).
 */
export function tickerLines(it: string, en: string): { tickerIt: string[]; tickerEn: string[] } {
  const itLines = it.split('\n');
  const enLines = en.split('\n');
  const kept = itLines.map((l, i) => ({ it: l.trim(), en: (enLines[i] ?? '').trim() })).filter((m) => m.it !== '');
  const tickerEn = kept.map((m) => m.en);
  while (tickerEn.length > 0 && tickerEn[tickerEn.length - 1] === '') tickerEn.pop();
  return { tickerIt: kept.map((m) => m.it), tickerEn };
}
