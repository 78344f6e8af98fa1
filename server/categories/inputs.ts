import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

const categoryFields = { nameIt: text(120), nameEn: text(120), icon: z.string().trim().max(16) };
export const createCategoryInput = z
  .object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'), ...categoryFields })
  .partial({ icon: true })
  .strict();
export const updateCategoryInput = z.object(categoryFields).partial().strict();
export const reorderCategoriesInput = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }).strict();
