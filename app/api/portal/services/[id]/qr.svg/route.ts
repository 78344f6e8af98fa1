import { idParam, route } from '@/server/http/route';
import { onlineRequestQrSvg } from '@/server/procedures/online-link';

export const dynamic = 'force-dynamic';

export const GET = route(
  { params: idParam },
  async ({ params }) =>
    new Response(await onlineRequestQrSvg(params.id), {
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=300' },
    }),
);
