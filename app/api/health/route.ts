import { health } from '@/server/health';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => {
  const h = await health();
  return json(h, h.status === 'ok' ? 200 : 503);
});
