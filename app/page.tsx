import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { pageLanguage } from '../book/lang';
import { HomeApp } from '../home/HomeApp';
import { messages } from '../i18n/messages';
import { homeOffices } from '../server/offices/home';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const lang = pageLanguage((await searchParams).lang, (await headers()).get('accept-language'));
  return { title: messages[lang].home.pageTitle };
}

/** `/`: the town's citizen home (see home/HomeApp.tsx). */
export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const lang = pageLanguage(sp.lang, (await headers()).get('accept-language'));
  return <HomeApp initialLang={lang} offices={await homeOffices()} followNotFound={sp.follow === 'notfound'} />;
}
