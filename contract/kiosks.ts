/** Kiosk registration and its printer (supervisors read, admins change). */
import { z } from 'zod';
import { PRINTER_TYPES, printerInterfaceSchema } from './agent';
import { printerStatusSchema, printerTypeSchema, printModeSchema } from './enums';
import { id } from './ids';
import { langSchema } from './lang';
import { printUnavailableReasonSchema } from './tickets';

const kioskFields = {
  name: z.string().trim().min(1).max(80),
  printMode: printModeSchema,
  printerType: z.enum(PRINTER_TYPES),
  printerInterface: printerInterfaceSchema,
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  locationHintIt: z.string().trim().max(120),
  locationHintEn: z.string().trim().max(120),
};

export const createKioskInput = z
  .object({
    officeId: id,
    name: kioskFields.name,
    printMode: kioskFields.printMode.default('agent'),
    printerType: kioskFields.printerType.default('epson'),
    printerInterface: kioskFields.printerInterface.default('none'),
    paperWidth: kioskFields.paperWidth.default(80),
    locationHintIt: kioskFields.locationHintIt.default(''),
    locationHintEn: kioskFields.locationHintEn.default(''),
  })
  .strict();
export type CreateKioskInput = z.input<typeof createKioskInput>;

export const updateKioskInput = z
  .object({ ...kioskFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type UpdateKioskInput = z.input<typeof updateKioskInput>;

export const kioskQuery = z.object({ officeId: id.optional() });

/** `?width=58|80&lang=` of the print previews. */
export const previewQuery = z.object({
  width: z.coerce
    .number()
    .int()
    .refine((w) => w === 58 || w === 80, 'Paper width is 58 or 80 (mm)')
    .optional(),
  lang: langSchema.optional(),
});

export const kioskViewSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  name: z.string(),
  printMode: printModeSchema,
  printerType: printerTypeSchema,
  printerInterface: z.string(),
  paperWidth: z.number(),
  locationHintIt: z.string(),
  locationHintEn: z.string(),
  active: z.boolean(),
  /** When its screen was paired (server/printing/kiosk-pairing.ts); null: no paired screen, no priority tickets or paper from the web. */
  pairedAt: z.string().nullable(),
  printerStatus: printerStatusSchema,
  printerDetail: z.string().nullable(),
  /** Whether an agent is connected right now (null when the kiosk does not use one). */
  agentConnected: z.boolean().nullable(),
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
  /** The address to open in the kiosk's browser. */
  kioskUrl: z.string(),
});
export type KioskView = z.infer<typeof kioskViewSchema>;
export const kioskListSchema = z.array(kioskViewSchema);

/** A new kiosk or a new token: the token is in this answer only (the database keeps its hash). */
export const kioskWithTokenSchema = z.object({ kiosk: kioskViewSchema, token: z.string() });

export const printOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('queued'), jobId: z.string() }),
  z.object({ status: z.literal('unavailable'), reason: printUnavailableReasonSchema }),
]);
export type PrintOutcome = z.infer<typeof printOutcomeSchema>;
export const testPrintAnswerSchema = z.object({ print: printOutcomeSchema });

/** A one-time pairing code (and link) for the kiosk PC's browser. */
export const pairingCodeSchema = z.object({ code: z.string(), pairUrl: z.string(), expiresAt: z.string() });
export type PairingCode = z.infer<typeof pairingCodeSchema>;
/** The kiosk PC's browser spends a pairing code; the answer sets the kiosk cookie. */
export const pairInput = z.object({ code: z.string().trim().min(1).max(40) });
export const pairAnswerSchema = z.object({
  kiosk: z.object({ id: z.string(), name: z.string(), officeId: z.string() }),
  kioskUrl: z.string(),
});
