import type { PrintOutcome } from '../../contract/kiosks';
import type { PrintUnavailableReason } from '../../contract/tickets';
/**
 * Asking for paper: decides whether a kiosk can print right now, records the PrintJob and hands
 * it to the print queue (print-queue.ts). Never throws at the caller: a ticket is always issued,
 * and when it cannot be printed the kiosk says so and shows the QR code large instead.
 */
import type { Kiosk } from '../db/generated/client';
import { rt } from '../runtime';
import { getKiosk } from './kiosks';
import { agentConnected } from './printer-status';
import { enqueuePrintJob } from './print-queue';
import { log } from '../log';

/** Why this kiosk cannot print now, or null when it can (as far as we know). */
export async function unavailableReason(k: Kiosk): Promise<PrintUnavailableReason | null> {
  if (!k.active) return 'kiosk_inactive';
  if (k.printMode === 'none') return 'no_printer';
  if (k.printMode === 'agent' && !(await agentConnected(k.id))) return 'agent_offline';
  if (k.printerStatus === 'offline') return 'printer_offline';
  if (k.printerStatus === 'paper_out') return 'paper_out';
  return null;
}

async function request(kioskId: string, ticketId: string | null, kind: 'ticket' | 'test'): Promise<PrintOutcome | null> {
  const { db } = rt();
  const kiosk = await db.kiosk.findUnique({ where: { id: kioskId } });
  if (!kiosk) return { status: 'unavailable', reason: 'unknown_kiosk' };
  // A kiosk without a printer is not a broken printer: nothing to say on screen.
  if (kiosk.printMode === 'none' && kiosk.active) return null;
  const reason = await unavailableReason(kiosk);
  if (reason) return { status: 'unavailable', reason };
  // The unique (kiosk, ticket, kind) key: a repeated request finds the job that exists.
  const job = ticketId
    ? await db.printJob.upsert({
        where: { kioskId_ticketId_kind: { kioskId, ticketId, kind } },
        create: { kioskId, ticketId, kind },
        update: {},
      })
    : await db.printJob.create({ data: { kioskId, ticketId: null, kind } });
  try {
    await enqueuePrintJob(job.id);
  } catch (err) {
    // Redis is away (a failover, a restart): the row stays `queued` and the reconciler's
    // requeueLostPrintJobs hands it to the print queue once Redis answers again.
    log.warn({ err }, `print job ${job.id} could not be queued yet: it will be when Redis is back`);
  }
  return { status: 'queued', jobId: job.id };
}

/**
 * Prints a just-issued ticket at the kiosk it was taken from. Null when the kiosk has no printer
 * (nothing to tell the citizen).
 */
export async function requestTicketPrint(ticketId: string, kioskId: string): Promise<PrintOutcome | null> {
  try {
    return await request(kioskId, ticketId, 'ticket');
  } catch (err) {
    log.error({ err }, `ticket ${ticketId}: printing could not be requested`);
    return { status: 'unavailable', reason: 'error' };
  }
}

/** `POST /api/kiosks/{id}/test-print`: a test page on the kiosk's printer, for the installer. */
export async function testPrint(kioskId: string): Promise<{ print: PrintOutcome }> {
  await getKiosk(kioskId);
  return { print: (await request(kioskId, null, 'test')) ?? { status: 'unavailable', reason: 'no_printer' } };
}
