/** The public catalogue: categories and services (kiosk, booking pages, counters). */
import { z } from './zod';
import { id } from './ids';
import { langSchema, localizedTextSchema } from './lang';
import { serviceModeSchema } from './enums';

export const servicesQuery = z.object({
  lang: langSchema.default('it'),
  officeId: id.optional(),
  mode: serviceModeSchema.optional(),
});

/** GET /api/categories item: categories with at least one active service. */
export const categorySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  icon: z.string(),
  sortOrder: z.number(),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryListSchema = z.array(categorySchema);

/**
 * GET /api/services item, in kiosk order. Service, office and category each have `name`, in the
 * asked language (by the fallback rule of contract/lang.ts), and `names`, every language: a
 * screen that switches language needs no new request.
 */
export const serviceSchema = z.object({
  id: z.string(),
  code: z.string(),
  prefix: z.string(),
  name: z.string(),
  names: localizedTextSchema,
  keywords: z.string(),
  mode: serviceModeSchema,
  officeId: z.string(),
  office: z.object({ id: z.string(), name: z.string(), names: localizedTextSchema }),
  expectedMinutes: z.number(),
  /** It can be requested online now (the portal's `/portale?new=<id>`): the kiosk and the booking pages say so. */
  online: z.boolean(),
  category: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    names: localizedTextSchema,
    icon: z.string(),
  }),
});
export type Service = z.infer<typeof serviceSchema>;
export const serviceListSchema = z.array(serviceSchema);
