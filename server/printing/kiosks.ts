import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import type { Kiosk } from '../db/generated/client';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { printerInterfaceSchema, PRINTER_TYPES, TCP_INTERFACE } from './agent-protocol';
import { PrinterAddressRefused, resolvePrinterHost } from './printer-networks';
import { agentsConnected, disconnectAgents } from './printer-status';

const kioskFields = {
  name: z.string().trim().min(1).max(80),
  printMode: z.enum(['agent', 'server', 'none']),
  printerType: z.enum(PRINTER_TYPES),
  printerInterface: printerInterfaceSchema,
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  locationHintIt: z.string().trim().max(120),
  locationHintEn: z.string().trim().max(120),
};

export const createKioskInput = z
  .object({
    officeId: z.string().min(1).max(64),
    name: kioskFields.name,
    printMode: kioskFields.printMode.default('agent'),
    printerType: kioskFields.printerType.default('epson'),
    printerInterface: kioskFields.printerInterface.default('none'),
    paperWidth: kioskFields.paperWidth.default(80),
    locationHintIt: kioskFields.locationHintIt.default(''),
    locationHintEn: kioskFields.locationHintEn.default(''),
  })
  .strict();
export type CreateKioskInput = z.input<typeof createKioskInput>;

export const updateKioskInput = z
  .object({ ...kioskFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type UpdateKioskInput = z.input<typeof updateKioskInput>;

export const kioskQuery = z.object({ officeId: z.string().min(1).max(64).optional() });

/** Agent tokens are 256 random bits; only their SHA-256 is stored (like staff sessions). */
export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return `spk_${randomBytes(32).toString('base64url')}`;
}

export interface KioskView {
  id: string;
  officeId: string;
  name: string;
  printMode: Kiosk['printMode'];
  printerType: Kiosk['printerType'];
  printerInterface: string;
  paperWidth: number;
  locationHintIt: string;
  locationHintEn: string;
  active: boolean;
  /** When its screen was paired (kiosk-pairing.ts); null: no paired screen, no priority tickets or paper from the web. */
  pairedAt: string | null;
  printerStatus: Kiosk['printerStatus'];
  printerDetail: string | null;
  /** Whether an agent is connected right now (null when the kiosk does not use one). */
  agentConnected: boolean | null;
  lastSeenAt: string | null;
  createdAt: string;
  /** The address to open in the kiosk's browser. */
  kioskUrl: string;
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
    locationHintIt: k.locationHintIt,
    locationHintEn: k.locationHintEn,
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

/** Registers a kiosk. The token is in this answer only: the database keeps its hash. */
export async function createKiosk(actor: Actor, raw: CreateKioskInput): Promise<{ kiosk: KioskView; token: string }> {
  const input = createKioskInput.parse(raw);
  const { db } = rt();
  if (!(await db.office.count({ where: { id: input.officeId } }))) throw notFound('Office');
  await checkPrinterSetup(input);
  const token = newToken();
  const k = await db.$transaction(async (tx) => {
    const k = await tx.kiosk.create({ data: { ...input, tokenHash: hashKioskToken(token) } });
    await withAudit(tx, actor, { action: 'create', entity: 'kiosk', entityId: k.id, after: kioskRecord(k) });
    return k;
  });
  return { kiosk: kioskView(k, false), token };
}

export async function listKiosks(officeId?: string): Promise<KioskView[]> {
  const rows = await rt().db.kiosk.findMany({
    where: officeId ? { officeId } : {},
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
  });
  const connected = await agentsConnected(rows.map((k) => k.id));
  return rows.map((k) => kioskView(k, connected.has(k.id)));
}

export async function getKiosk(id: string): Promise<Kiosk> {
  const k = await rt().db.kiosk.findUnique({ where: { id } });
  if (!k) throw notFound('Kiosk');
  return k;
}

export async function getKioskView(id: string): Promise<KioskView> {
  const k = await getKiosk(id);
  return kioskView(k, (await agentsConnected([id])).has(id));
}

/**
 * Changes a kiosk. Connected agents are dropped when what they were told no longer holds
 * (deactivated, different printing mode or printer): they reconnect and get the new settings,
 * or are refused.
 */
export async function updateKiosk(actor: Actor, id: string, raw: UpdateKioskInput): Promise<KioskView> {
  const input = updateKioskInput.parse(raw);
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
      data: { ...input, ...(printerChanged ? { printerStatus: 'unknown', printerDetail: null } : {}) },
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
  if (input.active === false || printerChanged) await disconnectAgents(id);
  const connected = await agentsConnected([id]);
  return kioskView(k, connected.has(id));
}

/** `DELETE`: the kiosk is deactivated, not erased (its print history stays); its agent is refused from now on. */
export async function deactivateKiosk(actor: Actor, id: string): Promise<void> {
  await updateKiosk(actor, id, { active: false });
}

/**
 * A new token (the old one stops working at once); for a lost or leaked token. The audit row
 * says who rotated it and when, never the token or its hash.
 */
export async function rotateKioskToken(actor: Actor, id: string): Promise<{ kiosk: KioskView; token: string }> {
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
