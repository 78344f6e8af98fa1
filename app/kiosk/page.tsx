import type { Metadata } from 'next';
import { defaultLanguage, isLanguage } from '../../i18n/languages';
import { Kiosk } from '../../kiosk/Kiosk';

export const metadata: Metadata = { title: 'Sportello – Kiosk' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `/kiosk?officeId=…&lang=…`: the office the kiosk stands in and the language it starts in. */
export default async function KioskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const officeId = first(params.officeId)?.trim() || undefined;
  const lang = first(params.lang);
  return <Kiosk officeId={officeId} defaultLang={isLanguage(lang) ? lang : defaultLanguage} />;
}
