import { z } from 'zod';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { waitingForService } from '@/server/supervisor/waiting';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { params: z.object({ serviceId: z.string().min(1).max(64) }) }, ({ params }) =>
  waitingForService(params.serviceId),
);
