/**
 * What a call sounds like, as text: the number spelled letter by letter and the sentence spoken
 * for it, which the waiting-room display speaks. Pure: no audio, no React.
 */
import { createTranslator } from 'use-intl/core';
import type { CallInfo } from '../contract/display';
import type { LanguageCode } from '../i18n/languages';
import type { Messages } from '../i18n/messages';
import { isPlainCounterName } from './counterName';

/** The texts speech needs in one language: the display's (the caller picks them, so no screen loads every language's files for this). */
export type SpeechMessages = Pick<Messages, 'display'>;

/**
 * Spells a display number so a speech engine reads it character by character: "A012" becomes
 * "A 0 1 2" in Italian, "ay 0 1 2" in English (letter names come from the language's texts).
 */
export function spellNumber(number: string, texts: SpeechMessages): string {
  const letters = texts.display.speechLetters.split(',').map((s) => s.trim());
  return Array.from(number.toUpperCase())
    .filter((ch) => /[A-Z0-9]/.test(ch))
    .map((ch) => {
      const i = ch.charCodeAt(0) - 65;
      return i >= 0 && i < 26 ? (letters[i] ?? ch) : ch;
    })
    .join(' ');
}

/** The sentence spoken for a call, e.g. "Numero A 0 1 2, sportello 3". */
export function speechText(
  call: Pick<CallInfo, 'number' | 'counterNumber' | 'counterName'>,
  lang: LanguageCode,
  texts: SpeechMessages,
): string {
  const t = createTranslator({ locale: lang, messages: texts, namespace: 'display' });
  const number = spellNumber(call.number, texts);
  if (call.counterName && !isPlainCounterName(call.counterName, call.counterNumber) && lang === 'it') {
    return t('speechNamed', { number, name: call.counterName });
  }
  return t('speech', { number, counter: String(call.counterNumber) });
}
