import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { PortalApp } from '../../portal/PortalApp';
import { pageLanguage } from '../../book/lang';
import { oidcConfigured } from '../../server/citizens/identity';

export const metadata: Metadata = {
  title: 'Sportello – Servizi online / Online services',
  robots: { index: false, follow: false },
};

type Search = Record<string, string | string[] | undefined>;

/** `/portale?lang=…`: the citizen's area (sign-in with SPID/CIE or an e-mailed code, their procedures, new requests). */
export const dynamic = 'force-dynamic';

export default async function PortalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const q = Array.isArray(sp.lang) ? sp.lang[0] : sp.lang;
  return (
    <PortalApp
      initialLang={pageLanguage(q, (await headers()).get('accept-language'))}
      langFromQuery={q !== undefined}
      oidc={oidcConfigured()}
    />
  );
}
