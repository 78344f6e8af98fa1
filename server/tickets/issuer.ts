import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

/** Who takes a ticket: a paired kiosk screen, a logged-in staff member, or neither (a web client). */
export interface Issuer {
  kiosk: { id: string } | null;
  actor: Actor | null;
}

export const ANONYMOUS: Issuer = { kiosk: null, actor: null };

/**
 * Priority (a declared need: disability, pregnancy, age) and paper are for the hall's kiosks,
 * where the staff can see who presses, and for the staff themselves; an anonymous web client
 * gets plain tickets only. A kiosk prints only on its own printer.
 */
export function assertMayIssue(issuer: Issuer, wants: { priority?: string; kioskId?: string }): void {
  const trusted = issuer.kiosk !== null || issuer.actor !== null;
  if (!trusted && wants.priority && wants.priority !== 'none')
    throw new AppError(403, 'kiosk_required', 'Priority tickets are issued at a registered kiosk or by the staff');
  if (!wants.kioskId) return;
  if (issuer.actor) return;
  if (!issuer.kiosk)
    throw new AppError(403, 'kiosk_required', 'Only a paired kiosk screen prints on a kiosk printer: ask an admin to pair it');
  if (issuer.kiosk.id !== wants.kioskId) throw new AppError(403, 'wrong_kiosk', 'This screen is paired with another kiosk');
}
