/** Reading procedures: a citizen's own, the office's work queue for staff, one by id, the public tracking page. */
import { certificateKindSchema } from '../../contract/certificates';
import type { z } from 'zod';
import type { staffProceduresQuery } from '../../contract/portal';
import type { Actor } from '../auth/actor';
import type { CitizenSessionInfo } from '../citizens/session';
import { textOf } from '../db/texts';
import { currentForms } from '../forms/store';
import { rt } from '../runtime';
import { staffScope, procedureNotFound } from './access';
import { requestableOnline } from './online-link';
import {
  citizenProcedureView,
  procedureInclude,
  procedureListInclude,
  procedureListItem,
  staffProcedureView,
  trackView,
} from './views';

const LIST_LIMIT = 500;

/** Open ones first, fewest days left first; closed ones after, newest first. */
function byDeadline<T extends { clock: { daysLeft: number | null }; submittedAt: string }>(a: T, b: T): number {
  const l = (x: T) => x.clock.daysLeft ?? Number.POSITIVE_INFINITY;
  return l(a) - l(b) || b.submittedAt.localeCompare(a.submittedAt);
}

export async function citizenProcedures(who: CitizenSessionInfo, now = new Date()) {
  const rows = await rt().db.procedure.findMany({
    where: { citizenId: who.citizen.id },
    include: procedureListInclude,
    orderBy: { submittedAt: 'desc' },
    take: LIST_LIMIT,
  });
  return rows.map((p) => procedureListItem(p, now, false));
}

export async function staffProcedures(actor: Actor, query: z.infer<typeof staffProceduresQuery>, now = new Date()) {
  const rows = await rt().db.procedure.findMany({
    where: {
      AND: [
        await staffScope(actor),
        query.officeId ? { officeId: query.officeId } : {},
        query.status ? { status: query.status } : {},
        query.serviceId ? { serviceId: query.serviceId } : {},
        query.fiscalCode ? { citizen: { fiscalCode: query.fiscalCode } } : {},
      ],
    },
    include: procedureListInclude,
    orderBy: { submittedAt: 'desc' },
    take: LIST_LIMIT,
  });
  return rows.map((p) => procedureListItem(p, now, true)).sort(byDeadline);
}

export async function procedureForCitizen(who: CitizenSessionInfo, id: string, now = new Date()) {
  const p = await rt().db.procedure.findFirst({ where: { id, citizenId: who.citizen.id }, include: procedureInclude });
  if (!p) throw procedureNotFound();
  return citizenProcedureView(p, now);
}

export async function procedureForStaff(actor: Actor, id: string, now = new Date()) {
  const p = await rt().db.procedure.findFirst({ where: { AND: [{ id }, await staffScope(actor)] }, include: procedureInclude });
  if (!p) throw procedureNotFound();
  return staffProcedureView(p, now);
}

export async function trackProcedure(trackingCode: string, now = new Date()) {
  const p = await rt().db.procedure.findUnique({ where: { trackingCode }, include: procedureInclude });
  if (!p) throw procedureNotFound();
  return trackView(p, now);
}

/** The services a citizen can request online, and whether the sign-in they need is offered. */
export async function onlineServices() {
  const rows = await rt().db.service.findMany({
    where: { active: true, onlineIdentity: { not: null } },
    orderBy: [{ officeId: 'asc' }, { sortOrder: 'asc' }],
  });
  const forms = await currentForms(rows.map((s) => s.id));
  return rows.flatMap((s) =>
    s.onlineIdentity
      ? [
          {
            id: s.id,
            officeId: s.officeId,
            name: textOf(s.name),
            identity: s.onlineIdentity,
            legalDeadlineDays: s.legalDeadlineDays,
            certificate: certificateKindSchema.nullable().catch(null).parse(s.certificate),
            available: requestableOnline(s.onlineIdentity),
            form: { version: forms.get(s.id)!.version, fields: forms.get(s.id)!.fields },
          },
        ]
      : [],
  );
}
