/** Staff login and who is logged in; the services a clerk serves and the colleagues for transfers. */
import { z } from './zod';
import { localizedTextSchema } from './lang';
import { roleSchema, serviceModeSchema } from './enums';

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const staffInfoSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type StaffInfo = z.infer<typeof staffInfoSchema>;

/** POST /api/auth/login answer (the session is the cookie); `mustChangePassword`: this login may only change the password. */
export const loginAnswerSchema = z.object({ staff: staffInfoSchema, mustChangePassword: z.boolean() });
/**
 * GET /api/auth/me: the staff member, the counter they hold, whether they must change their
 * password first, and whether accounts with the published demo password exist.
 */
export const meSchema = z.object({
  staff: staffInfoSchema,
  counterId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** POST /api/auth/password: one's own password (the rules are checked by the server). */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  })
  .strict();

/** GET /api/staff/me/services item: a service the logged-in clerk may serve. */
export const myServiceSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  prefix: z.string(),
  officeId: z.string(),
  mode: serviceModeSchema,
  weight: z.number(),
  category: z.object({ name: localizedTextSchema }),
});
export type MyService = z.infer<typeof myServiceSchema>;
export const myServiceListSchema = z.array(myServiceSchema);

/** GET /api/staff item: a colleague (for transfers). */
export const colleagueSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  counter: z.object({ id: z.string(), number: z.number(), name: z.string() }).nullable(),
});
export type Colleague = z.infer<typeof colleagueSchema>;
export const colleagueListSchema = z.array(colleagueSchema);
