/**
 * What the server knows about each kiosk's printer, and the alerts supervisors see live.
 * Two facts: the printer's own status (from the agent's reports, or the server's checks in
 * print mode `server`), stored on the Kiosk row; and whether an agent is connected, kept in Redis
 * (`keys.kioskAgent`) so that every app process sees it and it vanishes if a process dies.
 */
import type { PrinterStatus } from '../../contract/enums';
import type { Namespace } from 'socket.io';
import type { Kiosk } from '../db/generated/client';
import type { PrinterAlert } from '../../contract/supervisor';
import { rooms } from '../realtime/rooms';
import { rt } from '../runtime';
import { KIOSK_AGENT_NAMESPACE, type AgentToServer, type ServerToAgent } from '../../contract/agent';
import { probePrinter } from '../../agent/src/transport';
import { serverPrinterHostCheck } from './printer-networks-check';

/** How long an agent counts as connected without its socket's process renewing the mark. */
export const AGENT_PRESENCE_TTL_S = 60;

export interface AgentSocketData {
  kioskId: string;
  officeId: string;
  printerType: 'epson' | 'star' | 'custom' | null;
  connectedAt: number;
}

export type AgentNamespace = Namespace<AgentToServer, ServerToAgent, Record<string, never>, AgentSocketData>;

export function agentNamespace(): AgentNamespace | null {
  const io = rt().io;
  return io ? (io.of(KIOSK_AGENT_NAMESPACE) as unknown as AgentNamespace) : null;
}

export async function agentsConnected(kioskIds: string[]): Promise<Set<string>> {
  if (kioskIds.length === 0) return new Set();
  const { redis, keys } = rt();
  const values = await redis.mget(...kioskIds.map((id) => keys.kioskAgent(id)));
  return new Set(kioskIds.filter((_, i) => values[i] !== null));
}

export async function agentConnected(kioskId: string): Promise<boolean> {
  return (await agentsConnected([kioskId])).has(kioskId);
}

/** Marks the agent socket as this kiosk's connected agent (renewed while it stays connected). */
export async function markAgentPresent(kioskId: string, socketId: string): Promise<void> {
  const { redis, keys } = rt();
  await redis.set(keys.kioskAgent(kioskId), socketId, 'EX', AGENT_PRESENCE_TTL_S);
}

// Only the socket that set the mark may clear it: an agent that reconnected to another process
// before this one noticed the old socket's end must stay connected.
const CLEAR_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export async function markAgentGone(kioskId: string, socketId: string): Promise<boolean> {
  const { redis, keys } = rt();
  return (await redis.eval(CLEAR_IF_OWNER, 1, keys.kioskAgent(kioskId), socketId)) === 1;
}

/** Drops the kiosk's agent connections on every app process (settings changed, token revoked). */
export async function disconnectAgents(kioskId: string): Promise<void> {
  const ns = agentNamespace();
  if (ns) ns.in(rooms.kioskAgent(kioskId)).disconnectSockets(true);
  const { redis, keys } = rt();
  await redis.del(keys.kioskAgent(kioskId));
}

export function printerAlert(k: Kiosk, agentConnected: boolean, at = new Date()): PrinterAlert {
  return {
    kioskId: k.id,
    officeId: k.officeId,
    name: k.name,
    printMode: k.printMode,
    status: k.printerStatus,
    detail: k.printerDetail,
    agentConnected: k.printMode === 'agent' ? agentConnected : null,
    at: at.toISOString(),
  };
}

/** Tells the office's staff screens (supervisors, counters) about a kiosk printer. */
export async function publishPrinterAlert(k: Kiosk): Promise<void> {
  const io = rt().io;
  if (!io) return;
  io.to(rooms.staff(k.officeId)).emit('printer', printerAlert(k, await agentConnected(k.id)));
}

/**
 * Stores a status report and alerts the staff when the status changed. `lastSeenAt` moves on
 * every report, so a supervisor can tell a silent kiosk from a healthy one.
 */
export async function recordPrinterStatus(kioskId: string, status: PrinterStatus, detail?: string | null): Promise<Kiosk | null> {
  const { db } = rt();
  const before = await db.kiosk.findUnique({ where: { id: kioskId } });
  if (!before) return null;
  const after = await db.kiosk.update({
    where: { id: kioskId },
    data: { printerStatus: status, printerDetail: status === 'online' ? null : (detail ?? null), lastSeenAt: new Date() },
  });
  if (before.printerStatus !== status) await publishPrinterAlert(after);
  return after;
}

/**
 * Print mode `server`: nobody reports for these printers, so the server asks them itself
 * (BullMQ job every 30 s, see jobs/scheduler.ts). A printer found offline stops new tickets
 * from waiting for paper; this is also how it is noticed when it comes back.
 */
export async function checkServerPrinters(): Promise<number> {
  const kiosks = await rt().db.kiosk.findMany({ where: { active: true, printMode: 'server' } });
  await Promise.all(
    kiosks.map(async (k) => {
      const target = { printerInterface: k.printerInterface, printerType: k.printerType };
      const opts = { checkHost: serverPrinterHostCheck() };
      let probe = await probePrinter(target, opts);
      // A printer busy with a ticket may refuse this extra connection: ask again before believing it.
      if (probe.status === 'offline')
        probe = await new Promise((r) => setTimeout(r, 1000)).then(() => probePrinter(target, opts));
      await recordPrinterStatus(k.id, probe.status, probe.detail);
    }),
  );
  return kiosks.length;
}
