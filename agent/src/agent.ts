/**
 * The kiosk agent: a small process on the kiosk PC that receives its kiosk's print jobs from
 * Sportello over socket.io (the protocol: protocol.ts), sends the ready-made ESC/POS
 * bytes to the printer (raw TCP port 9100 or a device path) and reports the printer's status.
 * socket.io reconnects by itself after a network loss or a server restart; a job delivered twice
 * is acknowledged without printing it again.
 */
import { EventEmitter } from 'node:events';
import { io, type Socket } from 'socket.io-client';
import pkg from '../package.json' with { type: 'json' };
import {
  KIOSK_AGENT_NAMESPACE,
  printMessageSchema,
  type AgentHello,
  type AgentToServer,
  type PrintAck,
  type ServerToAgent,
} from './protocol';
import { probePrinter, sendToPrinter, type PrinterTarget, type ProbeResult } from './transport';
import type { AgentConfigInput } from './config';
import { agentConfigSchema } from './config';
import { PrintedJobs } from './printed-jobs';

export const AGENT_VERSION = pkg.version;

export interface AgentLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface AgentOptions extends AgentConfigInput {
  logger?: AgentLogger;
  /** Wait before trying again after the server refused the token (an admin may fix it). */
  refusedRetryMs?: number;
}

export interface AgentStats {
  connects: number;
  printed: number;
  duplicates: number;
  failed: number;
  refused: number;
}

export interface AgentEvents {
  hello: [AgentHello];
  printed: [string];
  duplicate: [string];
  failed: [string, string];
  refused: [string];
  status: [ProbeResult];
  disconnect: [string];
}

export interface KioskAgent extends EventEmitter<AgentEvents> {
  readonly stats: AgentStats;
  readonly connected: boolean;
  stop(): Promise<void>;
}

const silent: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function startAgent(options: AgentOptions): KioskAgent {
  const config = agentConfigSchema.parse(options);
  const log = options.logger ?? silent;
  const refusedRetryMs = options.refusedRetryMs ?? 60_000;
  const printed = new PrintedJobs(config.stateFile || null);
  const stats: AgentStats = { connects: 0, printed: 0, duplicates: 0, failed: 0, refused: 0 };
  const events = new EventEmitter<AgentEvents>();
  let hello: AgentHello | null = null;
  let stopped = false;
  let lastStatus: string | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  // One job at a time: a network printer serves one connection on port 9100.
  let printing: Promise<unknown> = Promise.resolve();

  const target = (): PrinterTarget => ({
    printerInterface: config.printerInterface ?? hello?.printerInterface ?? 'none',
    printerType: config.printerType ?? hello?.printerType ?? 'epson',
  });

  const socket: Socket<ServerToAgent, AgentToServer> = io(new URL(KIOSK_AGENT_NAMESPACE, config.url).toString(), {
    path: '/socket.io',
    auth: {
      token: config.token,
      agentVersion: AGENT_VERSION,
      ...(config.printerType ? { printerType: config.printerType } : {}),
    },
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
  });

  /** Queued behind any print: a network printer busy printing may refuse a second connection. */
  function reportStatus(): Promise<void> {
    const run = printing.then(probeAndReport);
    printing = run.catch(() => undefined);
    return run;
  }

  async function probeAndReport(): Promise<void> {
    if (!socket.connected || !hello) return;
    const probe = await probePrinter(target());
    const key = `${probe.status}:${probe.detail ?? ''}`;
    if (key !== lastStatus)
      log.info(`printer ${target().printerInterface}: ${probe.status}${probe.detail ? ` (${probe.detail})` : ''}`);
    lastStatus = key;
    socket.emit('status', probe.detail ? { status: probe.status, detail: probe.detail.slice(0, 300) } : { status: probe.status });
    events.emit('status', probe);
  }
  const statusTimer = setInterval(() => void reportStatus().catch(() => undefined), config.statusIntervalSeconds * 1000);

  async function print(jobId: string, label: string, bytes: Buffer): Promise<PrintAck> {
    if (printed.has(jobId)) {
      stats.duplicates++;
      log.info(`job ${jobId} (${label}) was already printed: not printing it again`);
      events.emit('duplicate', jobId);
      return { status: 'duplicate' };
    }
    printed.add(jobId);
    try {
      await sendToPrinter(target(), bytes);
    } catch (err) {
      // Connection refused, timeout, no device: nothing reached the paper, a retry may print.
      printed.forget(jobId);
      const error = err instanceof Error ? err.message : String(err);
      stats.failed++;
      log.warn(`job ${jobId} (${label}) not printed: ${error}`);
      events.emit('failed', jobId, error);
      void reportStatus().catch(() => undefined);
      return { status: 'failed', error: error.slice(0, 500) };
    }
    stats.printed++;
    log.info(`printed ${label} (job ${jobId})`);
    events.emit('printed', jobId);
    if (lastStatus?.startsWith('offline')) void reportStatus().catch(() => undefined);
    return { status: 'printed' };
  }

  socket.on('print', (raw, ack) => {
    const reply = typeof ack === 'function' ? ack : () => undefined;
    const msg = printMessageSchema.safeParse(raw);
    if (!msg.success) return reply({ status: 'failed', error: 'Invalid print message' });
    const run = printing.then(() => print(msg.data.jobId, msg.data.label, Buffer.from(msg.data.bytes, 'base64')));
    printing = run.catch(() => undefined);
    void run.then(reply, (err: unknown) => reply({ status: 'failed', error: String(err) }));
  });

  socket.on('hello', (h) => {
    hello = h;
    log.info(`connected as kiosk "${h.name}" (${h.kioskId}), printer ${target().printerInterface} (${target().printerType})`);
    events.emit('hello', h);
    void reportStatus().catch(() => undefined);
  });

  socket.on('connect', () => {
    stats.connects++;
  });

  socket.on('connect_error', (err) => {
    if (stopped) return;
    if (err.message === 'unauthorized') {
      // socket.io does not retry a refusal by itself; try again later in case an admin fixes it.
      stats.refused++;
      log.error(
        `the server refused this kiosk token (wrong, revoked, or the kiosk is deactivated); trying again in ${Math.round(refusedRetryMs / 1000)} s`,
      );
      events.emit('refused', err.message);
      retryTimer = setTimeout(() => socket.connect(), refusedRetryMs);
      retryTimer.unref();
    } else if (!socket.active) {
      retryTimer = setTimeout(() => socket.connect(), 5000);
      retryTimer.unref();
    }
  });

  socket.on('disconnect', (reason) => {
    log.warn(`disconnected from ${config.url}: ${reason}`);
    events.emit('disconnect', reason);
    lastStatus = null;
    // The server dropped us on purpose (new settings, new token): connect again for the news.
    if (reason === 'io server disconnect' && !stopped) {
      retryTimer = setTimeout(() => socket.connect(), 1000);
      retryTimer.unref();
    }
  });

  const agent = Object.assign(events, {
    stats,
    connected: false,
    async stop() {
      stopped = true;
      clearInterval(statusTimer);
      if (retryTimer) clearTimeout(retryTimer);
      socket.disconnect();
      await printing;
    },
  });
  // A live getter (Object.assign would copy a getter's value once).
  Object.defineProperty(agent, 'connected', { get: () => socket.connected, enumerable: true });
  return agent;
}
