import type { Priority } from '../../server/db/generated/enums';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aheadInQueueMany, enqueue, type QueuedTicket } from '../../server/queue/engine';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { useInProcessRuntime } from '../helpers/runtime';

/**
 * A ticket's place in line is counted two ways (queue/engine.ts aheadInQueueMany): by Redis for a
 * few tickets (a phone page), from the queues' scores for a batch (the office feed). Both must
 * give the same answer, priorities and competing services included.
 */
describe('places in line', () => {
  let space: TestSpace;
  beforeAll(async () => {
    space = await createTestSpace({ seed: false });
    useInProcessRuntime(space);
  });
  afterAll(async () => space.drop());

  it('are the same whether counted one by one or as a batch', async () => {
    const start = Date.UTC(2026, 11, 2, 8, 0);
    const priorities = ['none', 'none', 'elderly', 'none', 'disability', 'pregnancy', 'none'] as const;
    const tickets: QueuedTicket[] = Array.from({ length: 60 }, (_, i) => ({
      id: `t${String(i).padStart(2, '0')}`,
      officeId: 'office',
      serviceId: ['a', 'b', 'c'][i % 3]!,
      priority: priorities[i % priorities.length]!,
      queuedAt: new Date(start + i * 45_000),
      targetCounterId: null,
      targetStaffId: null,
    }));
    for (const t of tickets) await enqueue(t);
    // Counters serve a+b together and c alone.
    const competing = (s: string) => (s === 'c' ? ['c'] : ['a', 'b']);
    const batch = await aheadInQueueMany(tickets, competing);
    const oneByOne = new Map<string, number>();
    for (const t of tickets) oneByOne.set(t.id, (await aheadInQueueMany([t], competing)).get(t.id)!);
    expect(oneByOne).toEqual(batch);
    // And both agree with the rule itself: better-ranked tickets of the competing services.
    const headStart: Record<Priority, number> = { none: 0, elderly: 10, pregnancy: 10, disability: 15, appointment: 0 };
    const rank = (t: QueuedTicket) => t.queuedAt.getTime() - headStart[t.priority] * 60_000;
    for (const t of tickets) {
      const ahead = tickets.filter((o) => competing(t.serviceId).includes(o.serviceId) && rank(o) < rank(t)).length;
      expect(batch.get(t.id), t.id).toBe(ahead);
    }
    expect(new Set(batch.values()).size).toBeGreaterThan(20);
  });
});
