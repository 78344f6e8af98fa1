import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { defaultLanguage, isLanguage } from '../../i18n/languages';
import { Kiosk } from '../../kiosk/Kiosk';
import { kioskMessages } from '../../kiosk/messages';
import { KIOSK_COOKIE } from '../../server/http/kiosk-credential';
import { kioskByScreenToken } from '../../server/printing/kiosk-pairing';
import { kioskOffice } from '../../server/printing/kiosks';

export const metadata: Metadata = { title: 'Sportello – Kiosk' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `/kiosk?officeId=…&lang=…`: the office the kiosk stands in, the language it starts in. The
 * kiosk itself is the one this browser is paired with (its httpOnly cookie): its printer prints
 * the tickets and it offers the priority step; its office is the default. `?kiosk=<id>` (the
 * registration's address) only names the office: an unpaired browser is a plain screen.
 */
export default async function KioskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const paired = await kioskByScreenToken((await cookies()).get(KIOSK_COOKIE)?.value).catch(() => null);
  const hinted = first(params.kiosk)?.trim().slice(0, 64) || undefined;
  const officeId =
    first(params.officeId)?.trim() ||
    paired?.officeId ||
    (hinted ? ((await kioskOffice(hinted).catch(() => null)) ?? undefined) : undefined);
  const lang = first(params.lang);
  return (
    <Kiosk
      officeId={officeId}
      kioskId={paired?.id}
      defaultLang={isLanguage(lang) ? lang : defaultLanguage}
      messages={kioskMessages()}
    />
  );
}
