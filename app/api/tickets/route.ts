import { issueTicketInput } from '@/contract/tickets';
import { json, route } from '@/server/http/route';
import { renewedKioskCookie } from '@/server/http/kiosk-credential';
import { requestTicketPrint } from '@/server/printing/print-jobs';
import { issueTicketView } from '@/server/tickets/issue';

export const dynamic = 'force-dynamic';

export const POST = route({ body: issueTicketInput, rateLimit: 'tickets', kiosk: true }, async ({ body, kiosk, actor, req }) => {
  const cookie = kiosk ? renewedKioskCookie(req) : undefined;
  return json(
    await issueTicketView(body, { kiosk, actor }, requestTicketPrint),
    201,
    cookie ? { 'set-cookie': cookie } : undefined,
  );
});
