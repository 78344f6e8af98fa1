import { describe, expect, it } from 'vitest';
import {
  isLanguage,
  languages,
  localizedText,
  localizedTextSchema,
  missingLanguages,
  resolveText,
  secondLine,
  textIn,
  toLanguage,
} from '../../contract/lang';
import { inEveryLanguage, messages } from '../../i18n/messages';
import { textOf, textOrNull, textsOf } from '../../server/db/texts';

/** The one translation model (contract/lang.ts): its fallback rule, its input schema, its reading from the database. */
describe('languages', () => {
  it('are the seven of the town, each by its own name, Arabic right to left', () => {
    expect(languages.map((l) => l.code)).toEqual(['it', 'en', 'ro', 'sq', 'ar', 'uk', 'zh']);
    expect(languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
    expect(new Set(languages.map((l) => l.nativeName)).size).toBe(7);
    for (const l of languages) {
      expect(messages[l.code], `messages/${l.code}.json`).toBeDefined();
      // Every locale formats: Arabic keeps Latin digits, so numbers read the same as on paper.
      expect(() => new Intl.DateTimeFormat(l.locale)).not.toThrow();
    }
    expect(new Intl.NumberFormat(languages.find((l) => l.code === 'ar')!.locale).format(2026)).toBe('2,026');
    expect(toLanguage('ar')).toBe('ar');
    expect(toLanguage('fr')).toBe('it');
    expect(isLanguage('zh')).toBe(true);
  });
});

describe('the fallback rule', () => {
  const full = { it: 'Certificato', en: 'Certificate', ro: 'Certificat' };

  it('gives the language asked for when there is a text in it', () => {
    expect(textIn(full, 'ro')).toBe('Certificat');
    expect(textIn(full, 'it')).toBe('Certificato');
  });

  it('else English, for every language but Italian', () => {
    expect(textIn(full, 'ar')).toBe('Certificate');
    expect(resolveText(full, 'zh')).toEqual({ lang: 'en', text: 'Certificate' });
  });

  it('else Italian, which is always there', () => {
    expect(textIn({ it: 'Solo italiano' }, 'ar')).toBe('Solo italiano');
    expect(resolveText({ it: 'Solo italiano' }, 'uk')).toEqual({ lang: 'it', text: 'Solo italiano' });
  });

  it('gives the display a second line only when it says something the Italian does not', () => {
    expect(secondLine(full, 'ro')).toEqual({ lang: 'ro', text: 'Certificat' });
    expect(secondLine(full, 'ar')).toEqual({ lang: 'en', text: 'Certificate' });
    expect(secondLine({ it: 'Solo' }, 'en')).toBeNull();
    expect(secondLine(full, null)).toBeNull();
    expect(secondLine({ it: 'Bar', en: 'Bar' }, 'en')).toBeNull();
  });

  it('names the missing languages', () => {
    expect(missingLanguages(full)).toEqual(['sq', 'ar', 'uk', 'zh']);
    expect(missingLanguages(inEveryLanguage((m) => m.common.appName))).toEqual([]);
  });
});

describe('an admin-written text as input', () => {
  const name = localizedText(20);

  it('requires Italian, trims, and drops blank translations (they fall back)', () => {
    expect(name.parse({ it: ' Anagrafe ', en: 'Registry', ro: '   ', zh: '户籍' })).toEqual({
      it: 'Anagrafe',
      en: 'Registry',
      zh: '户籍',
    });
    expect(name.safeParse({ en: 'Registry' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['it']);
    expect(name.safeParse({ it: '  ' }).success).toBe(false);
  });

  it('refuses a language the town does not offer, and a text too long in any language', () => {
    expect(name.safeParse({ it: 'Anagrafe', fr: 'État civil' }).success).toBe(false);
    expect(name.safeParse({ it: 'Anagrafe', ar: 'س'.repeat(21) }).error?.issues.map((i) => i.path.join('.'))).toEqual(['ar']);
    expect(name.safeParse('Anagrafe').success).toBe(false);
  });

  it('and as an answer: every language it has', () => {
    expect(localizedTextSchema.safeParse({ it: 'a', en: 'b', ro: 'c', sq: 'd', ar: 'e', uk: 'f', zh: 'g' }).success).toBe(true);
    expect(localizedTextSchema.safeParse({ en: 'x' }).success).toBe(false);
  });
});

describe('reading a stored text', () => {
  it('keeps the known languages only, so a row edited by hand cannot reach a screen with a stray value', () => {
    expect(textOf({ it: 'Anagrafe', en: 'Registry', fr: 'État', ro: 3, uk: ' ' })).toEqual({ it: 'Anagrafe', en: 'Registry' });
    expect(textOf('Anagrafe')).toEqual({ it: '' });
    expect(textOrNull(null)).toBeNull();
    expect(textsOf([{ it: 'Uno' }, { it: 'Due', en: 'Two' }])).toEqual([{ it: 'Uno' }, { it: 'Due', en: 'Two' }]);
    expect(textsOf({ it: 'x' })).toEqual([]);
  });
});
