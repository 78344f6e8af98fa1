import { defaultLanguage, isLanguage, type LanguageCode } from '../i18n/languages';

/** `?lang=` first, then the browser's Accept-Language ("en-GB,en;q=0.9,it;q=0.8"), then Italian. */
export function pageLanguage(query: string | string[] | undefined, acceptLanguage: string | null): LanguageCode {
  const q = Array.isArray(query) ? query[0] : query;
  if (isLanguage(q)) return q;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { base: tag.toLowerCase().split('-')[0], q: qp ? Number(qp.slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    const hit = ranked.map((r) => r.base).find(isLanguage);
    if (hit) return hit;
  }
  return defaultLanguage;
}
