import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { BookingApp } from '../../book/BookingApp';
import { pageLanguage } from '../../book/lang';
import { bookMessages } from '../../book/messages';
import { rt } from '../../server/runtime';

export const metadata: Metadata = { title: 'Sportello – Prenota un appuntamento / Book an appointment' };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 64);

/** `/book?lang=…&service=<code>&office=<id>`: the online booking (a service and office may be preselected). */
export const dynamic = 'force-dynamic';

export default async function BookPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const lang = pageLanguage(sp.lang, (await headers()).get('accept-language'));
  return (
    <BookingApp
      initialLang={lang}
      preselect={{ service: first(sp.service), office: first(sp.office) }}
      retentionDays={rt().config.appointments.retentionDays}
      messages={bookMessages()}
    />
  );
}
