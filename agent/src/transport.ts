/**
 * Getting bytes to a thermal printer and asking it how it is: the kiosk agent's job, and the
 * server's too for kiosks in print mode `server` (server/printing imports it from here).
 */
import fs from 'node:fs';
import net from 'node:net';
import { ThermalPrinter, type PrinterTypes } from 'node-thermal-printer';
import { TCP_INTERFACE, type AgentPrinterStatus, type AgentPrinterType } from './protocol';

export interface PrinterTarget {
  /** `tcp://host:9100`, a device path such as `/dev/usb/lp0`, or `none`. */
  printerInterface: string;
  printerType: AgentPrinterType;
}

const isTcp = (iface: string) => /^tcp:\/\//i.test(iface);

export interface TransportOptions {
  timeoutMs?: number;
  /**
   * Checks a `tcp://` printer's host and answers the address to connect to (the server passes
   * server/printing/printer-networks.ts `resolvePrinterHost` with its PRINTER_NETWORKS). Omitted
   * only by the kiosk agent, whose printer sits on the kiosk's own network.
   */
  checkHost?: (host: string) => Promise<string>;
}

/**
 * node-thermal-printer's network interface, connecting to an address we already checked: the
 * library would resolve the host name again itself (and cannot take an IPv6 literal).
 */
class CheckedNetwork {
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeout: number,
  ) {}

  getPrinterName(): string {
    return `${this.host}:${this.port}`;
  }

  isPrinterConnected(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: this.host, port: this.port, timeout: this.timeout }, () => {
        resolve(true);
        socket.destroy();
      });
      socket.on('error', () => (resolve(false), socket.destroy()));
      socket.on('timeout', () => (resolve(false), socket.destroy()));
    });
  }

  execute(buffer: Buffer, options: { waitForResponse?: boolean } = {}): Promise<Buffer | void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port, timeout: this.timeout }, () => {
        socket.write(buffer, () => {
          if (!options.waitForResponse) {
            socket.destroy();
            resolve();
          }
        });
      });
      socket.on('data', (data) => {
        if (!options.waitForResponse) return;
        resolve(data);
        socket.destroy();
      });
      socket.on('error', (err) => (reject(err), socket.destroy()));
      socket.on('timeout', () => (reject(new Error('Socket timeout')), socket.destroy()));
    });
  }
}

/** A ThermalPrinter for the target; a network printer's host goes through `checkHost` first. */
async function thermalPrinter(target: PrinterTarget, timeoutMs: number, checkHost: TransportOptions['checkHost']) {
  const tcp = TCP_INTERFACE.exec(target.printerInterface);
  const iface =
    tcp && checkHost
      ? (new CheckedNetwork(await checkHost(tcp[1]), Number(tcp[2] ?? 9100), timeoutMs) as unknown as string)
      : target.printerInterface;
  // `getStatus` (queues the paper-status request) is public in the library but missing from its typings.
  return new ThermalPrinter({
    type: target.printerType as PrinterTypes,
    interface: iface,
    options: { timeout: timeoutMs },
  }) as ThermalPrinter & { getStatus(): Promise<void> };
}

/**
 * Opens a printer device for writing. Never creates or truncates anything (no O_CREAT, no
 * O_TRUNC), and refuses whatever is not a character device (a regular file, a directory, a
 * FIFO): a printer address cannot be used to write files as the server's user. Windows COM ports
 * (`\\.\COM3`) are devices by name and have no meaningful fstat.
 */
export async function openPrinterDevice(devicePath: string): Promise<fs.promises.FileHandle> {
  const windowsPort = process.platform === 'win32' && /^(\\\\\.\\)?COM\d{1,3}$/i.test(devicePath);
  if (!windowsPort) {
    // Checked before opening too: opening a FIFO for writing would block until a reader came.
    const before = await fs.promises.stat(devicePath);
    if (!before.isCharacterDevice()) throw new Error(`${devicePath} is not a printer device`);
  }
  const fh = await fs.promises.open(devicePath, fs.constants.O_WRONLY | (fs.constants.O_NOCTTY ?? 0));
  if (!windowsPort) {
    // The path may have been swapped between the check and the open: the descriptor decides.
    const st = await fh.stat().catch(() => null);
    if (!st?.isCharacterDevice()) {
      await fh.close().catch(() => undefined);
      throw new Error(`${devicePath} is not a printer device`);
    }
  }
  return fh;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

function message(err: unknown): string {
  if (err instanceof Error)
    return (err as NodeJS.ErrnoException).code ? `${(err as NodeJS.ErrnoException).code}: ${err.message}` : err.message;
  return String(err);
}

/**
 * Sends the job's bytes. Raw TCP goes through node-thermal-printer's network interface. A device
 * path is written here directly: the library's file interface keeps retrying a missing device
 * for minutes in the background, which would print a stale ticket after we already gave up and
 * retried ourselves (a double print).
 */
export async function sendToPrinter(target: PrinterTarget, bytes: Buffer, opts: TransportOptions = {}): Promise<void> {
  const iface = target.printerInterface;
  const timeoutMs = opts.timeoutMs ?? 8000;
  if (iface === 'none') throw new Error('No printer configured');
  try {
    if (isTcp(iface)) {
      const printer = await thermalPrinter(target, timeoutMs, opts.checkHost);
      await withTimeout(printer.raw(bytes), timeoutMs + 1000, 'printer');
      return;
    }
    const fh = await openPrinterDevice(iface);
    try {
      await withTimeout(fh.write(bytes), timeoutMs, 'printer');
    } finally {
      await fh.close().catch(() => undefined);
    }
  } catch (err) {
    throw new Error(`Printing to ${iface} failed: ${message(err)}`);
  }
}

/**
 * Reads the paper sensor byte of the ESC/POS "transmit paper sensor status" reply (`GS r 1`):
 * bits 2–3 set = roll end (paper out), bits 0–1 set = roll near its end (paper low).
 */
export function paperStatusFromByte(byte: number): AgentPrinterStatus {
  if ((byte & 0x90) !== 0) return 'online'; // not a paper-status byte (bits 4 and 7 are always 0)
  if ((byte & 0x0c) !== 0) return 'paper_out';
  if ((byte & 0x03) !== 0) return 'paper_low';
  return 'online';
}

/** Printers that answer the paper-status request do so at once; the others never do. */
const STATUS_REPLY_MS = 1000;

export interface ProbeResult {
  status: AgentPrinterStatus;
  detail?: string;
}

/**
 * How the printer is: reachable at all (node-thermal-printer's `isPrinterConnected()`), and for
 * network printers with an ESC/POS paper sensor, whether paper is low or out. A printer that is
 * reachable but does not answer the status request is simply `online`.
 */
export async function probePrinter(target: PrinterTarget, opts: TransportOptions = {}): Promise<ProbeResult> {
  const iface = target.printerInterface;
  const timeoutMs = opts.timeoutMs ?? 2000;
  if (iface === 'none') return { status: 'offline', detail: 'No printer configured' };
  try {
    const printer = await thermalPrinter(target, timeoutMs, opts.checkHost);
    const connected = await withTimeout(printer.isPrinterConnected(), timeoutMs + 1000, 'printer');
    if (!connected) return { status: 'offline', detail: `${iface} does not answer` };
    if (!isTcp(iface)) {
      // A device node exists while the printer is plugged in and on; check it is one and we may write to it.
      if (!(await fs.promises.stat(iface)).isCharacterDevice())
        return { status: 'offline', detail: `${iface} is not a printer device` };
      await fs.promises.access(iface, fs.constants.W_OK);
      return { status: 'online' };
    }
    // Star line mode has its own status protocol: connectivity is all we check there.
    if (target.printerType === 'star') return { status: 'online' };
    try {
      await printer.getStatus();
      const reply = (await withTimeout(printer.execute({ waitForResponse: true }), STATUS_REPLY_MS, 'printer status')) as unknown;
      if (Buffer.isBuffer(reply) && reply.length > 0) {
        const status = paperStatusFromByte(reply[reply.length - 1]);
        return status === 'online' ? { status } : { status, detail: status === 'paper_out' ? 'Paper out' : 'Paper low' };
      }
    } catch {
      // Reachable, but no status reply: many printers and converters do not answer.
    }
    return { status: 'online' };
  } catch (err) {
    return { status: 'offline', detail: message(err) };
  }
}
