/** Administration of services and categories (admin). */
import { z } from '../zod';
import { certificateKindSchema } from '../certificates';
import { localizedText, localizedTextSchema } from '../lang';
import { identityLevelSchema, serviceModeSchema } from '../enums';
import { id } from '../ids';

const serviceFields = {
  name: localizedText(200),
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'One or two uppercase letters'),
  categoryId: id,
  mode: serviceModeSchema,
  officeId: id,
  expectedMinutes: z.number().int().min(1).max(480),
  targetWaitMinutes: z.number().int().min(1).max(480),
  active: z.boolean(),
  keywords: z.string().trim().max(1000),
  sortOrder: z.number().int().min(0).max(10_000),
  /** Requested online through the portal with this identity; null: not online. */
  onlineIdentity: identityLevelSchema.nullable(),
  /** The legal deadline of its procedures, in days. */
  legalDeadlineDays: z.number().int().min(1).max(365),
};
export const createServiceInput = z
  .object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'Lowercase letters, digits, - and _'), ...serviceFields })
  .partial({
    mode: true,
    expectedMinutes: true,
    targetWaitMinutes: true,
    active: true,
    keywords: true,
    sortOrder: true,
    onlineIdentity: true,
    legalDeadlineDays: true,
  })
  .strict();
export const updateServiceInput = z.object(serviceFields).partial().strict();
export const adminServicesQuery = z.object({
  officeId: id.optional(),
  categoryId: id.optional(),
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** A service row, active or not. */
export const adminServiceSchema = z.object({
  id: z.string(),
  code: z.string(),
  prefix: z.string(),
  name: localizedTextSchema,
  keywords: z.string(),
  mode: serviceModeSchema,
  expectedMinutes: z.number(),
  targetWaitMinutes: z.number(),
  active: z.boolean(),
  sortOrder: z.number(),
  categoryId: z.string(),
  officeId: z.string(),
  onlineIdentity: identityLevelSchema.nullable(),
  legalDeadlineDays: z.number(),
  /** The certificate a completed request produces (set in the demo data; null: not a certificate). */
  certificate: certificateKindSchema.nullable(),
});
export type AdminService = z.infer<typeof adminServiceSchema>;
export const adminServiceListSchema = z.array(adminServiceSchema);

const categoryFields = { name: localizedText(120), icon: z.string().trim().max(16) };
export const createCategoryInput = z
  .object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'), ...categoryFields })
  .partial({ icon: true })
  .strict();
export const updateCategoryInput = z.object(categoryFields).partial().strict();
export const reorderCategoriesInput = z.object({ ids: z.array(id).min(1).max(500) }).strict();

/** A category row. */
export const adminCategoryRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: localizedTextSchema,
  icon: z.string(),
  sortOrder: z.number(),
});
/** A category in the admin list: with its number of services. */
export const adminCategorySchema = adminCategoryRowSchema.extend({ services: z.number() });
export type AdminCategory = z.infer<typeof adminCategorySchema>;
export const adminCategoryListSchema = z.array(adminCategorySchema);
