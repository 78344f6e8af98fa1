/** Administration of the waiting-room displays (admin). */
import { z } from '../zod';
import { id } from '../ids';
import { localizedText, localizedTextSchema } from '../lang';

export const DISPLAY_SLUG = /^[a-z0-9][a-z0-9-]{1,59}$/;
export const MAX_TICKER_MESSAGES = 10;
export const MAX_TICKER_LENGTH = 200;

const ids = z
  .array(id)
  .max(500)
  .refine((a) => new Set(a).size === a.length, 'An id is listed twice');
/** The ticker: one LocalizedText per message, each language of it at most MAX_TICKER_LENGTH characters. */
const ticker = z.array(localizedText(MAX_TICKER_LENGTH)).max(MAX_TICKER_MESSAGES);

const displayFields = {
  name: z.string().trim().min(1).max(80),
  slug: z.string().regex(DISPLAY_SLUG, 'Lowercase letters, digits and -, 2–60 characters'),
  serviceIds: ids,
  categoryIds: ids,
  ticker,
  active: z.boolean(),
};

export const createDisplayInput = z
  .object({ officeId: id, ...displayFields })
  .partial({ serviceIds: true, categoryIds: true, ticker: true, active: true })
  .strict();

/** The office is fixed at creation; a ticker is changed as a whole. */
export const updateDisplayInput = z.object(displayFields).partial().strict();

export const adminDisplaysQuery = z.object({ officeId: id.optional() });

export type CreateDisplayInput = z.infer<typeof createDisplayInput>;
export type UpdateDisplayInput = z.infer<typeof updateDisplayInput>;

export const adminDisplaySchema = z.object({
  id: z.string(),
  officeId: z.string(),
  name: z.string(),
  slug: z.string(),
  serviceIds: z.array(z.string()),
  categoryIds: z.array(z.string()),
  ticker: z.array(localizedTextSchema),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminDisplay = z.infer<typeof adminDisplaySchema>;
export const adminDisplayListSchema = z.array(adminDisplaySchema);
