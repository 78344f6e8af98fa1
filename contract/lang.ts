/**
 * The languages of the screens, the printed tickets and the e-mails. Adding one = one JSON file in
 * messages/ plus one line here (i18n/languages.ts re-exports this list for the screens).
 * Each language is shown by its own name so nobody needs to read Italian to switch.
 */
import { z } from './zod';

export const languages = [
  { code: 'it', nativeName: 'Italiano', speech: 'it-IT' },
  { code: 'en', nativeName: 'English', speech: 'en-GB' },
] as const;

export type Lang = (typeof languages)[number]['code'];
export const langSchema = z.enum(languages.map((l) => l.code) as [Lang, ...Lang[]]);
export const defaultLanguage: Lang = 'it';

export function isLanguage(x: unknown): x is Lang {
  return languages.some((l) => l.code === x);
}
