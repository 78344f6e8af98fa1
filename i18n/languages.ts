/**
 * The languages the screens offer. Adding one = one JSON file in messages/ plus one line here.
 * The kiosk shows each language by its own name so nobody needs to read Italian to switch.
 */
export const languages = [
  { code: 'it', nativeName: 'Italiano', speech: 'it-IT' },
  { code: 'en', nativeName: 'English', speech: 'en-GB' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];
export const defaultLanguage: LanguageCode = 'it';

export function isLanguage(x: unknown): x is LanguageCode {
  return languages.some((l) => l.code === x);
}
