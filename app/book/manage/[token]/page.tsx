import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ManageApp } from '../../../../book/ManageApp';
import { pageLanguage } from '../../../../book/lang';
import { bookMessages } from '../../../../book/messages';
import { appointmentByToken } from '../../../../server/appointments/manage';
import { AppError } from '../../../../server/errors';

export const metadata: Metadata = { title: 'Sportello – Appuntamento / Appointment', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

/** The manage link. The token is checked here: a tampered or expired one renders a clear page, never a crash. */
export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Search>;
}) {
  const { token } = await params;
  const sp = await searchParams;
  let appointment = null;
  let error: string | null = null;
  try {
    appointment = await appointmentByToken(safeDecode(token).slice(0, 200));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.code;
  }
  const lang = pageLanguage(sp.lang ?? appointment?.lang, (await headers()).get('accept-language'));
  return <ManageApp initialLang={lang} appointment={appointment} error={error} messages={bookMessages()} />;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
