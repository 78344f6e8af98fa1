import { idParam, staffRoute, SUPERVISORS } from '@/server/http/route';
import { testPrint } from '@/server/printing/print-jobs';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(SUPERVISORS, { params: idParam }, ({ params }) => testPrint(params.id));
