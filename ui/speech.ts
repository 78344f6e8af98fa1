/**
 * What a call sounds like, as text: the number spelled letter by letter and the sentence spoken
 * for it. Shared by the waiting-room display (which speaks it) and the phone page (which shows
 * the counter the same way). Pure: no audio, no React.
 */
import { createTranslator } from 'use-intl/core';
import type { CallInfo } from '../contract/display';
import { languages, type LanguageCode } from '../i18n/languages';
import { messages } from '../i18n/messages';

/** BCP 47 tag used for speech in a language (e.g. it → it-IT). */
export function speechTag(lang: LanguageCode): string {
  return languages.find((l) => l.code === lang)?.speech ?? lang;
}

/**
 * The voice for a BCP 47 tag among the browser's: the same tag, else the same language; a voice
 * installed on the machine before a network one. None: the engine's default for `utterance.lang`.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], tag: string): SpeechSynthesisVoice | null {
  const norm = (s: string) => s.replace('_', '-').toLowerCase();
  const want = norm(tag);
  const base = want.split('-')[0];
  const exact = voices.filter((v) => norm(v.lang) === want);
  const sameLang = voices.filter((v) => norm(v.lang).split('-')[0] === base);
  const pool = exact.length > 0 ? exact : sameLang;
  return pool.find((v) => v.localService) ?? pool[0] ?? null;
}

/**
 * Spells a display number so a speech engine reads it character by character: "A012" becomes
 * "A 0 1 2" in Italian, "ay 0 1 2" in English (letter names come from the language file).
 */
export function spellNumber(number: string, lang: LanguageCode): string {
  const letters = messages[lang].display.speechLetters.split(',').map((s) => s.trim());
  return Array.from(number.toUpperCase())
    .filter((ch) => /[A-Z0-9]/.test(ch))
    .map((ch) => {
      const i = ch.charCodeAt(0) - 65;
      return i >= 0 && i < 26 ? (letters[i] ?? ch) : ch;
    })
    .join(' ');
}

/** True for counter names that just say "Sportello N" (so speech says "counter N" in every language). */
export function isPlainCounterName(name: string, counterNumber: number): boolean {
  const plain = messages.it.display.counter.toLowerCase();
  return name.trim().toLowerCase().replace(/\s+/g, ' ') === `${plain} ${counterNumber}`;
}

/** The sentence spoken for a call, e.g. "Numero A 0 1 2, sportello 3". */
export function speechText(call: Pick<CallInfo, 'number' | 'counterNumber' | 'counterName'>, lang: LanguageCode): string {
  const t = createTranslator({ locale: lang, messages: messages[lang], namespace: 'display' });
  const number = spellNumber(call.number, lang);
  if (call.counterName && !isPlainCounterName(call.counterName, call.counterNumber) && lang === 'it') {
    return t('speechNamed', { number, name: call.counterName });
  }
  return t('speech', { number, counter: String(call.counterNumber) });
}
