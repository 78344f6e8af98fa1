import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../server/db/generated/client';
import { sql, type SqlRunner } from '../../server/db/sql';
import { TicketInsertBatcher } from '../../server/tickets/insert-batcher';
import type { NewTicket } from '../../server/tickets/insert';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * Tickets of one numbering lane that arrive while a statement is under way go together in the
 * next one (server/tickets/insert-batcher.ts), on real PostgreSQL: numbered in their order of
 * arrival, each with its `issued` event, and one bad ticket fails alone.
 */
describe('ticket insert batcher', () => {
  let space: TestSpace;
  let services: { id: string; officeId: string; prefix: string }[];
  let statements: number;
  let batcher: TicketInsertBatcher;
  const at = new Date('2026-03-10T08:30:00.000Z');

  const ticket = (day: string, s: { id: string; officeId: string; prefix: string }, i: number): NewTicket => ({
    officeId: s.officeId,
    serviceId: s.id,
    prefix: s.prefix,
    day,
    priority: i % 7 === 0 ? 'disability' : 'none',
    lang: i % 2 ? 'en' : 'it',
    queuedAt: new Date(at.getTime() + i),
    issuedAt: new Date(at.getTime() + i),
    eventData: { priority: i % 7 === 0 ? 'disability' : 'none', i } satisfies Prisma.InputJsonObject,
  });

  beforeAll(async () => {
    space = await createTestSpace();
    const office = await space.db.office.findFirstOrThrow({ where: { services: { some: { mode: 'desk' } } } });
    const all = await space.db.service.findMany({ where: { officeId: office.id, mode: 'desk' }, orderBy: { prefix: 'asc' } });
    const byPrefix = new Map(all.map((s) => [s.prefix, s]));
    services = [...byPrefix.values()].slice(0, 2);
    expect(services).toHaveLength(2);
    const db = sql(space.db);
    const counting: SqlRunner = {
      $queryRaw(strings, ...values) {
        statements++;
        return db.$queryRaw(strings, ...values);
      },
    };
    batcher = new TicketInsertBatcher(counting);
  });
  afterAll(async () => space.drop());

  it('numbers 60 tickets sent at once in their order of arrival, in two statements', async () => {
    statements = 0;
    const rows = await Promise.all(Array.from({ length: 60 }, (_, i) => batcher.insert(ticket('2026-03-10', services[0]!, i))));
    // The first went alone; the 59 that arrived meanwhile went together.
    expect(statements).toBe(2);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows.map((r) => r.number)).toEqual(rows.map((r) => `${services[0]!.prefix}${String(r.seq).padStart(3, '0')}`));
    expect(rows.map((r) => r.lang)).toEqual(rows.map((_, i) => (i % 2 ? 'en' : 'it')));
    expect(rows[7]!.priority).toBe('disability');
    expect(rows[8]!.issuedAt.toISOString()).toBe(new Date(at.getTime() + 8).toISOString());

    const events = await space.db.ticketEvent.findMany({ where: { ticketId: { in: rows.map((r) => r.id) } } });
    expect(events).toHaveLength(60);
    const byTicket = new Map(events.map((e) => [e.ticketId, e]));
    rows.forEach((r, i) => {
      expect(byTicket.get(r.id)).toMatchObject({
        type: 'issued',
        serviceId: services[0]!.id,
        data: expect.objectContaining({ i }),
      });
    });
    const seq = await space.db.dailySequence.findUniqueOrThrow({
      where: { officeId_day_prefix: { officeId: services[0]!.officeId, day: '2026-03-10', prefix: services[0]!.prefix } },
    });
    expect(seq.last).toBe(60);
  });

  it('keeps lanes apart: each prefix and each day numbers on its own', async () => {
    const sent = [
      ...Array.from({ length: 10 }, (_, i) => batcher.insert(ticket('2026-03-11', services[0]!, i))),
      ...Array.from({ length: 10 }, (_, i) => batcher.insert(ticket('2026-03-11', services[1]!, i))),
      ...Array.from({ length: 5 }, (_, i) => batcher.insert(ticket('2026-03-12', services[0]!, i))),
    ];
    const rows = await Promise.all(sent);
    const seqs = rows.map((r) => r.seq);
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(seqs.slice(0, 10)).toEqual(oneToTen);
    expect(seqs.slice(10, 20)).toEqual(oneToTen);
    expect(seqs.slice(20)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.slice(10, 20).every((r) => r.number.startsWith(services[1]!.prefix))).toBe(true);
  });

  it('a ticket that cannot be written fails alone; its neighbours are numbered without a gap', async () => {
    const day = '2026-03-13';
    const good = (i: number) => batcher.insert(ticket(day, services[0]!, i));
    const bad = () => batcher.insert({ ...ticket(day, services[0]!, 99), serviceId: 'no-such-service' });
    statements = 0;
    const sent = [good(0), good(1), bad(), good(2), good(3)];
    const results = await Promise.allSettled(sent);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' }); // foreign key
    const seqs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.seq] : []));
    expect(seqs).toEqual([1, 2, 3, 4]);
    // The first alone, then the four together (refused), then each of them alone.
    expect(statements).toBe(6);
    const stored = await space.db.ticket.count({ where: { day, officeId: services[0]!.officeId } });
    expect(stored).toBe(4);
    const events = await space.db.ticketEvent.count({ where: { ticket: { day, officeId: services[0]!.officeId } } });
    expect(events).toBe(4);
  });
});
