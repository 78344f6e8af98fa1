import { redirect } from 'next/navigation';
import { followPath } from '../../server/follow';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * `/segui?code=…` (the home page's "follow" box, works without JavaScript): on to the ticket's or
 * the procedure's page, or back home saying the code was not found.
 */
export default async function Follow({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const lang = first(sp.lang);
  const found = await followPath(first(sp.code));
  const query = new URLSearchParams();
  if (/^[a-z]{2}$/.test(lang)) query.set('lang', lang);
  if (!found) query.set('follow', 'notfound');
  const qs = query.toString();
  redirect(`${found?.path ?? '/'}${qs ? `?${qs}` : ''}${found ? '' : '#follow'}`);
}
