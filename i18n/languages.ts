/** The languages the screens offer: the list lives in contract/languages.ts (the server prints and mails in them too). */
import type { Lang } from '../contract/languages';

export { defaultLanguage, dirOf, isLanguage, languages, localeOf, speechTag, textIn, toLanguage } from '../contract/languages';
export type LanguageCode = Lang;
