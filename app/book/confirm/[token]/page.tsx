import { CONFIRM_TOKEN_PATTERN } from '../../../../contract/appointments';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ConfirmApp } from '../../../../book/ConfirmApp';
import { pageLanguage } from '../../../../book/lang';
import { bookMessages } from '../../../../book/messages';

export const metadata: Metadata = { title: 'Sportello – Conferma / Confirm', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

/** The link of the confirmation e-mail: a page with a Confirm button (opening the link alone confirms nothing). */
export default async function ConfirmPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Search>;
}) {
  const { token } = await params;
  const sp = await searchParams;
  const lang = pageLanguage(sp.lang, (await headers()).get('accept-language'));
  return <ConfirmApp initialLang={lang} token={CONFIRM_TOKEN_PATTERN.test(token) ? token : null} messages={bookMessages()} />;
}
