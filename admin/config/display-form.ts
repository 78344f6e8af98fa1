/** Pure helpers of the display form (kept apart from the component so they are unit-tested). */
import { MAX_TICKER_MESSAGES } from '../../contract/admin/displays';
import { languages, type LocalizedText } from '../../contract/lang';
import { fromDraft, textDraft, type TextDraft } from './text-draft';

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

/** The ticker's notices as the form edits them, one draft per notice (at least one, to type in). */
export function tickerDrafts(ticker: LocalizedText[]): TextDraft[] {
  return ticker.length > 0 ? ticker.map((m) => textDraft(m)) : [textDraft()];
}

/** Another notice to type, while there is room for one. */
export function addNotice(drafts: TextDraft[]): TextDraft[] {
  return drafts.length < MAX_TICKER_MESSAGES ? [...drafts, textDraft()] : drafts;
}

/**
 * The notices as the API wants them: a notice blank in every language is left out; one with
 * translations but no Italian is sent, for the API to say the Italian is missing.
 */
export function tickerOf(drafts: TextDraft[]): LocalizedText[] {
  return drafts.map(fromDraft).filter((m) => Object.values(m).some((v) => v !== ''));
}

/** For the list: the ticker as one text that has a language only when every notice has it (null: no notices). */
export function tickerCoverage(ticker: LocalizedText[]): LocalizedText | null {
  if (ticker.length === 0) return null;
  return Object.fromEntries(
    languages.filter((l) => ticker.every((m) => m[l.code])).map((l) => [l.code, l.code]),
  ) as LocalizedText;
}
