/**
 * Service search for the kiosk: accent- and case-insensitive, every word typed must appear
 * (as the start of a word, or anywhere for words of 4+ letters) in the service name shown in the
 * current language, its keywords, or its names in the other languages (a resident may know the
 * Italian word, or type in Latin letters on an Arabic screen), name shown first.
 * Pure functions, so they are unit-testable.
 */
import { textIn } from '../contract/languages';
import type { LanguageCode } from '../i18n/languages';
import type { Service } from '../contract/catalog';

export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Keywords are one free-text field. When it is split by language (`it: a, b | en: c, d` or
 * `it: a, b; en: c, d`), only the part of the current language counts; otherwise all of it.
 */
export function keywordsFor(keywords: string, lang: LanguageCode): string {
  if (!keywords) return '';
  const parts = [...keywords.matchAll(/(?:^|[|;\n]\s*)([a-z]{2})\s*:\s*([^|;\n]*)/gi)];
  if (parts.length === 0) return keywords;
  const mine = parts.filter((m) => m[1].toLowerCase() === lang).map((m) => m[2]);
  return mine.join(' ');
}

function tokenMatches(words: string[], text: string, token: string): number {
  if (words.some((w) => w === token)) return 3;
  if (words.some((w) => w.startsWith(token))) return 2;
  if (token.length >= 4 && text.includes(token)) return 1;
  return 0;
}

/** Services matching the query, best first (name matches before keyword matches). */
export function searchServices(services: Service[], query: string, lang: LanguageCode): Service[] {
  const tokens = normalize(query).split(' ').filter(Boolean);
  if (tokens.length === 0) return [];
  const scored: { s: Service; score: number; i: number }[] = [];
  services.forEach((s, i) => {
    const shown = textIn(s.names, lang);
    const name = normalize(shown);
    const nameWords = name.split(' ');
    const otherNames = Object.values(s.names).filter((n) => n !== shown);
    const kw = normalize([keywordsFor(s.keywords, lang), ...otherNames].join(' '));
    const kwWords = kw.split(' ');
    let score = 0;
    for (const tok of tokens) {
      const inName = tokenMatches(nameWords, name, tok);
      const inKw = tokenMatches(kwWords, kw, tok);
      if (!inName && !inKw) return;
      score += inName * 2 + inKw;
    }
    if (name.startsWith(tokens.join(' '))) score += 5;
    scored.push({ s, score, i });
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((x) => x.s);
}
