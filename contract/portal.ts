/**
 * The citizen portal: a citizen's sign-in, the online services, and procedures ("pratiche") as
 * the citizen, the clerks and the public tracking page see them.
 */
import { z } from './zod';
import { id } from './ids';
import { isValidFiscalCode, normalizeFiscalCode } from './fiscal-code';
import { formSchema } from './forms';
import { langSchema, localizedTextSchema } from './lang';
import { certificateKindSchema, procedureDocumentSchema, stampDutySchema } from './certificates';
import { identityLevelSchema, procedureChannelSchema, procedureEventTypeSchema, procedureStatusSchema } from './enums';

const email = z.string().trim().toLowerCase().max(254).email();

/** POST /api/citizen/login: sends a one-time sign-in code to this address. */
export const requestLoginCodeInput = z.strictObject({ email, lang: langSchema.optional() });
export const loginCodeSentSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.number() });

/** POST /api/citizen/login/verify: the code from the e-mail; the session is the answer's cookie. */
export const verifyLoginCodeInput = z.strictObject({
  email,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
  lang: langSchema.optional(),
});

export const citizenSchema = z.object({
  id: z.string(),
  fiscalCode: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  lang: langSchema,
  /** How this sign-in proved who the citizen is. */
  identity: identityLevelSchema,
});
export type CitizenInfo = z.infer<typeof citizenSchema>;

/** PATCH /api/citizen/me: the language the citizen's e-mails are written in. */
export const updateCitizenInput = z.strictObject({ lang: langSchema });

/** GET /api/portal/services item: a service that can be requested online. */
export const onlineServiceSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  name: localizedTextSchema,
  identity: identityLevelSchema,
  legalDeadlineDays: z.number(),
  /** The certificate it issues (then the request asks how the stamp duty is paid), or null. */
  certificate: certificateKindSchema.nullable(),
  /** False for `strong` services while no OpenID provider is configured. */
  available: z.boolean(),
  /** What the citizen fills in (its current version). */
  form: formSchema,
});
export const onlineServiceListSchema = z.array(onlineServiceSchema);

/** What the citizen filled in: field name → value (the service's form says which). */
export const procedureDataSchema = z.record(
  z.string().min(1).max(64),
  z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]),
);

/** Files uploaded first (POST /api/procedures/attachments), then named in the submission or reply. */
const attachmentIds = z.array(id).max(20).default([]);

/** POST /api/procedures (citizen). `stampDuty`: required for certificate services, refused for others. */
export const submitProcedureInput = z.strictObject({
  serviceId: id,
  data: procedureDataSchema.default({}),
  attachmentIds,
  stampDuty: stampDutySchema.optional(),
});

/** POST /api/procedures/attachments answer (the body is multipart/form-data with one `file`). */
export const uploadedAttachmentSchema = z.object({
  attachmentId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
});
export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  /** Given by the citizen (else by the office). */
  byCitizen: z.boolean(),
});

const note = z.string().trim().max(4000);
/** Staff actions: a note the citizen reads and/or one only staff read. */
export const procedureActionInput = z.strictObject({
  citizenNote: note.optional(),
  internalNote: note.optional(),
});
/**
 * POST /api/procedures/{id}/complete: completing may issue documents in the same transaction —
 * for certificate services the certificate is generated unless `certificate: false`; `attachmentIds`
 * are the clerk's own uploads, issued as documents. `stampDuty` fills in one the request lacks (desk).
 */
export const procedureCompleteInput = procedureActionInput.extend({
  certificate: z.boolean().optional(),
  attachmentIds: z.array(id).max(10).optional(),
  stampDuty: stampDutySchema.optional(),
});
/** Asking for information and rejecting must tell the citizen what and why. */
export const procedureReasonInput = z.strictObject({ citizenNote: note.min(1), internalNote: note.optional() });
/** The citizen withdraws, saying why if they like. */
export const procedureWithdrawInput = z.strictObject({ citizenNote: note.optional() });
/** The citizen's answer to a request for information. */
export const procedureReplyInput = z.strictObject({ citizenNote: note.min(1), attachmentIds });

export const procedureEventSchema = z.object({
  type: procedureEventTypeSchema,
  at: z.string(),
  toStatus: procedureStatusSchema,
  /** Who acted, as the citizen sees it: the clerk's name, or null for the citizen. */
  by: z.string().nullable(),
  citizenNote: z.string().nullable(),
});

export const legalClockSchema = z.object({
  deadlineDays: z.number(),
  /** Days the town has used, the days waiting for the citizen not counted. */
  daysUsed: z.number(),
  /** Negative once past the deadline; null once the procedure is closed. */
  daysLeft: z.number().nullable(),
  /** True while the clock is stopped (waiting for the citizen). */
  paused: z.boolean(),
});

/** A procedure as its citizen sees it. */
export const procedureSchema = z.object({
  id: z.string(),
  protocolNumber: z.string(),
  trackingCode: z.string(),
  officeId: z.string(),
  service: z.object({ id: z.string(), name: localizedTextSchema }),
  channel: procedureChannelSchema,
  status: procedureStatusSchema,
  data: procedureDataSchema,
  responsible: z.string().nullable(),
  submittedAt: z.string(),
  clock: legalClockSchema,
  events: z.array(procedureEventSchema),
  attachments: z.array(attachmentSchema),
  /** What the office issued on completion (certificates, files), each checkable at /verify/<code>. */
  documents: z.array(procedureDocumentSchema),
  /** The certificate the service issues, or null. */
  certificate: certificateKindSchema.nullable(),
  stampDuty: stampDutySchema.nullable(),
  /** The labels of the form version it was submitted with, to show `data`. */
  fields: z.array(z.object({ name: z.string(), label: localizedTextSchema })),
});
export type ProcedureView = z.infer<typeof procedureSchema>;

/** What staff see besides: the citizen and the internal notes. */
export const staffProcedureSchema = procedureSchema.extend({
  citizen: z.object({
    id: z.string(),
    name: z.string().nullable(),
    fiscalCode: z.string().nullable(),
    email: z.string().nullable(),
  }),
  events: z.array(procedureEventSchema.extend({ internalNote: z.string().nullable() })),
});
export type StaffProcedureView = z.infer<typeof staffProcedureSchema>;

/** GET /api/procedures: a citizen's own (no `citizen`), or for staff the office's work queue by deadline. */
export const procedureListSchema = z.array(
  procedureSchema
    .omit({ events: true, data: true, attachments: true, fields: true, documents: true, certificate: true, stampDuty: true })
    .extend({ citizen: staffProcedureSchema.shape.citizen.optional() }),
);

/** A fiscal code as typed: spaces and case do not matter; the check character must match. */
export const fiscalCodeInput = z
  .string()
  .max(40)
  .transform(normalizeFiscalCode)
  .refine(isValidFiscalCode, 'Not a valid fiscal code (check its last character)');

/** GET /api/procedures (staff): the office's work queue, by deadline; `fiscalCode`: one citizen's. */
export const staffProceduresQuery = z.object({
  officeId: id.optional(),
  status: procedureStatusSchema.optional(),
  serviceId: id.optional(),
  fiscalCode: fiscalCodeInput.optional(),
});

/** POST /api/procedures/desk: a clerk opens a procedure for the citizen in front of them. */
export const deskProcedureInput = z.strictObject({
  serviceId: id,
  citizen: z
    .strictObject({
      fiscalCode: fiscalCodeInput.optional(),
      email: email.optional(),
      name: z.string().trim().min(1).max(120).optional(),
      phone: z.string().trim().max(40).optional(),
      lang: langSchema.optional(),
    })
    .refine((c) => c.fiscalCode || c.email, 'A fiscal code or an e-mail address'),
  data: procedureDataSchema.default({}),
  attachmentIds,
  /** Certificate services: may be given later, when the clerk completes it. */
  stampDuty: stampDutySchema.optional(),
});

/** GET /api/procedures/track/{trackingCode}: no personal data. */
export const procedureTrackSchema = z.object({
  protocolNumber: z.string(),
  service: z.object({ name: localizedTextSchema }),
  status: procedureStatusSchema,
  submittedAt: z.string(),
  clock: legalClockSchema,
  events: z.array(procedureEventSchema.omit({ citizenNote: true, by: true })),
});
export type ProcedureTrack = z.infer<typeof procedureTrackSchema>;
export const attachmentParams = z.object({ id, attachmentId: id });
export const documentParams = z.object({ id, documentId: id });
export const trackingCodeParam = z.object({ trackingCode: z.string().regex(/^[a-z2-9]{16}$/) });
