/** Administration of staff accounts and their skills (admin). */
import { z } from '../zod';
import { roleSchema } from '../enums';
import { id } from '../ids';

const skillsInput = z
  .array(z.object({ serviceId: id, weight: z.number().int().min(1).max(5) }).strict())
  .max(500)
  .refine((s) => new Set(s.map((k) => k.serviceId)).size === s.length, 'A service is listed twice');
const staffFields = {
  displayName: z.string().trim().min(1).max(120),
  role: roleSchema,
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

/** A staff member as the admin sees it: never the password hash. */
export const adminStaffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  skills: z.array(z.object({ serviceId: z.string(), weight: z.number() })),
});
export type AdminStaff = z.infer<typeof adminStaffSchema>;
export const adminStaffListSchema = z.array(adminStaffSchema);
