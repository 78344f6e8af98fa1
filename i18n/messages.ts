import ar from '../messages/ar.json';
import en from '../messages/en.json';
import it from '../messages/it.json';
import ro from '../messages/ro.json';
import sq from '../messages/sq.json';
import uk from '../messages/uk.json';
import zh from '../messages/zh.json';
import type { LocalizedText } from '../contract/lang';
import { languages, type LanguageCode } from './languages';

export type Messages = typeof it;

// Every language is checked against Italian at compile time: a missing key is a type error here
// (test/unit/messages.test.ts checks placeholders and plural forms as well).
export const messages: Record<LanguageCode, Messages> = { it, en, ro, sq, ar, uk, zh };

/** One interface text in every language, as a LocalizedText: what the server sends when a fixed text (a holiday's name) stands where an admin's text can. */
export function inEveryLanguage(pick: (m: Messages) => string): LocalizedText {
  return Object.fromEntries(languages.map((l) => [l.code, pick(messages[l.code])])) as LocalizedText;
}
