import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { callNext } from '../../server/counters/calls';
import { openCounter } from '../../server/counters/operations';
import { issueTicket } from '../../server/tickets/issue';
import { counterQueuesFrom } from '../../server/queue/counter-queues';
import { skillBoostMs } from '../../server/queue/policy';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * Call next reads the clerk’s skill weights with the counter (counters/calls.ts): a clerk
 * strong in a service gets its citizens first, by the head start of queue/policy.ts.
 */
describe('call next and the clerk’s skills', () => {
  let space: TestSpace;
  beforeAll(async () => {
    space = await createTestSpace();
    useInProcessRuntime(space).officeFeed = { changed() {}, stop() {} };
  });
  afterAll(async () => space.drop());

  it('builds the queues from the skills read with the counter', () => {
    const counter = { id: 'c', officeId: 'o', staffId: 's', serviceIds: ['a', 'b'] };
    const q = counterQueuesFrom(counter, [['a', 3]]);
    expect([...q!.services]).toEqual([
      ['a', skillBoostMs(3)],
      ['b', skillBoostMs(1)],
    ]);
    expect(counterQueuesFrom({ ...counter, staffId: null }, [['a', 3]])).toBeNull();
  });

  it('a weight of 5 calls a later citizen of that service before an earlier one of another', async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const [a, b] = await space.db.service.findMany({ where: { officeId: office.id, mode: 'desk', active: true }, take: 2 });
    const staff = await space.db.staff.create({ data: { username: 'strong', displayName: 'Strong', passwordHash: 'x' } });
    await space.db.skill.createMany({
      data: [
        { staffId: staff.id, serviceId: a!.id, weight: 1 },
        { staffId: staff.id, serviceId: b!.id, weight: 5 }, // (5 − 1) × 5 = 20 minutes ahead
      ],
    });
    const counter = await space.db.counter.create({ data: { officeId: office.id, number: 90, name: 'Skills' } });
    const actor: Actor = { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: 'operator' };
    await openCounter(actor, counter.id, [a!.id, b!.id]);
    const t0 = Date.UTC(2026, 11, 3, 9, 0); // a Thursday morning: the demo desk is open
    const early = await issueTicket({ serviceId: a!.id, priority: 'none', lang: 'it' }, new Date(t0));
    const later = await issueTicket({ serviceId: b!.id, priority: 'none', lang: 'it' }, new Date(t0 + 10 * 60_000));
    const first = await callNext(actor, counter.id, new Date(t0 + 12 * 60_000));
    expect(first?.id).toBe(later.id);
    expect(early.id).not.toBe(later.id);
  });
});
