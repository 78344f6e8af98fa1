import { DateTime } from 'luxon';
import { createTranslator } from 'use-intl/core';
import { messages } from '../../i18n/messages';

export type BookLang = 'it' | 'en';

export function bookLang(lang: string | null | undefined): BookLang {
  return lang === 'en' ? 'en' : 'it';
}

/** E-mail, calendar and API texts of appointments live in messages/<lang>.json ("book"). */
export function bookTexts(lang: BookLang) {
  return createTranslator({ locale: lang, messages: messages[lang], namespace: 'book' });
}

/** "martedì 3 novembre 2026" / "Tuesday 3 November 2026" and "09:30", in the office time zone. */
export function spokenDateTime(at: Date, timeZone: string, lang: BookLang): { date: string; time: string } {
  const local = DateTime.fromJSDate(at)
    .setZone(timeZone)
    .setLocale(lang === 'en' ? 'en-GB' : 'it');
  return { date: local.toFormat('cccc d LLLL yyyy'), time: local.toFormat('HH:mm') };
}
