/**
 * Documents the office issues when it completes a procedure: the certificate it generates (for
 * certificate services) and files a clerk uploaded. Each gets a short verification code printed on
 * the paper; anyone can check it at /verify/<code> (what the paper shows and its SHA-256, no
 * personal data). Files live in the attachments' content-addressed store; downloads are for the
 * procedure's citizen and staff who may see the procedure.
 */
import { randomInt } from 'node:crypto';
import type { Prisma } from '../db/generated/client';
import {
  certificateKindSchema,
  stampDutySchema,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  type DocumentVerification,
  type StampDuty,
} from '../../contract/certificates';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { textOf } from '../db/texts';
import { storedFields } from '../forms/validate';
import { buildCertificatePdf } from '../certificates/pdf';
import { readableFilesOf, readStoredFile, storeFile, type Uploader } from './attachments';

export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_ALPHABET[randomInt(VERIFICATION_ALPHABET.length)];
  return code;
}

export const verifyUrl = (code: string) => `${rt().baseUrl}/verify/${code}`;

/** What completing may issue (POST /api/procedures/{id}/complete). */
export interface CompleteDocuments {
  /** Certificate services: generate it (the default); refused for other services. */
  certificate?: boolean;
  /** The clerk's own uploads, not yet linked: issued as documents. */
  attachmentIds?: string[];
  /** The stamp duty when the request has none (opened at the desk), or to correct it. */
  stampDuty?: StampDuty;
}

type Tx = Prisma.TransactionClient;

/**
 * Inside the completion's transaction (the procedure row already locked): generates the
 * certificate and/or turns the clerk's uploads into documents. Any refusal throws, and the
 * transaction — status move included — is rolled back.
 */
export async function issueDocuments(tx: Tx, procedureId: string, staffId: string, opts: CompleteDocuments, now: Date) {
  const p = await tx.procedure.findUniqueOrThrow({
    where: { id: procedureId },
    include: {
      service: { select: { certificate: true } },
      office: { select: { id: true, name: true, address: true, timeZone: true } },
      citizen: { select: { name: true, fiscalCode: true } },
      form: { select: { fields: true } },
    },
  });
  const kind = certificateKindSchema.nullable().catch(null).parse(p.service.certificate);
  if (opts.certificate && !kind)
    throw new AppError(400, 'not_a_certificate', 'This service does not issue a certificate', [
      { path: 'certificate', message: 'not a certificate service' },
    ]);
  const issued: Prisma.DocumentCreateManyInput[] = [];
  if (kind && opts.certificate !== false) {
    const stored = stampDutySchema.safeParse(p.stampDuty);
    const stampDuty = opts.stampDuty ?? (stored.success ? stored.data : null);
    if (!stampDuty)
      throw new AppError(400, 'stamp_duty_needed', 'Say how the stamp duty is paid: an exemption or the stamp’s number', [
        { path: 'stampDuty', message: 'required' },
      ]);
    if (opts.stampDuty) await tx.procedure.update({ where: { id: procedureId }, data: { stampDuty: opts.stampDuty } });
    const data = (p.data ?? {}) as Record<string, unknown>;
    const fields = storedFields(p.form?.fields);
    const subjectCode = typeof data.intestatario === 'string' ? data.intestatario : p.citizen.fiscalCode;
    // The name only when the certificate is about the citizen the office knows by that code.
    const name = p.citizen.name && subjectCode && subjectCode === p.citizen.fiscalCode ? p.citizen.name : null;
    const use = fields.find((f) => f.name === 'uso' && f.type === 'choice');
    const purpose = use?.options.find((o) => o.value === data.uso)?.label.it ?? null;
    const verificationCode = newVerificationCode();
    const pdf = await buildCertificatePdf({
      kind,
      office: { name: textOf(p.office.name).it, address: p.office.address },
      protocolNumber: p.protocolNumber,
      issuedAt: now,
      timeZone: p.office.timeZone,
      subject: { name, fiscalCode: subjectCode ?? null },
      purpose,
      stampDuty,
      verificationCode,
      verifyUrl: verifyUrl(verificationCode),
    });
    issued.push({
      procedureId,
      kind: 'certificate',
      fileName: `certificato-${p.protocolNumber.replace('/', '-')}.pdf`,
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: await storeFile(pdf),
      verificationCode,
      issuedAt: now,
      officeId: p.officeId,
      staffId,
    });
  }
  const ids = [...new Set(opts.attachmentIds ?? [])];
  if (ids.length > 0) {
    // The clerk's own uploads, not sent with anything yet: they become documents.
    const uploads = await tx.attachment.findMany({ where: { id: { in: ids }, staffId, procedureId: null } });
    if (uploads.length !== ids.length)
      throw new AppError(400, 'unknown_attachment', 'A file named is not yours, or was already used');
    await tx.attachment.deleteMany({ where: { id: { in: ids } } });
    for (const a of uploads)
      issued.push({
        procedureId,
        kind: 'uploaded',
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        sha256: a.sha256,
        verificationCode: newVerificationCode(),
        issuedAt: now,
        officeId: p.officeId,
        staffId,
      });
  }
  if (issued.length > 0) await tx.document.createMany({ data: issued });
}

/** The file of a document, for the procedure's citizen or staff who may see the procedure. */
export async function documentFile(procedureId: string, documentId: string, who: Uploader) {
  const d = await rt().db.document.findFirst({ where: { id: documentId, ...(await readableFilesOf(procedureId, who)) } });
  if (!d) throw notFound('Document');
  return { ...d, data: await readStoredFile(d.sha256) };
}

/** GET /api/verify/{code}: what the paper shows and its fingerprint; never the citizen. */
export async function verifyDocument(code: string): Promise<DocumentVerification> {
  const d = await rt().db.document.findUnique({
    where: { verificationCode: code },
    include: { office: { select: { name: true, address: true } }, procedure: { select: { protocolNumber: true } } },
  });
  if (!d) throw notFound('Document');
  return {
    valid: true,
    verificationCode: d.verificationCode,
    kind: d.kind,
    issuedAt: d.issuedAt.toISOString(),
    office: { name: textOf(d.office.name).it, address: d.office.address },
    protocolNumber: d.procedure.protocolNumber,
    size: d.size,
    sha256: d.sha256,
  };
}
