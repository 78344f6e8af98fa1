/**
 * The draft of an admin-written text while a form is open, as pure functions (unit-tested; the
 * field itself is LocalizedTextField.tsx).
 */
import { languages, type Lang, type LocalizedText } from '../../contract/lang';

/**
 * The errors of one text from the API's field issues: `<path>.<lang>` on that language, an issue
 * on the text as a whole on Italian (the one that must be there).
 */
export function languageErrors(issues: Map<string, string>, path: string, message: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const l of languages) if (issues.has(`${path}.${l.code}`)) out[l.code] = message;
  if (issues.has(path)) out.it = message;
  return out;
}

/** What the form holds while an admin types: one string per language, blank = not translated. */
export type TextDraft = Record<Lang, string>;

export function textDraft(text?: LocalizedText | null): TextDraft {
  return Object.fromEntries(languages.map((l) => [l.code, text?.[l.code] ?? ''])) as TextDraft;
}

/** The draft as the API takes it (contract/lang.ts `localizedText`, which trims and drops blanks too). */
export function fromDraft(draft: TextDraft): LocalizedText {
  return Object.fromEntries(languages.map((l) => [l.code, draft[l.code].trim()]).filter(([, v]) => v !== '')) as LocalizedText;
}

/** For texts that may be absent (a kiosk's location hint, a closure's reason): null when every language is blank. */
export function fromOptionalDraft(draft: TextDraft): LocalizedText | null {
  return languages.some((l) => draft[l.code].trim() !== '') ? fromDraft(draft) : null;
}
