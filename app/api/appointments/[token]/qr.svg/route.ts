import { tokenParam } from '@/contract/appointments';
import { appointmentQrSvg } from '@/server/appointments/qr';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { params: tokenParam },
  async ({ params }) =>
    new Response(await appointmentQrSvg(params.token), {
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=86400' },
    }),
);
