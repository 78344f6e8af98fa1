/** What the audit log records; plain constants, so client screens can import them too. */
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
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
/**
 * services_change, close and move are supervisor actions on the live office; password_change is
 * a person changing their own password; login_failed (entity `login`, id = the username tried)
 * is written by the login itself, with the account's id as staffId when the account exists.
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'reorder'
  | 'password_reset'
  | 'password_change'
  | 'login_failed'
  | 'token_rotate'
  | 'services_change'
  | 'close'
  | 'move'
  /** A kiosk screen pairing code was issued; a kiosk's paired screen was forgotten. */
  | 'pairing_code'
  | 'unpair'
  /** An appointment's manage links were revoked. */
  | 'link_revoke';
