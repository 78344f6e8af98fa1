import type { Metadata } from 'next';
import { defaultLanguage, isLanguage } from '../../../i18n/languages';
import { PairScreen } from '../../../kiosk/PairScreen';

export const metadata: Metadata = { title: 'Sportello – Pair kiosk', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `/kiosk/pair?code=…`: the link an admin gets for pairing this browser with a kiosk. */
export default async function PairPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const lang = first(params.lang);
  return <PairScreen code={first(params.code)?.slice(0, 40) ?? ''} lang={isLanguage(lang) ? lang : defaultLanguage} />;
}
