/**
 * The languages (contract/languages.ts, re-exported) and the schemas of what is written in them:
 * a language code, an admin-written text per language.
 */
import { z } from './zod';
import { defaultLanguage, languages, type Lang, type LocalizedText } from './languages';

export * from './languages';

export const langSchema = z.enum(languages.map((l) => l.code) as [Lang, ...Lang[]]);

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
