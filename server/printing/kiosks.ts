/** A kiosk as the rest of the server knows it: its view, its agent token, the look-ups. Its administration: printing/admin.ts. */
import { createHash } from 'node:crypto';
import type { KioskView } from '../../contract/kiosks';
import type { Kiosk } from '../db/generated/client';
import { textOrNull } from '../db/texts';
import { notFound } from '../errors';
import { rt } from '../runtime';

/** Agent tokens are 256 random bits; only their SHA-256 is stored (like staff sessions). */
export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function kioskView(k: Kiosk, agentConnected: boolean): KioskView {
  return {
    id: k.id,
    officeId: k.officeId,
    name: k.name,
    printMode: k.printMode,
    printerType: k.printerType,
    printerInterface: k.printerInterface,
    paperWidth: k.paperWidth,
    locationHint: textOrNull(k.locationHint),
    active: k.active,
    pairedAt: k.screenTokenHash ? (k.pairedAt?.toISOString() ?? null) : null,
    printerStatus: k.printerStatus,
    printerDetail: k.printerDetail,
    agentConnected: k.printMode === 'agent' ? agentConnected : null,
    lastSeenAt: k.lastSeenAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
    kioskUrl: `${rt().baseUrl}/kiosk?kiosk=${encodeURIComponent(k.id)}`,
  };
}

export async function getKiosk(id: string): Promise<Kiosk> {
  const k = await rt().db.kiosk.findUnique({ where: { id } });
  if (!k) throw notFound('Kiosk');
  return k;
}

/** The active kiosk a token belongs to, or null. */
export async function kioskByToken(token: string): Promise<Kiosk | null> {
  const k = await rt().db.kiosk.findUnique({ where: { tokenHash: hashKioskToken(token) } });
  return k && k.active ? k : null;
}

/** For the kiosk page: which office a `?kiosk=<id>` stands in (null when unknown or inactive). */
export async function kioskOffice(id: string): Promise<string | null> {
  const k = await rt().db.kiosk.findUnique({ where: { id }, select: { officeId: true, active: true } });
  return k?.active ? k.officeId : null;
}
