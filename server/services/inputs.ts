import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);

const serviceFields = {
  nameIt: text(200),
  nameEn: text(200),
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'One or two uppercase letters'),
  categoryId: id,
  mode: z.enum(['desk', 'appointment']),
  officeId: id,
  expectedMinutes: z.number().int().min(1).max(480),
  targetWaitMinutes: z.number().int().min(1).max(480),
  active: z.boolean(),
  keywords: z.string().trim().max(1000),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const createServiceInput = z
  .object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'Lowercase letters, digits, - and _'), ...serviceFields })
  .partial({ mode: true, expectedMinutes: true, targetWaitMinutes: true, active: true, keywords: true, sortOrder: true })
  .strict();
export const updateServiceInput = z.object(serviceFields).partial().strict();
export const adminServicesQuery = z.object({
  officeId: id.optional(),
  categoryId: id.optional(),
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});
