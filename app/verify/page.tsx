import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { VerifyScreen } from '../../verify/VerifyScreen';
import { pageLanguage } from '../../book/lang';

export const metadata: Metadata = { title: 'Sportello', robots: { index: false, follow: false } };

/** `/verify`: type the verification code printed on a document. */
export const dynamic = 'force-dynamic';

export default async function VerifyHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  return <VerifyScreen code={null} initialLang={pageLanguage(sp.lang, (await headers()).get('accept-language'))} />;
}
