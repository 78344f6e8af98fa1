/**
 * A close racing a call-next on the same counter, on a real app process over HTTP: the close
 * holds the counter's row lock (server/counters/state.ts), the call's confirming statement a
 * share lock on it (server/counters/calls.ts), so the two are serialised and each checks its
 * rules on what the other left. Many counters race at once, round after round, with the clerk's own close (two
 * tabs) and a supervisor's close from the live view. Whatever the interleaving:
 * - never a called ticket at a closed counter (one of the two requests is refused);
 * - never a ticket lost: after a refused call the ticket still waits in PostgreSQL and in its
 *   Redis queue, and a later call gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisKeys } from '../../server/redis/keys';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, countersByNumber, createClerks, issue, oneStop, openCounter } from '../helpers/sportello';

const DESKS = 6;
const ROUNDS = 20;

let space: TestSpace;
let app: TestApp;
let officeId: string;
let serviceId: string;
let sup: ApiClient;
const desks: { api: ApiClient; counterId: string }[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const os = await oneStop(app.url);
  officeId = os.officeId;
  serviceId = [...os.byPrefix.values()][0].id;
  const names = await createClerks(space, {
    officeId,
    prefix: 'race',
    n: DESKS,
    skills: [{ serviceId, weight: 1 }],
    counters: DESKS,
  });
  const counters = [...(await countersByNumber(space, officeId)).values()].slice(0, DESKS);
  for (let i = 0; i < DESKS; i++) desks.push({ api: await clerk(app.url, names[i]), counterId: counters[i].id });
  sup = await clerk(app.url, 'supervisore');
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/** Tickets that are called or being served at a closed counter: must always be none. */
async function calledAtClosedCounters(): Promise<string[]> {
  const rows = await space.db.ticket.findMany({
    where: { status: { in: ['called', 'serving'] }, counter: { state: 'closed' } },
    select: { number: true, counter: { select: { name: true } } },
  });
  return rows.map((t) => `${t.number} at closed ${t.counter?.name}`);
}

/** Waiting tickets (PostgreSQL) missing from their Redis queue: must always be none. */
async function missingFromQueue(): Promise<string[]> {
  const keys = redisKeys(space.redisPrefix);
  const waiting = await space.db.ticket.findMany({ where: { officeId, status: 'waiting' } });
  const missing: string[] = [];
  for (const t of waiting)
    if ((await space.redis.zscore(keys.serviceQueue(officeId, t.serviceId), t.id)) === null) missing.push(t.number);
  return missing;
}

describe('close racing call-next', () => {
  it('never leaves a called ticket at a closed counter, never loses a ticket', async () => {
    const kiosk = new ApiClient(app.url);
    const issued: string[] = [];
    const outcomes = new Map<string, number>();
    const violations: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const d of desks) await openCounter(d.api, d.counterId, [serviceId]);
      for (let i = 0; i < DESKS; i++) issued.push((await issue(kiosk, serviceId)).id);

      // Every counter at once: a call and a close sent together, in both orders; even rounds the
      // clerk closes (a second tab), odd rounds the supervisor closes it from the live view.
      const results = await Promise.all(
        desks.map(async (d, i) => {
          const closer = round % 2 === 0 ? d.api : sup;
          const call = () => d.api.post(`/api/counters/${d.counterId}/call-next`);
          const close = () => closer.post(`/api/counters/${d.counterId}/close`);
          const [c, x] =
            (i + round) % 2 === 0 ? await Promise.all([call(), close()]) : (await Promise.all([close(), call()])).reverse();
          return { d, call: c, close: x };
        }),
      );

      for (const { d, call, close } of results) {
        const answer = (r: Awaited<ReturnType<ApiClient['post']>>) => [r.status, r.body?.error?.code].filter(Boolean).join(' ');
        const key = `call ${answer(call)} / close ${answer(close)}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        // Exactly one of the two goes through: a call then a refused close (the counter is busy),
        // or a close then a refused call (the counter has no clerk any more: not theirs to call).
        const callFirst = call.status === 200 && close.status === 409 && close.body.error.code === 'counter_busy';
        const closeFirst = close.status === 200 && call.status === 403;
        if (!callFirst && !closeFirst) violations.push(`round ${round}: ${key}`);
        if (call.status === 200) {
          expect((await d.api.post(`/api/tickets/${call.body.ticket.id}/complete`)).status).toBe(200);
          if (close.status !== 200) expect((await d.api.post(`/api/counters/${d.counterId}/close`)).status).toBe(200);
        }
      }
      violations.push(...(await calledAtClosedCounters()).map((v) => `round ${round}: ${v}`));
      violations.push(...(await missingFromQueue()).map((n) => `round ${round}: ${n} waits but is not in its queue`));
    }
    expect(violations, `outcomes: ${JSON.stringify([...outcomes])}`).toEqual([]);

    // The refused calls left their tickets callable: one counter calls every one of them, once.
    const d = desks[0];
    await openCounter(d.api, d.counterId, [serviceId]);
    for (;;) {
      const r = await d.api.post(`/api/counters/${d.counterId}/call-next`);
      if (r.status === 204) break;
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((await d.api.post(`/api/tickets/${r.body.ticket.id}/complete`)).status).toBe(200);
    }
    const tickets = await space.db.ticket.findMany({ where: { id: { in: issued } }, select: { status: true } });
    expect(tickets.map((t) => t.status)).toEqual(new Array(issued.length).fill('completed'));
    const called = await space.db.ticketEvent.groupBy({
      by: ['ticketId'],
      where: { ticketId: { in: issued }, type: 'called' },
      _count: { _all: true },
    });
    expect(called.length).toBe(issued.length);
    expect(called.every((c) => c._count._all === 1)).toBe(true);
  }, 300_000); // a liveness bound for a loaded machine, not a speed assertion
});
