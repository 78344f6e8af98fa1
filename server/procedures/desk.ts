/**
 * The desk and the portal together: a clerk serving a walk-in opens a procedure for them, found
 * or recorded by fiscal code and/or e-mail, and gives them the tracking code. The citizen then
 * follows it online like any other (signing in with that e-mail address).
 */
import type { z } from 'zod';
import type { deskProcedureInput } from '../../contract/portal';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { staffServiceScope } from './access';
import { openProcedure } from './submit';
import { staffProcedureView } from './views';

type CitizenInput = z.infer<typeof deskProcedureInput>['citizen'];

/** The citizen with this fiscal code or e-mail, completed with what the clerk typed, or a new one. */
async function findOrRecordCitizen(c: CitizenInput) {
  const { db } = rt();
  const byCode = c.fiscalCode ? await db.citizen.findUnique({ where: { fiscalCode: c.fiscalCode } }) : null;
  const byEmail = c.email ? await db.citizen.findUnique({ where: { email: c.email } }) : null;
  if (byCode && byEmail && byCode.id !== byEmail.id)
    throw new AppError(409, 'citizen_conflict', 'This fiscal code and this e-mail address belong to two different citizens');
  const known = byCode ?? byEmail;
  const details = { name: c.name, phone: c.phone, ...(c.lang ? { lang: c.lang } : {}) };
  if (!known) return db.citizen.create({ data: { fiscalCode: c.fiscalCode, email: c.email, ...details } });
  // Fill in what was missing; never overwrite an identity already recorded.
  return db.citizen.update({
    where: { id: known.id },
    data: {
      fiscalCode: known.fiscalCode ?? c.fiscalCode,
      email: known.email ?? c.email,
      name: known.name ?? c.name,
      phone: known.phone ?? c.phone,
    },
  });
}

export async function openAtDesk(actor: Actor, input: z.infer<typeof deskProcedureInput>, now = new Date()) {
  const { db } = rt();
  // Only the services this clerk may work (skills; supervisors their offices).
  const service = await db.service.findFirst({
    where: { AND: [{ id: input.serviceId, active: true }, await staffServiceScope(actor)] },
    include: { office: true },
  });
  if (!service) throw notFound('Service');
  const citizen = await findOrRecordCitizen(input.citizen);
  const p = await openProcedure(
    {
      service,
      citizenId: citizen.id,
      lang: citizen.lang,
      channel: 'desk',
      data: input.data,
      attachmentIds: input.attachmentIds,
      staffId: actor.staffId,
      stampDuty: input.stampDuty,
    },
    now,
  );
  return staffProcedureView(p, now);
}
