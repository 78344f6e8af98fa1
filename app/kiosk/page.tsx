import type { Metadata } from 'next';
import { defaultLanguage, isLanguage } from '../../i18n/languages';
import { Kiosk } from '../../kiosk/Kiosk';
import { kioskOffice } from '../../server/printing/kiosks';

export const metadata: Metadata = { title: 'Sportello – Kiosk' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `/kiosk?officeId=…&lang=…&kiosk=…`: the office the kiosk stands in, the language it starts in,
 * and its registration (its printer prints the tickets; it also tells the office).
 */
export default async function KioskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const kioskId = first(params.kiosk)?.trim().slice(0, 64) || undefined;
  const officeId =
    first(params.officeId)?.trim() || (kioskId ? ((await kioskOffice(kioskId).catch(() => null)) ?? undefined) : undefined);
  const lang = first(params.lang);
  return <Kiosk officeId={officeId} kioskId={kioskId} defaultLang={isLanguage(lang) ? lang : defaultLanguage} />;
}
