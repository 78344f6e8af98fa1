import { trackingCodeParam } from '@/contract/portal';
import { route } from '@/server/http/route';
import { trackingQrSvg } from '@/server/procedures/tracking-qr';

export const dynamic = 'force-dynamic';

export const GET = route(
  { params: trackingCodeParam },
  async ({ params }) =>
    new Response(await trackingQrSvg(params.trackingCode), {
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=86400' },
    }),
);
