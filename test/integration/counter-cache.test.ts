import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { callNext } from '../../server/counters/calls';
import { openCounter, resumeCounter } from '../../server/counters/operations';
import { stopAnnouncedCaches, trustAnnouncedCachesWhile } from '../../server/realtime/announced-cache';
import { adminUpdateStaff } from '../../server/staff/admin';
import { completeTicket } from '../../server/tickets/actions';
import { issueTicket } from '../../server/tickets/issue';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * Call next keeps the counter and its clerk's skills it read (counters/call-cache.ts), on real
 * PostgreSQL and Redis in this process. A change made behind the app's back in SQL shows what was
 * kept; the app's own changes are announced and seen at once; a counter kept as open but closed
 * meanwhile, or kept as closed but opened, gets the answer the database gives.
 */
describe('call next keeps the counter it read', () => {
  let space: TestSpace;
  let office: { id: string };
  let services: { id: string }[];
  const admin: Actor = { staffId: '', username: 'boss', displayName: 'Boss', role: 'admin' };
  /** A Thursday morning: the demo desk is open. */
  const t0 = Date.UTC(2026, 11, 3, 9, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  let number = 80;

  /** The caches trusted as on a server whose adapter's subscriber is up. */
  const channel = Object.assign(new EventEmitter(), { status: 'ready' });

  beforeAll(async () => {
    space = await createTestSpace();
    useInProcessRuntime(space).officeFeed = { changed() {}, stop() {} };
    office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    services = await space.db.service.findMany({ where: { officeId: office.id, mode: 'desk', active: true }, take: 2 });
    admin.staffId = (
      await space.db.staff.create({ data: { username: 'boss', displayName: 'Boss', passwordHash: 'x', role: 'admin' } })
    ).id;
  });
  afterEach(() => stopAnnouncedCaches());
  afterAll(async () => space.drop());

  /** A clerk with weight 1 in both services, at a new counter, opened for both. */
  async function clerkAtCounter() {
    const [a, b] = services;
    const staff = await space.db.staff.create({ data: { username: `clerk${number}`, displayName: 'Clerk', passwordHash: 'x' } });
    await space.db.skill.createMany({
      data: [
        { staffId: staff.id, serviceId: a!.id, weight: 1 },
        { staffId: staff.id, serviceId: b!.id, weight: 1 },
      ],
    });
    const counter = await space.db.counter.create({ data: { officeId: office.id, number: number++, name: 'Kept' } });
    const actor: Actor = { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: 'operator' };
    await openCounter(actor, counter.id, [a!.id, b!.id]);
    return { actor, counter, a: a!.id, b: b!.id };
  }

  const issue = (serviceId: string, minutes: number) => issueTicket({ serviceId, priority: 'none', lang: 'it' }, at(minutes));

  /** Calls, then completes what was called; the ticket's id (null: nobody waiting). */
  async function serveNext(actor: Actor, counterId: string, minutes: number) {
    const called = await callNext(actor, counterId, at(minutes));
    if (called) await completeTicket(actor, called.id, {}, at(minutes + 1));
    return called?.id ?? null;
  }

  it('follows the skills it kept until their change is announced', async () => {
    trustAnnouncedCachesWhile(channel);
    const { actor, counter, a, b } = await clerkAtCounter();
    const first = await issue(a, 0);
    const earlyA = await issue(a, 1);
    const laterB = await issue(b, 10);
    const lastA = await issue(a, 2);
    expect(await serveNext(actor, counter.id, 12)).toBe(first.id);

    // Weight 5 in b ((5 − 1) × 5 = 20 minutes ahead), written behind the app's back: the kept weights still apply.
    await space.db.skill.updateMany({ where: { staffId: actor.staffId, serviceId: b }, data: { weight: 5 } });
    expect(await serveNext(actor, counter.id, 14)).toBe(earlyA.id);

    // The same change made by an admin is announced: the next call follows it.
    await adminUpdateStaff(admin, actor.staffId, {
      skills: [
        { serviceId: a, weight: 1 },
        { serviceId: b, weight: 5 },
      ],
    });
    expect(await serveNext(actor, counter.id, 16)).toBe(laterB.id);
    expect(await serveNext(actor, counter.id, 18)).toBe(lastA.id);
  });

  it('keeps nothing while the announcements are not heard', async () => {
    const { actor, counter, a, b } = await clerkAtCounter();
    const first = await issue(a, 0);
    const earlyA = await issue(a, 1);
    const laterB = await issue(b, 10);
    expect(await serveNext(actor, counter.id, 12)).toBe(first.id);
    await space.db.skill.updateMany({ where: { staffId: actor.staffId, serviceId: b }, data: { weight: 5 } });
    expect(await serveNext(actor, counter.id, 14)).toBe(laterB.id);
    expect(await serveNext(actor, counter.id, 16)).toBe(earlyA.id);
  });

  it('a counter kept as open but paused meanwhile refuses, and its citizen keeps their place', async () => {
    trustAnnouncedCachesWhile(channel);
    const { actor, counter, a } = await clerkAtCounter();
    const first = await issue(a, 0);
    const next = await issue(a, 1);
    expect(await serveNext(actor, counter.id, 2)).toBe(first.id);

    await space.db.counter.update({ where: { id: counter.id }, data: { state: 'paused', pausedAt: at(3) } });
    await expect(callNext(actor, counter.id, at(4))).rejects.toMatchObject({ code: 'counter_paused' });
    expect((await space.db.ticket.findUniqueOrThrow({ where: { id: next.id } })).status).toBe('waiting');

    await resumeCounter(actor, counter.id, at(5));
    expect(await serveNext(actor, counter.id, 5)).toBe(next.id);
  });

  it('a counter kept as closed but opened meanwhile calls', async () => {
    trustAnnouncedCachesWhile(channel);
    const { actor, counter, a } = await clerkAtCounter();
    const waiting = await issue(a, 0);
    await space.db.counter.update({ where: { id: counter.id }, data: { state: 'closed', staffId: null, serviceIds: [] } });
    // Nobody's counter now: "only the clerk at this counter can call".
    await expect(callNext(actor, counter.id, at(1))).rejects.toMatchObject({ code: 'forbidden' });

    await space.db.counter.update({
      where: { id: counter.id },
      data: { state: 'open', staffId: actor.staffId, serviceIds: [a] },
    });
    expect(await serveNext(actor, counter.id, 2)).toBe(waiting.id);
  });

  it('a kept counter with a citizen at it refuses a second call, and the ticket it took goes back; with nobody waiting too', async () => {
    trustAnnouncedCachesWhile(channel);
    const { actor, counter, a } = await clerkAtCounter();
    const first = await issue(a, 0);
    const second = await issue(a, 1);
    const third = await issue(a, 2);
    expect(await serveNext(actor, counter.id, 3)).toBe(first.id);

    const called = await callNext(actor, counter.id, at(4));
    expect(called?.id).toBe(second.id);
    await expect(callNext(actor, counter.id, at(5))).rejects.toMatchObject({ code: 'counter_busy' });
    expect((await space.db.ticket.findUniqueOrThrow({ where: { id: third.id } })).status).toBe('waiting');
    await completeTicket(actor, second.id, {}, at(6));
    expect(await serveNext(actor, counter.id, 7)).toBe(third.id);

    // With nobody waiting, too: busy, not "nobody waiting".
    const last = await issue(a, 8);
    expect((await callNext(actor, counter.id, at(9)))?.id).toBe(last.id);
    await expect(callNext(actor, counter.id, at(10))).rejects.toMatchObject({ code: 'counter_busy' });
    await completeTicket(actor, last.id, {}, at(11));
    expect(await callNext(actor, counter.id, at(12))).toBeNull();
  });
});
