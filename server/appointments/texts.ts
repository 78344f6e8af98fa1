import { DateTime } from 'luxon';
import { createTranslator } from 'use-intl/core';
import { localeOf, toLanguage, type Lang } from '../../contract/lang';
import { messages } from '../../i18n/messages';

export type BookLang = Lang;

/** An appointment's language as stored; anything unknown is Italian. */
export function bookLang(lang: string | null | undefined): BookLang {
  return toLanguage(lang);
}

/** E-mail, calendar and API texts of appointments live in messages/<lang>.json ("book"). */
export function bookTexts(lang: BookLang) {
  return createTranslator({ locale: lang, messages: messages[lang], namespace: 'book' });
}

/** "martedì 3 novembre 2026" / "Tuesday 3 November 2026" (in the language's locale) and "09:30", in the office time zone. */
export function spokenDateTime(at: Date, timeZone: string, lang: BookLang): { date: string; time: string } {
  const local = DateTime.fromJSDate(at).setZone(timeZone).setLocale(localeOf(lang));
  return { date: local.toFormat('cccc d LLLL yyyy'), time: local.toFormat('HH:mm') };
}
