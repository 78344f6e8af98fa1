/**
 * The print queue (BullMQ): every PrintJob row becomes one BullMQ job with the same id, retried
 * with exponential backoff (1, 2, 4, 8 s) when the printer or the agent cannot be reached. The
 * PrintJob row says what really happened (queued → sent → printed | failed, attempts, last
 * error) and a job already printed is never sent again, whatever BullMQ redelivers (a retry
 * after a lost acknowledgement, a stalled job after a crash).
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kiosk, PrintJob } from '../db/generated/client';
import { textOf } from '../db/texts';
import { rt, type Runtime } from '../runtime';
import { agentTarget, sendToAgent } from './agent-hub';
import { renderEscPos } from './escpos';
import type { PrintLayout } from './layout';
import { recordPrinterStatus } from './printer-status';
import { testPrintLayout } from './test-layout';
import { ticketLayout } from './ticket-layout';
import { ticketPrintInput } from './ticket-data';
import { sendToPrinter } from '../../agent/src/transport';
import { serverPrinterHostCheck } from './printer-networks-check';
import { registerQueue, unregisterQueue } from '../ops/queues';
import { log } from '../log';

export const PRINT_QUEUE = 'print';
export const PRINT_ATTEMPTS = 5;
export const PRINT_BACKOFF_MS = 1000;

export interface PrintJobData {
  printJobId: string;
}

// The route handlers are bundled apart from the custom server (see runtime.ts): one Queue per
// runtime, shared through globalThis.
const holder = globalThis as typeof globalThis & { __sportelloPrintQueues?: WeakMap<Runtime, Queue<PrintJobData>> };

function printQueue(): Queue<PrintJobData> {
  const runtime = rt();
  holder.__sportelloPrintQueues ??= new WeakMap();
  let queue = holder.__sportelloPrintQueues.get(runtime);
  if (!queue) {
    queue = new Queue<PrintJobData>(PRINT_QUEUE, { connection: runtime.redis, prefix: runtime.keys.bullPrefix() });
    holder.__sportelloPrintQueues.set(runtime, queue);
  }
  return queue;
}

export async function closePrintQueue(): Promise<void> {
  const queue = holder.__sportelloPrintQueues?.get(rt());
  if (!queue) return;
  holder.__sportelloPrintQueues?.delete(rt());
  await queue.close();
}

export async function enqueuePrintJob(printJobId: string): Promise<void> {
  await printQueue().add(
    'print',
    { printJobId },
    {
      // The same id as the row: adding a job twice is a no-op in BullMQ.
      jobId: printJobId,
      attempts: PRINT_ATTEMPTS,
      backoff: { type: 'exponential', delay: PRINT_BACKOFF_MS },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    },
  );
}

/**
 * Print jobs the database still calls `queued` but Redis no longer has (lost with a primary that
 * died before replicating them, or a flush), or has only as a record without its data: queued
 * again under the same id, which BullMQ keeps unique, so a job that does exist is left alone. Run
 * by the reconciler (boot.ts). Jobs younger than `minAgeMs` are skipped: their row may be committed
 * before their BullMQ job is added.
 */
export async function requeueLostPrintJobs(now = new Date(), minAgeMs = 5_000): Promise<number> {
  const { db } = rt();
  const rows = await db.printJob.findMany({
    where: {
      status: 'queued',
      createdAt: { lt: new Date(now.getTime() - minAgeMs), gt: new Date(now.getTime() - 24 * 3600_000) },
    },
    select: { id: true },
    take: 500,
  });
  let requeued = 0;
  for (const r of rows) {
    const job = await printQueue().getJob(r.id);
    // Redis has it: it runs, or waits for its retry.
    if (job?.data?.printJobId === r.id) continue;
    // A record without its data is lost too: BullMQ writes such a bare record when it takes up an
    // id whose record was deleted (keys lost one by one, not all at once), and can never run it.
    // Removed first (0 if a worker holds it right now: the next round).
    if (job && !(await printQueue().remove(r.id))) continue;
    await enqueuePrintJob(r.id);
    requeued++;
  }
  if (requeued > 0) log.warn({ requeued }, 'print jobs missing from Redis were queued again');
  return requeued;
}

const TERMINAL_TICKET = new Set(['completed', 'no_show', 'cancelled']);

async function layoutFor(job: PrintJob, kiosk: Kiosk): Promise<PrintLayout> {
  if (job.kind === 'test') {
    const office = await rt().db.office.findUniqueOrThrow({ where: { id: kiosk.officeId } });
    return testPrintLayout({
      lang: 'it',
      kioskName: kiosk.name,
      office: { name: textOf(office.name), timeZone: office.timeZone },
      at: new Date(),
      url: `${rt().baseUrl}/kiosk?kiosk=${kiosk.id}`,
    });
  }
  if (job.kind === 'ticket' && job.ticketId) {
    const input = await ticketPrintInput({ id: job.ticketId }, kiosk);
    if (!input) throw new UnrecoverableError('The ticket no longer exists');
    return ticketLayout(input);
  }
  // Appointment slips are rendered by the booking flow (issue 3) from slip-layout.ts.
  throw new UnrecoverableError(`Nothing to print for a ${job.kind} job without its source`);
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

/** One attempt at one print job. Throws to make BullMQ retry. */
export async function processPrintJob(job: Job<PrintJobData>): Promise<{ status: string }> {
  const { db } = rt();
  const id = job.data?.printJobId;
  if (!id) throw new UnrecoverableError('A print job record without its data'); // the reconciler queues it again
  const pj = await db.printJob.findUnique({ where: { id }, include: { kiosk: true, ticket: { select: { status: true } } } });
  if (!pj) throw new UnrecoverableError(`Print job ${id} not found`);
  if (pj.status === 'printed' || pj.status === 'failed') return { status: `already ${pj.status}` };
  const kiosk = pj.kiosk;
  const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    if (!kiosk.active || kiosk.printMode === 'none') throw new UnrecoverableError('The kiosk no longer prints');
    // A ticket already served or cancelled while the job waited for a retry is not worth paper.
    if (pj.ticket && TERMINAL_TICKET.has(pj.ticket.status)) throw new UnrecoverableError(`The ticket is ${pj.ticket.status}`);
    await db.printJob.update({ where: { id }, data: { attempts: { increment: 1 } } });
    const layout = await layoutFor(pj, kiosk);

    if (kiosk.printMode === 'server') {
      const bytes = await renderEscPos(layout, { printerType: kiosk.printerType, paperWidth: kiosk.paperWidth });
      await sendToPrinter({ printerInterface: kiosk.printerInterface, printerType: kiosk.printerType }, bytes, {
        checkHost: serverPrinterHostCheck(),
      });
      await db.printJob.update({ where: { id }, data: { status: 'printed', printedAt: new Date(), lastError: null } });
      if (kiosk.printerStatus === 'offline' || kiosk.printerStatus === 'unknown') await recordPrinterStatus(kiosk.id, 'online');
      return { status: 'printed' };
    }

    const target = await agentTarget(kiosk.id);
    const bytes = await renderEscPos(layout, {
      printerType: target.printerType ?? kiosk.printerType,
      paperWidth: kiosk.paperWidth,
    });
    await db.printJob.update({ where: { id }, data: { status: 'sent', sentAt: new Date() } });
    const ack = await sendToAgent(target, {
      jobId: id,
      kind: pj.kind,
      label: layout.title,
      bytes: bytes.toString('base64'),
      createdAt: pj.createdAt.toISOString(),
    });
    if (ack.status === 'failed') throw new Error(ack.error);
    // `duplicate`: the agent printed it before and our record of it was lost: done, no paper.
    await db.printJob.update({ where: { id }, data: { status: 'printed', printedAt: new Date(), lastError: null } });
    return { status: ack.status };
  } catch (err) {
    const lastAttempt = final || err instanceof UnrecoverableError;
    await db.printJob
      .update({ where: { id }, data: { status: lastAttempt ? 'failed' : 'queued', lastError: errorText(err) } })
      .catch((e: unknown) => log.error({ err: e }, 'print job update failed'));
    // In server mode nobody else watches the printer: an unreachable one is offline from now on.
    if (kiosk.printMode === 'server' && !(err instanceof UnrecoverableError)) {
      await recordPrinterStatus(kiosk.id, 'offline', errorText(err)).catch((e: unknown) =>
        log.error({ err: e }, 'printer status update failed'),
      );
    }
    throw err;
  }
}

export function startPrintWorker(connection: Redis): () => Promise<void> {
  const worker = new Worker<PrintJobData>(PRINT_QUEUE, processPrintJob, {
    connection: connection.duplicate({ maxRetriesPerRequest: null }),
    prefix: rt().keys.bullPrefix(),
    concurrency: 4,
  });
  worker.on('error', (err) => log.error({ err }, 'print worker error'));
  // The registry logs and counts every failed attempt (Bull Board, /metrics).
  const queue = printQueue();
  registerQueue(queue as Queue, worker as Worker);
  return async () => {
    unregisterQueue(queue as Queue);
    await worker.close();
    await closePrintQueue();
  };
}
