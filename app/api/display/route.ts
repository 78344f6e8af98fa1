import { publicDisplayQuery } from '@/contract/display';
import { resolveDisplayTarget } from '@/server/displays/resolve';
import { route } from '@/server/http/route';
import { displaySnapshot } from '@/server/displays/snapshot';

export const dynamic = 'force-dynamic';

/** `?display=<slug or id>` (a configured display) or `?officeId=` (the whole office, no ticker). */
export const GET = route({ query: publicDisplayQuery }, async ({ query }) => displaySnapshot(await resolveDisplayTarget(query)));
