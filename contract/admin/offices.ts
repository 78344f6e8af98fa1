/** Administration of offices and their walk-in opening hours (admin). */
import { z } from '../zod';
import { localizedText, localizedTextSchema } from '../lang';
import { openingRangeSchema, weeklyHoursInput } from '../calendar';

/** An IANA time zone the runtime knows (what luxon's IANAZone.isValidZone checks, without luxon). */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz }).format();
    return true;
  } catch {
    return false;
  }
}

const officeFields = {
  name: localizedText(120),
  address: z.string().trim().max(200),
  sortOrder: z.number().int().min(0).max(10_000),
};

export const createOfficeInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'),
    timeZone: z.string().max(64).refine(isTimeZone, 'Not a known time zone (e.g. Europe/Rome)').default('Europe/Rome'),
    ...officeFields,
  })
  .partial({ address: true, sortOrder: true })
  .strict();
export const updateOfficeInput = z
  .object(officeFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/**
 * Walk-in opening hours: weekly ranges (validated like appointment hours: closes after opens, no
 * overlap on a day) and how many minutes before each closing tickets stop. No ranges = always open.
 */
export const officeHoursInput = z
  .object({
    hours: weeklyHoursInput,
    lastTicketMinutes: z.number().int().min(0).max(240),
  })
  .strict();

/** An office (create and update answers). */
export const adminOfficeRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  address: z.string(),
  timeZone: z.string(),
  isOneStop: z.boolean(),
  sortOrder: z.number(),
});
/** GET /api/admin/offices item: with its walk-in hours. */
export const adminOfficeSchema = adminOfficeRowSchema.extend({
  lastTicketMinutes: z.number(),
  hours: z.array(openingRangeSchema),
});
export type AdminOffice = z.infer<typeof adminOfficeSchema>;
export const adminOfficeListSchema = z.array(adminOfficeSchema);
export const officeHoursAnswerSchema = z.object({ lastTicketMinutes: z.number(), hours: z.array(openingRangeSchema) });
