import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { pageLanguage } from '../../book/lang';
import { log } from '../../server/log';
import { publicWaits } from '../../server/waits/public';
import { WaitsApp } from '../../waits/WaitsApp';

export const metadata: Metadata = { title: 'Sportello – Attese in tempo reale / Live waits' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

/** `/attese?lang=…`: live waits per office and service, and the best time to come. */
export default async function WaitsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const lang = pageLanguage(sp.lang, (await headers()).get('accept-language'));
  // The first figures come with the page; the page fetches them again by itself if this fails.
  const initial = await publicWaits().catch((err: unknown) => {
    log.warn({ err }, 'live waits not rendered with the page');
    return null;
  });
  return <WaitsApp initialLang={lang} initial={initial} />;
}
