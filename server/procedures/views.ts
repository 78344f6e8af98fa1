/** A procedure as its citizen, the clerks and the public tracking page see it. */
import type { Prisma } from '../db/generated/client';
import type { ProcedureTrack, ProcedureView, StaffProcedureView } from '../../contract/portal';
import { procedureDataSchema } from '../../contract/portal';
import { certificateKindSchema, stampDutySchema } from '../../contract/certificates';
import { textOf } from '../db/texts';
import { storedFields } from '../forms/validate';
import { legalClock } from './clock';

export const procedureInclude = {
  service: { select: { id: true, name: true, certificate: true } },
  responsible: { select: { displayName: true } },
  citizen: { select: { id: true, name: true, fiscalCode: true, email: true } },
  events: { orderBy: { id: 'asc' }, include: { staff: { select: { displayName: true } } } },
  attachments: { orderBy: { createdAt: 'asc' } },
  documents: { orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }] },
  form: { select: { fields: true } },
} satisfies Prisma.ProcedureInclude;

export type ProcedureFull = Prisma.ProcedureGetPayload<{ include: typeof procedureInclude }>;

function events(p: ProcedureFull) {
  return p.events.map((e) => ({
    type: e.type,
    at: e.at.toISOString(),
    toStatus: e.toStatus,
    by: e.staff?.displayName ?? null,
    citizenNote: e.citizenNote,
  }));
}

const clockOf = (p: ProcedureFull, now: Date) => legalClock(p.deadlineDays, p.events, now);

export function citizenProcedureView(p: ProcedureFull, now = new Date()): ProcedureView {
  return {
    id: p.id,
    protocolNumber: p.protocolNumber,
    trackingCode: p.trackingCode,
    officeId: p.officeId,
    service: { id: p.service.id, name: textOf(p.service.name) },
    channel: p.channel,
    status: p.status,
    data: procedureDataSchema.catch({}).parse(p.data),
    responsible: p.responsible?.displayName ?? null,
    submittedAt: p.submittedAt.toISOString(),
    clock: clockOf(p, now),
    events: events(p),
    attachments: p.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      uploadedAt: a.createdAt.toISOString(),
      byCitizen: a.citizenId !== null,
    })),
    documents: p.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      verificationCode: d.verificationCode,
      issuedAt: d.issuedAt.toISOString(),
    })),
    certificate: certificateKindSchema.nullable().catch(null).parse(p.service.certificate),
    stampDuty: stampDutySchema.nullable().catch(null).parse(p.stampDuty),
    fields: storedFields(p.form?.fields).map((f) => ({ name: f.name, label: f.label })),
  };
}

export function staffProcedureView(p: ProcedureFull, now = new Date()): StaffProcedureView {
  return {
    ...citizenProcedureView(p, now),
    citizen: p.citizen,
    events: events(p).map((e, i) => ({ ...e, internalNote: p.events[i].internalNote })),
  };
}

/** The public tracking page: status and timeline, nothing that says who the citizen is. */
export function trackView(p: ProcedureFull, now = new Date()): ProcedureTrack {
  return {
    protocolNumber: p.protocolNumber,
    service: { name: textOf(p.service.name) },
    status: p.status,
    submittedAt: p.submittedAt.toISOString(),
    clock: clockOf(p, now),
    events: p.events.map((e) => ({ type: e.type, at: e.at.toISOString(), toStatus: e.toStatus })),
  };
}

/** What a list row needs: no data, files, form or notes (the list can be hundreds of rows). */
export const procedureListInclude = {
  service: { select: { id: true, name: true } },
  responsible: { select: { displayName: true } },
  citizen: { select: { id: true, name: true, fiscalCode: true, email: true } },
  events: { orderBy: { id: 'asc' }, select: { at: true, toStatus: true } },
} satisfies Prisma.ProcedureInclude;

type ProcedureListRow = Prisma.ProcedureGetPayload<{ include: typeof procedureListInclude }>;

/** A list row; `withCitizen` for staff only. */
export function procedureListItem(p: ProcedureListRow, now: Date, withCitizen: boolean) {
  return {
    id: p.id,
    protocolNumber: p.protocolNumber,
    trackingCode: p.trackingCode,
    officeId: p.officeId,
    service: { id: p.service.id, name: textOf(p.service.name) },
    channel: p.channel,
    status: p.status,
    responsible: p.responsible?.displayName ?? null,
    submittedAt: p.submittedAt.toISOString(),
    clock: legalClock(p.deadlineDays, p.events, now),
    ...(withCitizen ? { citizen: p.citizen } : {}),
  };
}
