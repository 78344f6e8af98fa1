import { randomBytes } from 'node:crypto';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePrintQueue,
  enqueuePrintJob,
  PRINT_QUEUE,
  processPrintJob,
  requeueLostPrintJobs,
  type PrintJobData,
} from '../../server/printing/print-queue';
import { rt } from '../../server/runtime';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * The reconciler (boot.ts) hands Redis again the print jobs the database still calls queued but
 * Redis lost: entirely, or all but a bare record without its data (BullMQ writes one when it takes
 * up an id whose record was deleted, and can never run it). No worker here: jobs stay where they are.
 */
describe('print jobs Redis lost, queued again', () => {
  let space: TestSpace;
  let kioskId: string;
  let queue: Queue;
  const createdAt = new Date(Date.UTC(2026, 11, 3, 9, 0));
  const later = new Date(createdAt.getTime() + 60_000);

  beforeAll(async () => {
    space = await createTestSpace();
    useInProcessRuntime(space);
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    kioskId = (
      await space.db.kiosk.create({
        data: { officeId: office.id, name: 'Reconcile', tokenHash: randomBytes(16).toString('hex') },
      })
    ).id;
    queue = new Queue(PRINT_QUEUE, { connection: space.redis, prefix: rt().keys.bullPrefix() });
  });
  afterAll(async () => {
    await queue.close();
    await closePrintQueue();
    await space.drop();
  });

  it('BullMQ leaves a bare record when a worker takes up an id whose record was deleted', async () => {
    const prefix = `${rt().keys.bullPrefix()}-premise`;
    const other = new Queue('premise', { connection: space.redis, prefix });
    const job = await other.add('x', { printJobId: 'p1' });
    await space.redis.del(`${prefix}:premise:${job.id}`); // its id still waits in the list
    const seen: unknown[] = [];
    const connection = space.redis.duplicate({ maxRetriesPerRequest: null });
    const worker = new Worker('premise', async (j) => void seen.push(j.data), { connection, prefix });
    try {
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
      expect(seen).toEqual([{}]);
      const left = await space.redis.hgetall(`${prefix}:premise:${job.id}`);
      expect(left).toHaveProperty('processedOn');
      expect(left).not.toHaveProperty('data');
    } finally {
      await worker.close();
      await other.close();
      connection.disconnect();
    }
  });

  const newJob = () => space.db.printJob.create({ data: { kioskId, kind: 'test', createdAt } });

  it('queues again a job Redis lost and one it kept only as a bare record; leaves a kept one alone', async () => {
    const [kept, lost, bare] = [await newJob(), await newJob(), await newJob()];
    for (const j of [kept, lost, bare]) await enqueuePrintJob(j.id);
    await queue.remove(lost.id);
    // What a worker leaves of a job whose record was deleted while its id still waited in a list.
    const bareKey = `${rt().keys.bullPrefix()}:${PRINT_QUEUE}:${bare.id}`;
    await space.redis.del(bareKey);
    await space.redis.hset(bareKey, 'processedOn', String(later.getTime()), 'ats', '1');
    expect((await queue.getJob(bare.id))?.data).toEqual({});

    expect(await requeueLostPrintJobs(later)).toBe(2);
    for (const j of [kept, lost, bare]) expect((await queue.getJob(j.id))?.data).toEqual({ printJobId: j.id });
    expect(await queue.getWaitingCount()).toBe(3);
    // Nothing left to do on the next round.
    expect(await requeueLostPrintJobs(later)).toBe(0);
  });

  it('fails such a bare record at once, with no retry, for the reconciler to queue the job again', async () => {
    const bare = new Job(queue, 'print', {} as PrintJobData); // what BullMQ reads from it: no data
    await expect(processPrintJob(bare)).rejects.toThrow(UnrecoverableError);
  });
});
