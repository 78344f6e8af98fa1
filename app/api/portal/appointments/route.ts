import { citizenAppointments } from '@/server/citizens/appointments';
import { requireCitizen } from '@/server/citizens/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({}, async ({ req }) => citizenAppointments(await requireCitizen(req)));
