/**
 * A citizen submits a procedure online: checked against the service (online, the identity it
 * needs), numbered in the office's protocol for the calendar year (one atomic upsert, so parallel
 * submissions get consecutive, unique numbers) and written with its first event in one transaction.
 */
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { submitProcedureInput } from '../../contract/portal';
import { AppError, notFound } from '../errors';
import { newPublicCode } from '../tickets/numbering';
import { rt } from '../runtime';
import type { CitizenSessionInfo } from '../citizens/session';
import { oidcConfigured } from '../citizens/identity';
import { notifyCitizenInBackground } from './jobs';
import { procedureInclude, type ProcedureFull } from './views';

/** `2026/000123`. */
export const formatProtocolNumber = (year: number, seq: number) => `${year}/${String(seq).padStart(6, '0')}`;

export async function submitProcedure(
  who: CitizenSessionInfo,
  raw: z.input<typeof submitProcedureInput>,
  now = new Date(),
): Promise<ProcedureFull> {
  const input = submitProcedureInput.parse(raw);
  const { db } = rt();
  const service = await db.service.findUnique({ where: { id: input.serviceId }, include: { office: true } });
  if (!service || !service.active || !service.onlineIdentity) throw notFound('Online service');
  if (service.onlineIdentity === 'strong') {
    if (!oidcConfigured())
      throw new AppError(
        409,
        'service_unavailable_online',
        'This service needs a digital identity sign-in, which is not set up yet',
      );
    if (who.identity !== 'strong')
      throw new AppError(
        403,
        'stronger_identity_needed',
        'This service needs a sign-in with your digital identity (SPID or CIE)',
      );
  }
  const year = DateTime.fromJSDate(now, { zone: service.office.timeZone }).year;
  const created = await db.$transaction(async (tx) => {
    const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "ProtocolSequence" ("officeId", "year", "last") VALUES (${service.officeId}, ${year}, 1)
      ON CONFLICT ("officeId", "year") DO UPDATE SET "last" = "ProtocolSequence"."last" + 1
      RETURNING "last"`;
    return tx.procedure.create({
      data: {
        protocolNumber: formatProtocolNumber(year, last),
        trackingCode: newPublicCode(),
        officeId: service.officeId,
        serviceId: service.id,
        citizenId: who.citizen.id,
        channel: 'online',
        data: input.data,
        deadlineDays: service.legalDeadlineDays,
        lang: who.citizen.lang,
        submittedAt: now,
        updatedAt: now,
        events: { create: { type: 'submitted', at: now, toStatus: 'submitted' } },
      },
      include: procedureInclude,
    });
  });
  notifyCitizenInBackground(created.events[0]);
  return created;
}
