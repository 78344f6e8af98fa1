/**
 * Getting bytes to a thermal printer and asking it how it is: the kiosk agent's job, and the
 * server's too for kiosks in print mode `server` (server/printing imports it from here).
 */
import fs from 'node:fs';
import { ThermalPrinter, type PrinterTypes } from 'node-thermal-printer';
import type { AgentPrinterStatus, AgentPrinterType } from './protocol';

export interface PrinterTarget {
  /** `tcp://host:9100`, a device path such as `/dev/usb/lp0`, or `none`. */
  printerInterface: string;
  printerType: AgentPrinterType;
}

const isTcp = (iface: string) => /^tcp:\/\//i.test(iface);

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
export async function sendToPrinter(target: PrinterTarget, bytes: Buffer, timeoutMs = 8000): Promise<void> {
  const iface = target.printerInterface;
  if (iface === 'none') throw new Error('No printer configured');
  try {
    if (isTcp(iface)) {
      const printer = new ThermalPrinter({
        type: target.printerType as PrinterTypes,
        interface: iface,
        options: { timeout: timeoutMs },
      });
      await withTimeout(printer.raw(bytes), timeoutMs + 1000, 'printer');
      return;
    }
    const fh = await fs.promises.open(iface, 'w');
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
export async function probePrinter(target: PrinterTarget, timeoutMs = 2000): Promise<ProbeResult> {
  const iface = target.printerInterface;
  if (iface === 'none') return { status: 'offline', detail: 'No printer configured' };
  try {
    // `getStatus` (queues the paper-status request) is public in the library but missing from its typings.
    const printer = new ThermalPrinter({
      type: target.printerType as PrinterTypes,
      interface: iface,
      options: { timeout: timeoutMs },
    }) as ThermalPrinter & {
      getStatus(): Promise<void>;
    };
    const connected = await withTimeout(printer.isPrinterConnected(), timeoutMs + 1000, 'printer');
    if (!connected) return { status: 'offline', detail: `${iface} does not answer` };
    if (!isTcp(iface)) {
      // A device node exists while the printer is plugged in and on; check we may write to it.
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
