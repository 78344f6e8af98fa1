import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../server/jobs/close-day';
import { issueTicket } from '../../server/tickets/issue';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { useInProcessRuntime } from '../helpers/runtime';

let space: TestSpace;

beforeAll(async () => {
  space = await createTestSpace();
  useInProcessRuntime(space);
});

afterAll(async () => {
  await space?.drop();
});

describe('day close and daily numbering', () => {
  it('restarts numbering at Rome midnight and closes what the previous day left open', async () => {
    const service = await space.db.service.findFirstOrThrow({ where: { mode: 'desk', office: { isOneStop: true } } });
    // 23:50 and 23:55 Rome time on 25 Nov, then 00:05 on 26 Nov (UTC+1).
    const late1 = await issueTicket({ serviceId: service.id }, new Date('2026-11-25T22:50:00Z'));
    const late2 = await issueTicket({ serviceId: service.id }, new Date('2026-11-25T22:55:00Z'));
    const early = await issueTicket({ serviceId: service.id }, new Date('2026-11-25T23:05:00Z'));
    expect([late1.number, late2.number, early.number]).toEqual([
      `${service.prefix}001`,
      `${service.prefix}002`,
      `${service.prefix}001`,
    ]);
    expect([late1.day, early.day]).toEqual(['2026-11-25', '2026-11-26']);

    await space.db.ticket.update({
      where: { id: late2.id },
      data: { status: 'called', calledAt: new Date('2026-11-25T22:58:00Z') },
    });
    const closed = await closePastDays(new Date('2026-11-26T06:00:00Z'));
    expect(closed).toBe(2);

    const after = await space.db.ticket.findMany({
      where: { id: { in: [late1.id, late2.id, early.id] } },
      orderBy: { issuedAt: 'asc' },
    });
    expect(after.map((t) => t.status)).toEqual(['cancelled', 'no_show', 'waiting']);
    const events = await space.db.ticketEvent.findMany({
      where: { ticketId: { in: [late1.id, late2.id] }, type: { in: ['cancelled', 'no_show'] } },
    });
    expect(events).toHaveLength(2);
    expect(events.every((e) => (e.data as { reason?: string }).reason === 'day_closed')).toBe(true);
    // Running it again closes nothing more.
    expect(await closePastDays(new Date('2026-11-26T06:00:00Z'))).toBe(0);
  });
});
