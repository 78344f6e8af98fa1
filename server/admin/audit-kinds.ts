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
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
/** services_change, close and move are supervisor actions on the live office. */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'reorder'
  | 'password_reset'
  | 'token_rotate'
  | 'services_change'
  | 'close'
  | 'move'
  /** A kiosk screen pairing code was issued; a kiosk's paired screen was forgotten. */
  | 'pairing_code'
  | 'unpair'
  /** An appointment's manage links were revoked. */
  | 'link_revoke';
