/**
 * The languages of the screens, the printed tickets and the e-mails. Adding one = one JSON file in
 * messages/ plus one line here (i18n/languages.ts re-exports this list for the screens).
 * Each language is shown by its own name so nobody needs to read Italian to switch.
 *
 * No zod here: the screens that validate nothing (the kiosk) load this without the schema library;
 * contract/lang.ts adds the schemas and re-exports all of it.
 *
 * `locale` formats dates and numbers (Arabic keeps Latin digits, so times and ticket numbers read
 * the same on every screen and on paper), `speech` names the voice, `dir` the writing direction.
 */
export const languages = [
  { code: 'it', nativeName: 'Italiano', locale: 'it-IT', speech: 'it-IT', dir: 'ltr' },
  { code: 'en', nativeName: 'English', locale: 'en-GB', speech: 'en-GB', dir: 'ltr' },
  { code: 'ro', nativeName: 'Română', locale: 'ro-RO', speech: 'ro-RO', dir: 'ltr' },
  { code: 'sq', nativeName: 'Shqip', locale: 'sq-AL', speech: 'sq-AL', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', locale: 'ar-u-nu-latn', speech: 'ar-SA', dir: 'rtl' },
  { code: 'uk', nativeName: 'Українська', locale: 'uk-UA', speech: 'uk-UA', dir: 'ltr' },
  { code: 'zh', nativeName: '中文', locale: 'zh-CN', speech: 'zh-CN', dir: 'ltr' },
] as const satisfies readonly { code: string; nativeName: string; locale: string; speech: string; dir: 'ltr' | 'rtl' }[];

export type Lang = (typeof languages)[number]['code'];
export type Language = (typeof languages)[number];
export const defaultLanguage: Lang = 'it';

export function isLanguage(x: unknown): x is Lang {
  return languages.some((l) => l.code === x);
}

/** A stored or asked language, anything unknown read as the default (the office's own language). */
export function toLanguage(x: unknown): Lang {
  return isLanguage(x) ? x : defaultLanguage;
}

export function languageOf(lang: Lang): Language {
  return languages.find((l) => l.code === lang) ?? languages[0];
}

/** The BCP 47 locale that formats dates and numbers in `lang`. */
export function localeOf(lang: Lang): string {
  return languageOf(lang).locale;
}

/** The BCP 47 tag that names the voice speaking `lang` (e.g. it → it-IT). */
export function speechTag(lang: Lang): string {
  return languageOf(lang).speech;
}

/** `ltr` or `rtl`: for the `dir` attribute of a page or a block written in `lang`. */
export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return languageOf(lang).dir;
}

/**
 * A text an admin writes (a service's name, a display's notice...), stored per language: Italian
 * always, the others when someone translated them.
 */
export type LocalizedText = { it: string } & { [L in Exclude<Lang, 'it'>]?: string };

/**
 * The one fallback rule for every text an admin writes, on the screens and on the server alike
 * (paper, e-mails, calendar files): the language asked for; else English, which more residents
 * read than Italian; else Italian, which is always there.
 */
export function textIn(text: LocalizedText, lang: Lang): string {
  return resolveText(text, lang).text;
}

/** The fallback rule with the language it lands on (for the `lang` attribute of what is shown). */
export function resolveText(text: LocalizedText, lang: Lang): { lang: Lang; text: string } {
  if (text[lang]) return { lang, text: text[lang] };
  if (text.en) return { lang: 'en', text: text.en };
  return { lang: 'it', text: text.it };
}

/**
 * For the screens that show Italian with a second language under it (the waiting-room display):
 * the second line by the same rule, or null when there is no second language or it would only
 * repeat the Italian.
 */
export function secondLine(text: LocalizedText, lang: Lang | null): { lang: Lang; text: string } | null {
  if (!lang) return null;
  const second = resolveText(text, lang);
  return second.lang === 'it' || second.text === text.it ? null : second;
}

/** The languages `text` has no translation for (Italian never: it is required). */
export function missingLanguages(text: LocalizedText): Lang[] {
  return languages.filter((l) => !text[l.code]?.trim()).map((l) => l.code);
}

/** True when `text` names `query` (already lower-case) in any of its languages: searches find a service whatever language is typed. */
export function textIncludes(text: LocalizedText, query: string): boolean {
  return Object.values(text).some((v) => typeof v === 'string' && v.toLowerCase().includes(query));
}
