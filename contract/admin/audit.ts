/** The audit log of admin and supervisor changes. */
import { z } from '../zod';
import { id } from '../ids';

export const AUDIT_ENTITIES = [
  'service',
  'category',
  'counter',
  'staff',
  'office',
  'schedule',
  'closure',
  'patron_day',
  'kiosk',
  'display',
  'ticket',
  'appointment',
  'login',
  'service_form',
] as const;
export const auditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntitySchema>;
/**
 * services_change, close and move are supervisor actions on the live office; password_change is
 * a person changing their own password; login_failed (entity `login`, id = the username tried)
 * is written by the login itself, with the account's id as staffId when the account exists.
 */
export const auditActionSchema = z.enum([
  'create',
  'update',
  'delete',
  'reorder',
  'password_reset',
  'password_change',
  'login_failed',
  'token_rotate',
  'services_change',
  'close',
  'move',
  // A kiosk screen pairing code was issued; a kiosk's paired screen was forgotten.
  'pairing_code',
  'unpair',
  // An appointment's manage links were revoked.
  'link_revoke',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditQuery = z.object({
  entity: auditEntitySchema.optional(),
  entityId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Id of the last row of the previous page: rows older than it. */
  before: z.coerce.number().int().positive().optional(),
});

export const auditItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  staff: z.object({ id: z.string(), username: z.string().nullable(), displayName: z.string().nullable() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;
/** Newest first; `nextBefore` pages on (null on the last page). */
export const auditPageSchema = z.object({ items: z.array(auditItemSchema), nextBefore: z.string().nullable() });
