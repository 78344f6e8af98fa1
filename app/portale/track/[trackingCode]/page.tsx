import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TrackScreen } from '../../../../portal/TrackScreen';
import { pageLanguage } from '../../../../book/lang';

export const metadata: Metadata = { title: 'Sportello', robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/portale/track/<trackingCode>`: a procedure's status and timeline, public like the ticket page (link in every e-mail). */
export const dynamic = 'force-dynamic';

export default async function TrackPage({
  params,
  searchParams,
}: {
  params: Promise<{ trackingCode: string }>;
  searchParams: Promise<Search>;
}) {
  const code = safeDecode((await params).trackingCode).slice(0, 64);
  const sp = await searchParams;
  return <TrackScreen trackingCode={code} initialLang={pageLanguage(sp.lang, (await headers()).get('accept-language'))} />;
}
