/**
 * The languages a call is spoken in: the display's own (Italian, and what the office configured,
 * in their order), then the language the ticket was taken in when it is not among them, so the
 * citizen hears their number in their language. Pure: the announcer passes what the browser has.
 */
import type { LanguageCode } from '../i18n/languages';

/**
 * `hasVoice(lang)`: true when the browser has a voice for `lang`, or cannot tell (its list is
 * empty: not loaded yet, or an engine that does not list voices). The display's own languages are
 * always spoken; the holder's extra one only with a voice, as another language's voice would
 * mangle the sentence.
 */
export function callLanguages(
  configured: readonly LanguageCode[],
  holder: LanguageCode,
  hasVoice: (lang: LanguageCode) => boolean,
): LanguageCode[] {
  if (configured.includes(holder) || !hasVoice(holder)) return [...configured];
  return [...configured, holder];
}
