import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TicketScreen } from '../../../ticket/TicketScreen';
import { defaultLanguage, isLanguage, type LanguageCode } from '../../../i18n/languages';

export const metadata: Metadata = { title: 'Sportello', robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;

/** First supported language of an Accept-Language header ("en-GB,en;q=0.9,it;q=0.8"). */
function fromAcceptLanguage(header: string | null): LanguageCode | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.base).find(isLanguage) ?? null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Search>;
}) {
  const { code } = await params;
  const sp = await searchParams;
  const q = Array.isArray(sp.lang) ? sp.lang[0] : sp.lang;
  const fromQuery = isLanguage(q);
  const lang: LanguageCode = fromQuery ? q : (fromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLanguage);
  return <TicketScreen code={safeDecode(code)} initialLang={lang} langFromQuery={fromQuery} />;
}
