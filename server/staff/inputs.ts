import { z } from 'zod';

const skillsInput = z
  .array(z.object({ serviceId: z.string().min(1).max(64), weight: z.number().int().min(1).max(5) }).strict())
  .max(500)
  .refine((s) => new Set(s.map((k) => k.serviceId)).size === s.length, 'A service is listed twice');
const staffFields = {
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(['operator', 'supervisor', 'admin']),
  active: z.boolean(),
  skills: skillsInput,
};
export const createStaffInput = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{3,32}$/, '3–32 lowercase letters, digits, . _ -'),
    password: z.string().min(8).max(200),
    ...staffFields,
  })
  .partial({ role: true, active: true, skills: true })
  .strict();
export const updateStaffInput = z.object(staffFields).partial().strict();
export const passwordInput = z.object({ password: z.string().min(8).max(200) }).strict();
