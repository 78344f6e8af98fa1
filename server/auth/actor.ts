import type { Role } from '../db/generated/enums';
import { forbidden } from '../errors';

/** The logged-in staff member behind a request or a socket. */
export interface Actor {
  staffId: string;
  username: string;
  displayName: string;
  role: Role;
}

export const isSupervisor = (a: Actor) => a.role === 'supervisor' || a.role === 'admin';

export function requireRole(a: Actor, roles: readonly Role[]): void {
  if (!roles.includes(a.role)) throw forbidden();
}
