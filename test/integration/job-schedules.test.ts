import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPOINTMENTS_QUEUE } from '../../server/appointments/jobs';
import { MAINTENANCE_QUEUE } from '../../server/jobs/scheduler';
import { redisKeys } from '../../server/redis/keys';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * The repeating jobs live in Redis (BullMQ), which Sportello lets run without persistence: after
 * Redis lost its data, the reconciler creates them again, or the day close, the session purge, the
 * printers' check and the appointments' reminders and no-shows would stop until a restart.
 */
describe('job schedules Redis lost', () => {
  let space: TestSpace;
  let app: TestApp;
  let queues: Queue[];

  beforeAll(async () => {
    space = await createTestSpace();
    // With the day close at midnight (off in the other tests): this one opens no ticket for it to close.
    app = await startApp(space, { RECONCILE_INTERVAL_SECONDS: '1', DAY_CLOSE_AT_MIDNIGHT: '1' });
    const prefix = redisKeys(space.redisPrefix).bullPrefix();
    queues = [MAINTENANCE_QUEUE, APPOINTMENTS_QUEUE].map((name) => new Queue(name, { connection: space.redis, prefix }));
  });
  afterAll(async () => {
    for (const q of queues) await q.close();
    await app?.stop();
    await space?.drop();
  });

  const scheduleIds = async () =>
    (await Promise.all(queues.map((q) => q.getJobSchedulers())))
      .flat()
      .map((s) => s.key)
      .sort();
  // Day closes run at start (or again), not one its midnight schedule made (ids `repeat:…`): the
  // test may run across midnight.
  const closeDaysRunNow = async () =>
    (await queues[0].getCompleted()).filter((j) => j.name === 'close-day' && !j.id?.startsWith('repeat:')).length;

  it('are created again by the reconciler, and a day close missed meanwhile runs once', async () => {
    const atStart = await scheduleIds();
    expect(atStart).toEqual(['close-day', 'printer-status', 'purge-sessions', 'retention', 'sweep']);
    await expect.poll(closeDaysRunNow).toBe(1);

    expect(await space.flushRedis()).toBeGreaterThan(0);
    expect(await scheduleIds()).toEqual([]);

    await expect.poll(scheduleIds, { timeout: 15_000 }).toEqual(atStart);
    // The day close of start, run again since its schedule was lost (the first one went with the flush).
    await expect.poll(closeDaysRunNow, { timeout: 15_000 }).toBe(1);
    expect(app.output()).toMatch(/job schedules missing from Redis were created again/);
  });
});
