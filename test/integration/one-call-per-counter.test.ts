import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { callNext } from '../../server/counters/calls';
import { openCounter } from '../../server/counters/operations';
import { issueTicket } from '../../server/tickets/issue';
import { rt } from '../../server/runtime';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * Call next runs without a transaction (counters/calls.ts): one call at a time per counter is
 * kept by a lease in Redis (call_next.lua), and one citizen at a time per counter by PostgreSQL
 * itself (the unique index of migration one_call_per_counter).
 */
describe('one call at a time per counter', () => {
  let space: TestSpace;
  let actor: Actor;
  let counterId: string;
  let officeId: string;
  let serviceId: string;
  const t0 = Date.UTC(2026, 11, 3, 9, 0); // a Thursday morning: the demo desk is open

  beforeAll(async () => {
    space = await createTestSpace();
    useInProcessRuntime(space).officeFeed = { changed() {}, stop() {} };
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    officeId = office.id;
    const service = await space.db.service.findFirstOrThrow({ where: { officeId, mode: 'desk', active: true } });
    serviceId = service.id;
    const staff = await space.db.staff.create({ data: { username: 'lease', displayName: 'Lease', passwordHash: 'x' } });
    await space.db.skill.create({ data: { staffId: staff.id, serviceId, weight: 1 } });
    actor = { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: 'operator' };
    counterId = (await space.db.counter.create({ data: { officeId, number: 91, name: 'Lease' } })).id;
    await openCounter(actor, counterId, [serviceId]);
  });
  afterAll(async () => space.drop());

  it('refuses a call while another call of the same counter holds the lease, taking nothing from the queue', async () => {
    const waiting = await issueTicket({ serviceId, priority: 'none', lang: 'it' }, new Date(t0));
    const { redis, keys } = rt();
    const lease = keys.callLease(officeId, counterId);
    await redis.set(lease, 'a call under way on another process', 'PX', 10_000);
    const queue = keys.serviceQueue(officeId, serviceId);
    await expect(callNext(actor, counterId, new Date(t0 + 60_000))).rejects.toMatchObject({ status: 409, code: 'counter_busy' });
    expect(await redis.zscore(queue, waiting.id)).not.toBeNull();
    // Not ours to let go: the other call's lease is still there.
    expect(await redis.get(lease)).toBe('a call under way on another process');

    await redis.del(lease);
    const called = await callNext(actor, counterId, new Date(t0 + 60_000));
    expect(called?.id).toBe(waiting.id);
    // The call let its own lease go: the clerk's next call after completing is not refused.
    expect(await redis.exists(lease)).toBe(0);
  });

  it('has let its lease go when it answers, as another connection sees it (the server auto-pipelines)', async () => {
    // The server's Redis client batches commands until the next turn of the event loop (boot.ts);
    // call next does not wait for the release, so it must be on the wire before the answer.
    const runtime = rt();
    const plain = runtime.redis;
    const pipelined = new Redis(space.redisUrl, { enableAutoPipelining: true });
    runtime.redis = pipelined;
    try {
      const staff = await space.db.staff.create({ data: { username: 'release', displayName: 'Release', passwordHash: 'x' } });
      await space.db.skill.create({ data: { staffId: staff.id, serviceId, weight: 1 } });
      const clerk: Actor = { ...actor, staffId: staff.id, username: staff.username, displayName: staff.displayName };
      const counter = (await space.db.counter.create({ data: { officeId, number: 93, name: 'Release' } })).id;
      await openCounter(clerk, counter, [serviceId]);
      const waiting = await issueTicket({ serviceId, priority: 'none', lang: 'it' }, new Date(t0 + 4 * 60_000));
      const called = await callNext(clerk, counter, new Date(t0 + 5 * 60_000));
      expect(called?.id).toBe(waiting.id);
      // Asked at once through another connection, as the clerk's next call on another process would.
      expect(await plain.exists(runtime.keys.callLease(officeId, counter))).toBe(0);
    } finally {
      runtime.redis = plain;
      pipelined.disconnect();
    }
  });

  it('PostgreSQL refuses a second citizen at a counter, whoever writes it', async () => {
    const [a, b] = [
      await issueTicket({ serviceId, priority: 'none', lang: 'it' }, new Date(t0 + 2 * 60_000)),
      await issueTicket({ serviceId, priority: 'none', lang: 'it' }, new Date(t0 + 3 * 60_000)),
    ];
    const other = (await space.db.counter.create({ data: { officeId, number: 92, name: 'Other' } })).id;
    await space.db.ticket.update({ where: { id: a.id }, data: { status: 'called', counterId: other } });
    await expect(
      space.db.$executeRaw`UPDATE "Ticket" SET status = 'serving', "counterId" = ${other} WHERE id = ${b.id}`,
    ).rejects.toThrow(/Ticket_one_call_per_counter/);
    // Done tickets do not count: the counter takes the next one.
    await space.db.ticket.update({ where: { id: a.id }, data: { status: 'completed' } });
    await space.db.$executeRaw`UPDATE "Ticket" SET status = 'serving', "counterId" = ${other} WHERE id = ${b.id}`;
    expect(await space.db.ticket.count({ where: { counterId: other, status: { in: ['called', 'serving'] } } })).toBe(1);
  });
});
