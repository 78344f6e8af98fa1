import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import type { Kiosk } from '../db/generated/client';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { TCP_INTERFACE } from '../../contract/agent';
import type { createKioskInput, KioskView, updateKioskInput } from '../../contract/kiosks';
import { nullableText } from '../db/texts';
import { getKiosk, hashKioskToken, kioskView } from './kiosks';
import { announceKiosksChanged } from './kiosk-pairing';
import { PrinterAddressRefused, resolvePrinterHost } from './printer-networks';
import { agentsConnected, disconnectAgents } from './printer-status';

/**
 * Administration of the kiosks and their printers (role admin; supervisors may list them). Every
 * change is one transaction with its AuditLog row (never the token or its hash); afterwards the
 * kiosk's connected print agents are dropped when what they were told no longer holds.
 */

function newToken(): string {
  return `spk_${randomBytes(32).toString('base64url')}`;
}

/**
 * The server prints by itself only to a printer it can address, and connects only inside the
 * printer networks (PRINTER_NETWORKS): a host name is resolved here for a clear answer now, and
 * again at every connection (printer-networks.ts). An agent's printer sits on the kiosk's own
 * network, which the server never connects to.
 */
async function checkPrinterSetup(k: { printMode: string; printerInterface: string }): Promise<void> {
  if (k.printMode !== 'server') return;
  if (k.printerInterface === 'none') {
    throw new AppError(
      422,
      'printer_interface_required',
      'A kiosk printed by the server needs a printer address (tcp://host:9100 or a device path)',
    );
  }
  const tcp = TCP_INTERFACE.exec(k.printerInterface);
  if (!tcp) return;
  try {
    await resolvePrinterHost(tcp[1], rt().config.printerNetworks);
  } catch (err) {
    if (!(err instanceof PrinterAddressRefused)) throw err;
    throw new AppError(422, 'printer_address_refused', err.message, { host: err.host, reason: err.reason });
  }
}

/** What the audit log keeps of a kiosk: everything but the token hashes (secrets, like a password hash). */
function kioskRecord(k: Kiosk): Omit<Kiosk, 'tokenHash' | 'screenTokenHash'> {
  const { tokenHash: _secret, screenTokenHash: _screen, ...rest } = k;
  return rest;
}

export async function adminListKiosks(officeId?: string): Promise<KioskView[]> {
  const rows = await rt().db.kiosk.findMany({
    where: officeId ? { officeId } : {},
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
  });
  const connected = await agentsConnected(rows.map((k) => k.id));
  return rows.map((k) => kioskView(k, connected.has(k.id)));
}

export async function adminGetKiosk(id: string): Promise<KioskView> {
  const k = await getKiosk(id);
  return kioskView(k, (await agentsConnected([id])).has(id));
}

/** Registers a kiosk. The token is in this answer only: the database keeps its hash. */
export async function adminCreateKiosk(
  actor: Actor,
  input: z.infer<typeof createKioskInput>,
): Promise<{ kiosk: KioskView; token: string }> {
  const token = newToken();
  // Outside the transaction: a name lookup must not hold a database connection.
  await checkPrinterSetup(input);
  const k = await rt().db.$transaction(async (tx) => {
    if (!(await tx.office.count({ where: { id: input.officeId } }))) throw notFound('Office');
    const k = await tx.kiosk.create({
      data: { ...input, locationHint: nullableText(input.locationHint), tokenHash: hashKioskToken(token) },
    });
    await withAudit(tx, actor, { action: 'create', entity: 'kiosk', entityId: k.id, after: kioskRecord(k) });
    return k;
  });
  return { kiosk: kioskView(k, false), token };
}

/**
 * Changes a kiosk. Connected agents are dropped when what they were told no longer holds
 * (deactivated, different printing mode or printer): they reconnect and get the new settings,
 * or are refused.
 */
export async function adminUpdateKiosk(actor: Actor, id: string, input: z.infer<typeof updateKioskInput>): Promise<KioskView> {
  const printerChanged = ['printMode', 'printerType', 'printerInterface', 'paperWidth'].some((f) => f in input);
  const current = await rt().db.kiosk.findUnique({ where: { id } });
  if (!current) throw notFound('Kiosk');
  // Outside the transaction (a name lookup must not hold a database connection); every
  // connection checks the address again anyway.
  await checkPrinterSetup({ ...current, ...input });
  const k = await rt().db.$transaction(async (tx) => {
    const before = await tx.kiosk.findUnique({ where: { id } });
    if (!before) throw notFound('Kiosk');
    const after = await tx.kiosk.update({
      where: { id },
      // A new printer or mode invalidates what we knew about the old one.
      data: {
        ...input,
        locationHint: nullableText(input.locationHint),
        ...(printerChanged ? { printerStatus: 'unknown', printerDetail: null } : {}),
      },
    });
    await withAudit(tx, actor, {
      action: 'update',
      entity: 'kiosk',
      entityId: id,
      before: kioskRecord(before),
      after: kioskRecord(after),
    });
    return after;
  });
  // A deactivated kiosk's screen is refused at once on every process.
  announceKiosksChanged([id]);
  if (input.active === false || printerChanged) await disconnectAgents(id);
  const connected = await agentsConnected([id]);
  return kioskView(k, connected.has(id));
}

/** `DELETE`: the kiosk is deactivated, not erased (its print history stays); its agent is refused from now on. */
export async function adminDeactivateKiosk(actor: Actor, id: string): Promise<void> {
  await adminUpdateKiosk(actor, id, { active: false });
}

/**
 * A new token (the old one stops working at once); for a lost or leaked token. The audit row
 * says who rotated it and when, never the token or its hash.
 */
export async function adminRotateKioskToken(actor: Actor, id: string): Promise<{ kiosk: KioskView; token: string }> {
  const token = newToken();
  const k = await rt().db.$transaction(async (tx) => {
    const before = await tx.kiosk.findUnique({ where: { id } });
    if (!before) throw notFound('Kiosk');
    const after = await tx.kiosk.update({ where: { id }, data: { tokenHash: hashKioskToken(token) } });
    await withAudit(tx, actor, {
      action: 'token_rotate',
      entity: 'kiosk',
      entityId: id,
      after: { name: after.name, officeId: after.officeId },
    });
    return after;
  });
  await disconnectAgents(id);
  return { kiosk: kioskView(k, false), token };
}
