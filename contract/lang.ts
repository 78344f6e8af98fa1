/**
 * The languages of the screens, the printed tickets and the e-mails. Adding one = one JSON file in
 * messages/ plus one line here (i18n/languages.ts re-exports this list for the screens).
 * Each language is shown by its own name so nobody needs to read Italian to switch.
 *
 * `locale` formats dates and numbers (Arabic keeps Latin digits, so times and ticket numbers read
 * the same on every screen and on paper), `speech` names the voice, `dir` the writing direction.
 */
import { z } from './zod';

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
export const langSchema = z.enum(languages.map((l) => l.code) as [Lang, ...Lang[]]);
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

type TextShape = { it: z.ZodString } & { [L in Exclude<Lang, 'it'>]: z.ZodOptional<z.ZodString> };

function textShape(it: z.ZodString, other: z.ZodString): TextShape {
  return Object.fromEntries(languages.map((l) => [l.code, l.code === defaultLanguage ? it : other.optional()])) as TextShape;
}

/**
 * Input of an admin-written text, at most `max` characters per language: Italian required, every
 * other language optional; a blank translation is dropped (it is missing, and falls back).
 */
export function localizedText(max: number) {
  return z
    .strictObject(textShape(z.string().trim().min(1).max(max), z.string().trim().max(max)))
    .transform((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v !== '')) as LocalizedText)
    .meta({ description: `One text per language code: "it" required, the others optional (missing ones fall back)` });
}

/** An admin-written text in an answer: every language that has it. */
export const localizedTextSchema = z.strictObject(textShape(z.string(), z.string()));
