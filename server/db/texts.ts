import { languages, type LocalizedText } from '../../contract/lang';
import { Prisma } from './generated/client';

/**
 * Admin-written texts are JSONB columns holding a LocalizedText (contract/lang.ts), written only
 * through the contract's `localizedText` schema. Reading keeps the strings of known languages, so
 * a row edited by hand with a stray key or value cannot reach a screen; Italian is always a string.
 */
export function textOf(value: Prisma.JsonValue): LocalizedText {
  const v = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const out: Record<string, string> = { it: typeof v.it === 'string' ? v.it : '' };
  for (const { code } of languages) {
    const s = v[code];
    if (code !== 'it' && typeof s === 'string' && s.trim() !== '') out[code] = s;
  }
  return out as LocalizedText;
}

/** A nullable LocalizedText column (kiosk location hint, closure reason...). */
export function textOrNull(value: Prisma.JsonValue | null): LocalizedText | null {
  return value === null ? null : textOf(value);
}

/** A JSONB array of LocalizedText (a display's ticker). */
export function textsOf(value: Prisma.JsonValue): LocalizedText[] {
  return Array.isArray(value) ? value.map(textOf) : [];
}

/** What to write in a nullable LocalizedText column: SQL NULL for null, nothing for undefined. */
export function nullableText(text: LocalizedText | null | undefined): LocalizedText | typeof Prisma.DbNull | undefined {
  return text === null ? Prisma.DbNull : text;
}
