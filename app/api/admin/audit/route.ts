import { auditQuery } from '@/contract/admin/audit';
import { ADMINS, staffRoute } from '@/server/http/route';
import { listAudit } from '@/server/admin/audit';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, { query: auditQuery }, ({ query }) => listAudit(query));
