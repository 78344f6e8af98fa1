import { z } from 'zod';
import { printerInterfaceSchema, PRINTER_TYPES } from './agent-protocol';

const kioskFields = {
  name: z.string().trim().min(1).max(80),
  printMode: z.enum(['agent', 'server', 'none']),
  printerType: z.enum(PRINTER_TYPES),
  printerInterface: printerInterfaceSchema,
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  locationHintIt: z.string().trim().max(120),
  locationHintEn: z.string().trim().max(120),
};

export const createKioskInput = z
  .object({
    officeId: z.string().min(1).max(64),
    name: kioskFields.name,
    printMode: kioskFields.printMode.default('agent'),
    printerType: kioskFields.printerType.default('epson'),
    printerInterface: kioskFields.printerInterface.default('none'),
    paperWidth: kioskFields.paperWidth.default(80),
    locationHintIt: kioskFields.locationHintIt.default(''),
    locationHintEn: kioskFields.locationHintEn.default(''),
  })
  .strict();

export const updateKioskInput = z
  .object({ ...kioskFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export const kioskQuery = z.object({ officeId: z.string().min(1).max(64).optional() });
