/**
 * `/kiosk?officeId=…&lang=…`: the office the kiosk stands in, the language it starts in. The
 * kiosk itself is the one this browser is paired with (its httpOnly cookie): its printer prints
 * the tickets and it offers the priority step; its office is the default. `?kiosk=<id>` (the
 * registration's address) only names the office: an unpaired browser is a plain screen.
 *
 * The one page served by Next's Pages Router rather than app/ (issue 10: the kiosk loads at most
 * 150 KB of JavaScript gzip). The kiosk is one screen that never navigates, uses no server
 * component below its page and no server action: the App Router's client (React Server
 * Components, segment cache, router) is 22 KB gzip more than the Pages Router's for a page like
 * this, which is more than the kiosk's own screens leave. Same HTML head, styles, fonts and
 * per-request nonce as the other pages (pages/_document.tsx, pages/_app.tsx).
 */
import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { defaultLanguage, isLanguage, type LanguageCode } from '../i18n/languages';
import { Kiosk } from '../kiosk/Kiosk';
import { kioskMessages, type KioskMessages } from '../kiosk/messages';
import { KIOSK_COOKIE } from '../server/http/kiosk-credential';
import { kioskByScreenToken } from '../server/printing/kiosk-pairing';
import { kioskOffice } from '../server/printing/kiosks';

type Props = {
  officeId: string | null;
  kioskId: string | null;
  defaultLang: LanguageCode;
  messages: Record<LanguageCode, KioskMessages>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, query }) => {
  const paired = await kioskByScreenToken(req.cookies[KIOSK_COOKIE]).catch(() => null);
  const hinted = first(query.kiosk)?.trim().slice(0, 64) || undefined;
  const officeId =
    first(query.officeId)?.trim() ||
    paired?.officeId ||
    (hinted ? ((await kioskOffice(hinted).catch(() => null)) ?? undefined) : undefined);
  const lang = first(query.lang);
  return {
    props: {
      officeId: officeId ?? null,
      kioskId: paired?.id ?? null,
      defaultLang: isLanguage(lang) ? lang : defaultLanguage,
      messages: kioskMessages(),
    },
  };
};

export default function KioskPage({ officeId, kioskId, defaultLang, messages }: Props) {
  return (
    <>
      <Head>
        {/* What app/layout.tsx and its metadata give the other pages. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f9c" />
        <title>Sportello – Kiosk</title>
        <meta name="description" content="Queue management and appointments for the one-stop citizen desk" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-icon.png" sizes="180x180" type="image/png" />
      </Head>
      <Kiosk officeId={officeId ?? undefined} kioskId={kioskId ?? undefined} defaultLang={defaultLang} messages={messages} />
    </>
  );
}
