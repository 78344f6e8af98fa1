import { tokenParam } from '@/contract/appointments';
import { appointmentIcsByToken } from '@/server/appointments/qr';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ params: tokenParam }, async ({ params }) => {
  const { filename, ics } = await appointmentIcsByToken(params.token);
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
