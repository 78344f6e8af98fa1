/**
 * The server side of the kiosk agents: the `/kiosk-agent` socket.io namespace (token check,
 * presence, status reports) and the delivery of one print job to one agent. Through the Redis
 * adapter, a job handled by any app process reaches an agent connected to any other.
 */
import { rooms } from '../realtime/rooms';
import type { Io } from '../runtime';
import {
  agentAuthSchema,
  KIOSK_AGENT_NAMESPACE,
  printAckSchema,
  statusReportSchema,
  type AgentHello,
  type AgentPrinterType,
  type PrintAck,
  type PrintMessage,
} from '../../contract/agent';
import { kioskByToken } from './kiosks';
import {
  agentNamespace,
  markAgentGone,
  markAgentPresent,
  publishPrinterAlert,
  recordPrinterStatus,
  AGENT_PRESENCE_TTL_S,
  type AgentNamespace,
} from './printer-status';
import { rt } from '../runtime';
import { log } from '../log';

/** How long the agent has to print and answer. */
export const PRINT_ACK_TIMEOUT_MS = 15_000;

export function attachKioskAgents(io: Io): void {
  const ns = io.of(KIOSK_AGENT_NAMESPACE) as unknown as AgentNamespace;

  ns.use((socket, next) => {
    const auth = agentAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error('unauthorized'));
    kioskByToken(auth.data.token).then(
      (kiosk) => {
        if (!kiosk) return next(new Error('unauthorized'));
        socket.data = {
          kioskId: kiosk.id,
          officeId: kiosk.officeId,
          printerType: auth.data.printerType ?? null,
          connectedAt: Date.now(),
        };
        next();
      },
      (err: unknown) => {
        log.error({ err }, 'kiosk agent authentication failed');
        next(new Error('unavailable'));
      },
    );
  });

  ns.on('connection', (socket) => {
    const { kioskId } = socket.data;
    // Renew the presence mark while this socket lives, whatever the agent's report interval.
    const renew = setInterval(
      () => void markAgentPresent(kioskId, socket.id).catch(() => undefined),
      (AGENT_PRESENCE_TTL_S * 1000) / 3,
    );
    renew.unref();

    void (async () => {
      await socket.join(rooms.kioskAgent(kioskId));
      await markAgentPresent(kioskId, socket.id);
      const kiosk = await rt().db.kiosk.update({ where: { id: kioskId }, data: { lastSeenAt: new Date() } });
      const hello: AgentHello = {
        kioskId,
        name: kiosk.name,
        officeId: kiosk.officeId,
        printMode: kiosk.printMode,
        printerType: kiosk.printerType,
        printerInterface: kiosk.printerInterface,
        paperWidth: kiosk.paperWidth,
      };
      socket.emit('hello', hello);
      await publishPrinterAlert(kiosk);
    })().catch((err: unknown) => log.error({ err }, 'kiosk agent connection setup failed'));

    socket.on('status', (raw: unknown) => {
      const report = statusReportSchema.safeParse(raw);
      if (!report.success) return;
      void Promise.all([
        markAgentPresent(kioskId, socket.id),
        recordPrinterStatus(kioskId, report.data.status, report.data.detail),
      ]).catch((err: unknown) => log.error({ err }, 'kiosk status report failed'));
    });

    socket.on('disconnect', (reason) => {
      clearInterval(renew);
      // A server shutting down is not an agent going away: it reconnects to the next process.
      if (reason === 'server shutting down') return;
      void (async () => {
        if (!(await markAgentGone(kioskId, socket.id))) return;
        const kiosk = await rt().db.kiosk.findUnique({ where: { id: kioskId } });
        if (kiosk) await publishPrinterAlert(kiosk);
      })().catch((err: unknown) => log.error({ err }, 'kiosk agent disconnect handling failed'));
    });
  });
}

export class NoAgentError extends Error {
  constructor(kioskId: string) {
    super(`No agent connected for kiosk ${kioskId}`);
  }
}

export interface AgentTarget {
  socketId: string;
  /** The printer type the agent declared, if any (it knows its printer best). */
  printerType: AgentPrinterType | null;
}

/** The agent socket that gets the kiosk's next job: the most recently connected one. */
export async function agentTarget(kioskId: string): Promise<AgentTarget> {
  const ns = agentNamespace();
  if (!ns) throw new NoAgentError(kioskId);
  const sockets = await ns.in(rooms.kioskAgent(kioskId)).fetchSockets();
  if (sockets.length === 0) throw new NoAgentError(kioskId);
  // One recipient only: two agents with the same token must not both print the ticket.
  const newest = sockets.reduce((a, b) => (b.data.connectedAt > a.data.connectedAt ? b : a));
  return { socketId: newest.id, printerType: newest.data.printerType };
}

/** Pushes one job to one agent and waits for its answer (printed, duplicate or failed). */
export async function sendToAgent(target: AgentTarget, message: PrintMessage): Promise<PrintAck> {
  const ns = agentNamespace();
  if (!ns) throw new Error('Realtime is not running');
  const replies = (await ns.to(target.socketId).timeout(PRINT_ACK_TIMEOUT_MS).emitWithAck('print', message)) as unknown[];
  if (replies.length === 0) throw new Error('The agent disconnected before answering');
  const ack = printAckSchema.safeParse(replies[0]);
  if (!ack.success) throw new Error('The agent gave an invalid answer');
  return ack.data;
}
