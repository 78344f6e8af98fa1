/**
 * Certificates the office issues online, their stamp duty ("imposta di bollo") and the public
 * verification of any document the office issued (/verify/<code>).
 */
import { z } from './zod';
import { documentKindSchema } from './enums';

/** Which certificate a service issues (Service.certificate); each has its own title and text. */
export const certificateKindSchema = z.enum([
  'residence',
  'family',
  'citizenship',
  'residence_history',
  'birth',
  'voter',
  'combined',
]);
export type CertificateKind = z.infer<typeof certificateKindSchema>;

/**
 * Legal exemptions from the stamp duty a citizen may claim for a certificate (DPR 642/1972,
 * allegato B, and the laws that added others). `text` is printed on the certificate as is; the
 * portal shows the purpose in the citizen's language (messages: portal.stampDuty.exemptions.<code>).
 */
export const STAMP_DUTY_EXEMPTIONS = {
  electoral: { text: 'Esente da bollo ai sensi dell’art. 1 della Tabella allegato B al DPR 642/1972 (uso elettorale)' },
  tax: { text: 'Esente da bollo ai sensi dell’art. 5 della Tabella allegato B al DPR 642/1972 (uso tributario)' },
  social_security: {
    text: 'Esente da bollo ai sensi dell’art. 9 della Tabella allegato B al DPR 642/1972 (previdenza, assistenza e assegni familiari)',
  },
  school: {
    text: 'Esente da bollo ai sensi dell’art. 11 della Tabella allegato B al DPR 642/1972 (iscrizione e frequenza scolastica, borse di studio)',
  },
  sport: {
    text: 'Esente da bollo ai sensi dell’art. 27-bis della Tabella allegato B al DPR 642/1972 (federazioni ed enti di promozione sportiva, ONLUS)',
  },
  legal_proceedings: { text: 'Esente da bollo ai sensi dell’art. 18 del DPR 115/2002 (procedimento giudiziario)' },
  separation_divorce: { text: 'Esente da bollo ai sensi dell’art. 19 della Legge 74/1987 (separazione e divorzio)' },
  adoption: { text: 'Esente da bollo ai sensi dell’art. 82 della Legge 184/1983 (adozione e affidamento di minori)' },
  third_sector: { text: 'Esente da bollo ai sensi dell’art. 82, comma 5, del D.Lgs. 117/2017 (enti del Terzo settore)' },
} as const;
export type StampDutyExemption = keyof typeof STAMP_DUTY_EXEMPTIONS;
export const stampDutyExemptionSchema = z.enum(
  Object.keys(STAMP_DUTY_EXEMPTIONS) as [StampDutyExemption, ...StampDutyExemption[]],
);

/** The 14-digit identifier printed on a revenue stamp ("identificativo della marca da bollo"). */
export const stampNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{14}$/, 'The 14 digits of the revenue stamp');

/** How the citizen pays the stamp duty of a certificate: a legal exemption, or a revenue stamp they bought. */
export const stampDutySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exempt'), exemption: stampDutyExemptionSchema }),
  z.strictObject({ kind: z.literal('stamp'), stampNumber: stampNumberSchema }),
]);
export type StampDuty = z.infer<typeof stampDutySchema>;

/** The line printed on the certificate. */
export function stampDutyLine(s: StampDuty): string {
  return s.kind === 'exempt'
    ? STAMP_DUTY_EXEMPTIONS[s.exemption].text
    : `Imposta di bollo assolta con contrassegno telematico (marca da bollo) n. ${s.stampNumber}`;
}

/** Verification codes: 12 characters of an alphabet without 0/O, 1/I/L; shown in groups of four. */
export const VERIFICATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const VERIFICATION_CODE_LENGTH = 12;
/** As typed or scanned: case, spaces and dashes do not matter. */
export const verificationCodeSchema = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${VERIFICATION_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`), 'Not a verification code'));
export const formatVerificationCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;
export const verificationCodeParam = z.object({ code: verificationCodeSchema });

/** GET /api/verify/{code}: what the paper itself shows, and its fingerprint. No name, no data. */
export const documentVerificationSchema = z.object({
  valid: z.literal(true),
  verificationCode: z.string(),
  kind: documentKindSchema,
  issuedAt: z.string(),
  office: z.object({ name: z.string(), address: z.string() }),
  protocolNumber: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;

/** A document issued for a procedure, in the citizen's and the staff views. */
export const procedureDocumentSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  verificationCode: z.string(),
  issuedAt: z.string(),
});
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;
