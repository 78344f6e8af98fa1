import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { VerifyScreen } from '../../../verify/VerifyScreen';
import { pageLanguage } from '../../../book/lang';

export const metadata: Metadata = { title: 'Sportello', robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/verify/<code>`: public check of a document the office issued (the QR code on the paper leads here). */
export const dynamic = 'force-dynamic';

export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Search>;
}) {
  const code = safeDecode((await params).code).slice(0, 40);
  const sp = await searchParams;
  return <VerifyScreen code={code} initialLang={pageLanguage(sp.lang, (await headers()).get('accept-language'))} />;
}
