import { route } from '@/server/http/route';
import { openApiDocument } from '@/server/openapi';
import { rt } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => openApiDocument(rt().baseUrl));
