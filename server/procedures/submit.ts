/**
 * A citizen submits a procedure online: checked against the service (online, the identity it
 * needs), numbered in the office's protocol for the calendar year (one atomic upsert, so parallel
 * submissions get consecutive, unique numbers) and written with its first event in one transaction.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { submitProcedureInput } from '../../contract/portal';
import { AppError, notFound } from '../errors';
import { newPublicCode } from '../tickets/numbering';
import { rt } from '../runtime';
import type { CitizenSessionInfo } from '../citizens/session';
import { oidcConfigured } from '../citizens/identity';
import { currentForm } from '../forms/store';
import { dataSchemaFor } from '../forms/validate';
import { linkAttachments } from './attachments';
import { notifyCitizenInBackground } from './jobs';
import { publishProcedure } from '../realtime/publish';
import { citizenProcedureView, procedureInclude, type ProcedureFull } from './views';

/** `2026/000123`. */
export const formatProtocolNumber = (year: number, seq: number) => `${year}/${String(seq).padStart(6, '0')}`;

export async function submitProcedure(
  who: CitizenSessionInfo,
  raw: z.input<typeof submitProcedureInput>,
  now = new Date(),
): Promise<ProcedureFull> {
  const input = submitProcedureInput.parse(raw);
  const service = await rt().db.service.findUnique({ where: { id: input.serviceId }, include: { office: true } });
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
  return openProcedure(
    {
      service,
      citizenId: who.citizen.id,
      lang: who.citizen.lang,
      channel: 'online',
      data: input.data,
      attachmentIds: input.attachmentIds,
    },
    now,
  );
}

type OpenService = { id: string; officeId: string; legalDeadlineDays: number; office: { timeZone: string } };

/**
 * Validates the data against the service's current form, numbers the procedure and writes it with
 * its `submitted` event (by the clerk at the desk, or by the citizen online), then queues the
 * citizen's receipt.
 */
export async function openProcedure(
  p: {
    service: OpenService;
    citizenId: string;
    lang: string;
    channel: 'online' | 'desk';
    data: unknown;
    /** Uploads of the citizen online, or of the clerk at the desk. */
    attachmentIds: string[];
    staffId?: string;
  },
  now: Date,
): Promise<ProcedureFull> {
  const { service } = p;
  const form = await currentForm(service.id);
  const { data } = z.object({ data: dataSchemaFor(form.fields) }).parse({ data: p.data });
  const year = DateTime.fromJSDate(now, { zone: service.office.timeZone }).year;
  const created = await rt().db.$transaction(async (tx) => {
    const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "ProtocolSequence" ("officeId", "year", "last") VALUES (${service.officeId}, ${year}, 1)
      ON CONFLICT ("officeId", "year") DO UPDATE SET "last" = "ProtocolSequence"."last" + 1
      RETURNING "last"`;
    const row = await tx.procedure.create({
      data: {
        protocolNumber: formatProtocolNumber(year, last),
        trackingCode: newPublicCode(),
        officeId: service.officeId,
        serviceId: service.id,
        citizenId: p.citizenId,
        channel: p.channel,
        data: data as Prisma.InputJsonObject,
        formId: form.id,
        deadlineDays: service.legalDeadlineDays,
        lang: p.lang,
        submittedAt: now,
        updatedAt: now,
        events: { create: { type: 'submitted', at: now, toStatus: 'submitted', staffId: p.staffId ?? null } },
      },
      select: { id: true },
    });
    await linkAttachments(tx, row.id, p.attachmentIds, p.staffId ? { staffId: p.staffId } : { citizenId: p.citizenId });
    return tx.procedure.findUniqueOrThrow({ where: { id: row.id }, include: procedureInclude });
  });
  notifyCitizenInBackground(created.events[0]);
  publishProcedure(citizenProcedureView(created, now), created.citizenId);
  return created;
}
