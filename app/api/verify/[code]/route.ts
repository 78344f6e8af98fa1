import { verificationCodeParam } from '@/contract/certificates';
import { route } from '@/server/http/route';
import { verifyDocument } from '@/server/procedures/documents';

export const dynamic = 'force-dynamic';

export const GET = route({ params: verificationCodeParam, rateLimit: 'verify' }, ({ params }) => verifyDocument(params.code));
