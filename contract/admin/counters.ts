/** Administration of counters (admin). */
import { z } from '../zod';
import { counterStateSchema } from '../enums';
import { id } from '../ids';

const counterFields = { number: z.number().int().min(1).max(999), name: z.string().trim().min(1).max(60) };
export const createCounterInput = z.object({ officeId: id, ...counterFields }).strict();
export const updateCounterInput = z.object(counterFields).partial().strict();

export const adminCounterSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  number: z.number(),
  name: z.string(),
  state: counterStateSchema,
  staffId: z.string().nullable(),
});
export type AdminCounter = z.infer<typeof adminCounterSchema>;
export const adminCounterListSchema = z.array(adminCounterSchema);
/** The whole counter row (create and update answers). */
export const adminCounterRowSchema = adminCounterSchema.extend({
  serviceIds: z.array(z.string()),
  openedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
});
