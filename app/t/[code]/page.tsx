import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TicketScreen } from '../../../ticket/TicketScreen';
import { ticketMessages } from '../../../ticket/messages';
import { pageLanguage } from '../../../book/lang';
import { isLanguage } from '../../../i18n/languages';
import { PUBLIC_CODE_PATTERN } from '../../../contract/tickets';
import { ticketLanguage } from '../../../server/tickets/views';

export const metadata: Metadata = { title: 'Sportello', robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The phone page opens in `?lang=` (the citizen switched), else in the language the ticket was
 * taken in, else in the browser's language.
 */
export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Search>;
}) {
  const code = safeDecode((await params).code);
  const sp = await searchParams;
  const q = Array.isArray(sp.lang) ? sp.lang[0] : sp.lang;
  const ticketLang = isLanguage(q) || !PUBLIC_CODE_PATTERN.test(code) ? null : await ticketLanguage(code);
  const source = isLanguage(q) ? 'query' : ticketLang ? 'ticket' : 'browser';
  const lang = ticketLang ?? pageLanguage(q, (await headers()).get('accept-language'));
  return <TicketScreen code={code} initialLang={lang} langSource={source} messages={ticketMessages()} />;
}
