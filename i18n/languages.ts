/** The languages the screens offer: the list lives in contract/lang.ts (the server prints and mails in them too). */
import type { Lang } from '../contract/lang';

export { defaultLanguage, dirOf, isLanguage, languages, localeOf, textIn, toLanguage } from '../contract/lang';
export type LanguageCode = Lang;
