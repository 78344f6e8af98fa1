import { z } from './zod';
import { localizedTextSchema } from './lang';

export const walkInReasonSchema = z.enum(['outside_hours', 'closure', 'holiday', 'patron_day', 'last_ticket_passed']);
export type WalkInReason = z.infer<typeof walkInReasonSchema>;

/** Whether the office issues walk-in tickets now (no opening hours = always open). */
export const walkInStatusSchema = z.object({
  open: z.boolean(),
  /** While open: when the last ticket can be taken (the range's closing minus the margin). */
  closesAt: z.string().optional(),
  /** While closed: the next instant tickets are issued again (absent if none within a year). */
  nextOpensAt: z.string().optional(),
  /** While closed: why. */
  reason: walkInReasonSchema.optional(),
});
export type WalkInStatus = z.infer<typeof walkInStatusSchema>;

/** GET /api/offices item. */
export const officeSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  address: z.string(),
  isOneStop: z.boolean(),
  timeZone: z.string(),
  walkIn: walkInStatusSchema,
});
export type Office = z.infer<typeof officeSchema>;
export const officeListSchema = z.array(officeSchema);

/** The `office_closed` refusal's details (409). */
export const officeClosedDetailsSchema = z.object({ nextOpensAt: z.string().nullable(), reason: walkInReasonSchema.optional() });
