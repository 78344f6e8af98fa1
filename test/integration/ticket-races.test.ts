/**
 * Conflicting actions on one ticket, sent at the same moment through the HTTP API: the clerk's
 * complete, no-show and transfer of a called ticket and a supervisor's complete; a citizen
 * cancelling a waiting ticket while every counter calls next and a supervisor moves it. Each
 * ticket's rows say one story: one of the conflicting actions wins, the others are refused with
 * 409 (never a 5xx), its events match its state, Redis holds it in a queue exactly when it waits,
 * and no ticket is ever called twice in one leg.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { kioskScreen } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, countersByNumber, createClerks, oneStop, openCounter, serveAll } from '../helpers/sportello';
import { useInProcessRuntime } from '../helpers/runtime';
import { redisKeys } from '../../server/redis/keys';
import { claimNext, dequeue, reconcileOffice, releaseLease } from '../../server/queue/engine';

const DESKS = 6;
const ROUNDS = 8;

type Action = 'complete' | 'no-show' | 'transfer' | 'supervisor';
const RACES: Action[][] = [
  ['complete', 'no-show', 'transfer', 'supervisor'],
  ['complete', 'transfer'],
  ['complete', 'no-show'],
  ['transfer', 'no-show'],
  ['transfer', 'supervisor'],
  ['complete', 'supervisor'],
  ['complete', 'transfer', 'no-show'],
];

let space: TestSpace;
let app: TestApp;
let officeId: string;
let serviceA: string;
let serviceB: string;
let admin: ApiClient;
let kiosk: ApiClient;
const desks: { api: ApiClient; counterId: string }[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space, { RATE_LIMIT_PER_MINUTE: '0' });
  const os = await oneStop(app.url);
  officeId = os.officeId;
  [serviceA, serviceB] = [...os.byPrefix.values()].slice(0, 2).map((s) => s.id) as [string, string];
  const usernames = await createClerks(space, {
    officeId,
    prefix: 'race',
    n: DESKS,
    skills: [
      { serviceId: serviceA, weight: 1 },
      { serviceId: serviceB, weight: 1 },
    ],
    counters: DESKS,
  });
  const counters = [...(await countersByNumber(space, officeId)).values()].slice(0, DESKS);
  for (let i = 0; i < DESKS; i++) {
    const api = await clerk(app.url, usernames[i]!);
    await openCounter(api, counters[i]!.id, [serviceA, serviceB]);
    desks.push({ api, counterId: counters[i]!.id });
  }
  admin = new ApiClient(app.url);
  await admin.login('admin');
  kiosk = await kioskScreen(app.url, officeId);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function issueTicket(serviceId: string): Promise<{ id: string; code: string }> {
  const r = await kiosk.post('/api/tickets', { serviceId });
  expect(r.status).toBe(201);
  return r.body as { id: string; code: string };
}

/** The Redis queues (of this office) that hold the ticket. */
async function queuesHolding(ticketId: string): Promise<string[]> {
  const keys = redisKeys(space.redisPrefix);
  const all = await space.redis.keys(keys.officeQueuePattern(officeId));
  const holding: string[] = [];
  for (const k of all) if ((await space.redis.zscore(k, ticketId)) !== null) holding.push(k);
  return holding;
}

/** `send` now, or after `ms`. */
async function later<T>(ms: number, send: () => Promise<T>): Promise<T> {
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  return send();
}

/** Every ticket still callable, called and completed at the first desk (every desk serves both services); their ids. */
const drain = () => serveAll(desks[0]!.api, desks[0]!.counterId);

describe('conflicting actions on one ticket at once', () => {
  it('a called ticket: one of complete, no-show, transfer and a supervisor’s complete wins', async () => {
    const wins: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < DESKS; i++) await issueTicket(serviceA);
      const calls = await Promise.all(desks.map((d) => d.api.post(`/api/counters/${d.counterId}/call-next`)));
      expect(calls.map((c) => c.status)).toEqual(desks.map(() => 200));
      const ids = calls.map((c) => c.body.ticket.id as string);

      const answers = await Promise.all(
        ids.flatMap((id, i) => {
          const d = desks[i]!;
          // Which actions race on this ticket: all four, or a few (a completion waits for its
          // group commit, so with a no-show in the race it always loses; each should win somewhere).
          return RACES[(round * DESKS + i) % RACES.length]!.map(async (a) => {
            const r =
              a === 'complete'
                ? await d.api.post(`/api/tickets/${id}/complete`, { outcome: 'done' })
                : a === 'no-show'
                  ? await d.api.post(`/api/tickets/${id}/no-show`)
                  : a === 'transfer'
                    ? await d.api.post(`/api/tickets/${id}/transfer`, { serviceId: serviceB })
                    : await admin.post(`/api/tickets/${id}/complete`, { outcome: 'partial' });
            return { id, action: a, status: r.status, body: r.body as unknown };
          });
        }),
      );
      for (const id of ids) {
        const mine = answers.filter((a) => a.id === id);
        const won = mine.filter((a) => a.status < 300);
        expect(won, JSON.stringify(mine)).toHaveLength(1);
        expect(
          mine.filter((a) => a.status >= 300).map((a) => a.status),
          JSON.stringify(mine),
        ).toEqual(mine.slice(1).map(() => 409));
        const winner = won[0]!.action;
        wins[winner] = (wins[winner] ?? 0) + 1;

        const t = await space.db.ticket.findUniqueOrThrow({ where: { id } });
        const events = (await space.db.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })).map(
          (e) => e.type,
        );
        const holding = await queuesHolding(id);
        if (winner === 'transfer') {
          expect(t).toMatchObject({ status: 'waiting', serviceId: serviceB });
          expect(events).toEqual(['issued', 'called', 'transferred']);
          expect(holding).toEqual([redisKeys(space.redisPrefix).serviceQueue(officeId, serviceB)]);
        } else {
          expect(t.status).toBe(winner === 'no-show' ? 'no_show' : 'completed');
          expect(events).toEqual(['issued', 'called', winner === 'no-show' ? 'no_show' : 'completed']);
          expect(holding).toEqual([]);
        }
      }
      // The transferred ones are called once more, in their new service, and nothing else is.
      const transferred = answers.filter((a) => a.action === 'transfer' && a.status < 300).map((a) => a.id);
      expect((await drain()).sort()).toEqual(transferred.sort());
    }
    // Different actions won over the rounds: the races really were races.
    expect(Object.keys(wins).length, JSON.stringify(wins)).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('a waiting ticket: the citizen cancels while every counter calls next and a supervisor moves it', async () => {
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS * 2; round++) {
      const t = await issueTicket(serviceA);
      // Who goes a little later varies by round: otherwise the fastest request always wins.
      const [cancelDelay, moveDelay, callDelay] = [
        [0, 0, 0],
        [6, 0, 0],
        [0, 0, 6],
        [4, 0, 4],
      ][round % 4]!;
      const [cancel, move, ...calls] = await Promise.all([
        later(cancelDelay, () => new ApiClient(app.url).post(`/api/tickets/${t.code}/cancel`)),
        later(moveDelay, () => admin.post(`/api/tickets/${t.id}/move`, { serviceId: serviceB })),
        ...desks.map((d) => later(callDelay, () => d.api.post(`/api/counters/${d.counterId}/call-next`))),
      ]);
      for (const r of [cancel!, move!, ...calls]) expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
      const calledBy = calls.filter((c) => c.status === 200);
      // Nobody else waits: a call next either takes this ticket or finds nobody.
      for (const c of calls) expect([200, 204]).toContain(c.status);
      for (const c of calledBy) expect(c.body.ticket.id).toBe(t.id);
      expect(calledBy.length).toBeLessThanOrEqual(1);
      // Cancelled and called are exclusive; a move succeeds only while it still waits.
      expect(cancel!.status < 300 && calledBy.length === 1).toBe(false);

      const row = await space.db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      const events = (await space.db.ticketEvent.findMany({ where: { ticketId: t.id }, orderBy: { id: 'asc' } })).map(
        (e) => e.type,
      );
      const holding = await queuesHolding(t.id);
      if (cancel!.status < 300) {
        expect(row.status).toBe('cancelled');
        expect(events).not.toContain('called');
        expect(holding).toEqual([]);
      } else if (calledBy.length === 1) {
        expect(row.status).toBe('called');
        expect(events.filter((e) => e === 'called')).toHaveLength(1);
        expect(holding).toEqual([]);
        expect((await desks[calls.indexOf(calledBy[0]!)]!.api.post(`/api/tickets/${t.id}/complete`, {})).status).toBe(200);
      } else {
        // Neither: the move took it out from under the calls, and it waits in its new service.
        expect(row).toMatchObject({ status: 'waiting', serviceId: serviceB });
        expect(holding).toEqual([redisKeys(space.redisPrefix).serviceQueue(officeId, serviceB)]);
        expect(await drain()).toEqual([t.id]);
      }
      // A move is a `transferred` event marked as moved.
      if (move!.status < 300) expect(events).toContain('transferred');
      else expect(move!.status).toBe(409);
      const key = `${cancel!.status < 300 ? 'cancelled' : calledBy.length ? 'called' : 'moved'}${move!.status < 300 ? '+moved' : ''}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    expect(Object.keys(outcomes).length, JSON.stringify(outcomes)).toBeGreaterThan(1);
    // Nothing is left anywhere.
    expect(await drain()).toEqual([]);
  }, 300_000);

  it('a move between a call next’s claim and its confirmation does not put the ticket back in line', async () => {
    // The interleaving the races above only sometimes hit, step by step: a call next has taken the
    // ticket from its old queue in Redis (claimNext) when the supervisor's move commits.
    useInProcessRuntime(space);
    const t = await issueTicket(serviceA);
    const staff = await space.db.staff.findUniqueOrThrow({ where: { username: 'race1' } });
    const claim = await claimNext({
      officeId,
      counterId: desks[0]!.counterId,
      staffId: staff.id,
      services: new Map([[serviceA, 0]]),
    });
    if (!claim || claim === 'busy') throw new Error(`nothing claimed: ${claim}`);
    expect(claim.ticketId).toBe(t.id);
    expect((await admin.post(`/api/tickets/${t.id}/move`, { serviceId: serviceB })).status).toBe(200);
    // Not in service B's queue: the call under way confirms it (the move left it waiting).
    expect(await queuesHolding(t.id)).toEqual([]);
    await releaseLease(claim.lease);
    // Had that call given up, the reconciliation puts it in line from PostgreSQL, in its new service.
    await reconcileOffice(officeId);
    expect(await queuesHolding(t.id)).toEqual([redisKeys(space.redisPrefix).serviceQueue(officeId, serviceB)]);

    // A citizen's cancel that read the ticket before a move: both queues are cleared.
    const row = await space.db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    await dequeue({ ...row, serviceId: serviceA }, row);
    expect(await queuesHolding(t.id)).toEqual([]);
    await space.db.ticket.update({ where: { id: t.id }, data: { status: 'cancelled' } });
    expect(await drain()).toEqual([]);
  });
});
