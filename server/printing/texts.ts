import { DateTime } from 'luxon';
import { createTranslator } from 'use-intl/core';
import { toLanguage, type Lang } from '../../contract/lang';
import { messages } from '../../i18n/messages';

export type PrintLang = Lang;

/** A ticket's language as stored; anything unknown prints in Italian, the desk's language. */
export function printLang(lang: string | null | undefined): PrintLang {
  return toLanguage(lang);
}

/** The printed texts live with every other visible string, in messages/<lang>.json ("print"). */
export function printTexts(lang: PrintLang) {
  return createTranslator({ locale: lang, messages: messages[lang], namespace: 'print' });
}

/** Date and time as printed: numeric day/month/year (unambiguous in every language), 24-hour clock, office time zone. */
export function printedDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at).setZone(timeZone);
  return { date: local.toFormat('dd/MM/yyyy'), time: local.toFormat('HH:mm') };
}
