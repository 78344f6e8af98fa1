/** Administration of the waiting-room displays (admin). */
import { z } from '../zod';
import { id } from '../ids';

export const DISPLAY_SLUG = /^[a-z0-9][a-z0-9-]{1,59}$/;
export const MAX_TICKER_MESSAGES = 10;
export const MAX_TICKER_LENGTH = 200;

const ids = z
  .array(id)
  .max(500)
  .refine((a) => new Set(a).size === a.length, 'An id is listed twice');
const tickerLines = z.array(z.string().trim().min(1).max(MAX_TICKER_LENGTH)).max(MAX_TICKER_MESSAGES);
/** An English line may be blank: that message is shown in Italian only. */
const tickerLinesEn = z.array(z.string().trim().max(MAX_TICKER_LENGTH)).max(MAX_TICKER_MESSAGES);

const displayFields = {
  name: z.string().trim().min(1).max(80),
  slug: z.string().regex(DISPLAY_SLUG, 'Lowercase letters, digits and -, 2–60 characters'),
  serviceIds: ids,
  categoryIds: ids,
  /** One message per entry; tickerEn[i] translates tickerIt[i]. */
  tickerIt: tickerLines,
  tickerEn: tickerLinesEn,
  active: z.boolean(),
};

/** English lines translate the Italian ones in the same position, so there cannot be more of them. */
const tickerPaired = (d: { tickerIt?: string[]; tickerEn?: string[] }) => (d.tickerEn?.length ?? 0) <= (d.tickerIt?.length ?? 0);
const tickerPairedError = {
  message: 'Every English ticker line translates the Italian line in the same position',
  path: ['tickerEn'],
};

export const createDisplayInput = z
  .object({ officeId: id, ...displayFields })
  .partial({ serviceIds: true, categoryIds: true, tickerIt: true, tickerEn: true, active: true })
  .strict()
  .refine(tickerPaired, tickerPairedError);

/** The office is fixed at creation; a ticker is changed as a whole (both languages together). */
export const updateDisplayInput = z
  .object(displayFields)
  .partial()
  .strict()
  .refine((d) => (d.tickerEn === undefined) === (d.tickerIt === undefined), {
    message: 'Send tickerIt and tickerEn together',
    path: ['tickerEn'],
  })
  .refine(tickerPaired, tickerPairedError);

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
  tickerIt: z.array(z.string()),
  tickerEn: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminDisplay = z.infer<typeof adminDisplaySchema>;
export const adminDisplayListSchema = z.array(adminDisplaySchema);
