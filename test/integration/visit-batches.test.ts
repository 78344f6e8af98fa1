/**
 * Calls and completions that arrive together are written to PostgreSQL together
 * (server/db/batcher.ts, counters/calls.ts confirmCalls, tickets/actions.ts writeCompletions).
 * Through the HTTP API, all at once: each clerk gets their own ticket back, and the requests that
 * must fail (another clerk's ticket, a double click) fail alone without touching the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { kioskScreen } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, countersByNumber, createClerks, oneStop, openCounter } from '../helpers/sportello';

const CLERKS = 8;

let space: TestSpace;
let app: TestApp;
let officeId: string;
let serviceId: string;
const desks: { api: ApiClient; counterId: string; staffId: string }[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const os = await oneStop(app.url);
  officeId = os.officeId;
  serviceId = [...os.byPrefix.values()][0]!.id;
  const usernames = await createClerks(space, {
    officeId,
    prefix: 'batch',
    n: CLERKS,
    skills: [{ serviceId, weight: 1 }],
    counters: CLERKS,
  });
  const counters = [...(await countersByNumber(space, officeId)).values()].slice(0, CLERKS);
  for (let i = 0; i < CLERKS; i++) {
    const api = await clerk(app.url, usernames[i]!);
    await openCounter(api, counters[i]!.id, [serviceId]);
    const staff = await space.db.staff.findUniqueOrThrow({ where: { username: usernames[i]! } });
    desks.push({ api, counterId: counters[i]!.id, staffId: staff.id });
  }
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('calls and completions written together', () => {
  it('eight clerks calling and completing at once each get their own citizen; a wrong or repeated completion fails alone', async () => {
    const kiosk = await kioskScreen(app.url, officeId);
    for (let i = 0; i < CLERKS; i++) expect((await kiosk.post('/api/tickets', { serviceId })).status).toBe(201);

    const calls = await Promise.all(desks.map((d) => d.api.post(`/api/counters/${d.counterId}/call-next`)));
    expect(calls.map((r) => r.status)).toEqual(desks.map(() => 200));
    const ticketIds = calls.map((r) => r.body.ticket.id as string);
    expect(new Set(ticketIds).size).toBe(CLERKS);
    // Each answer is the ticket the database called at that clerk's counter.
    const called = await space.db.ticket.findMany({ where: { id: { in: ticketIds } } });
    const byId = new Map(called.map((t) => [t.id, t]));
    desks.forEach((d, i) => {
      expect(byId.get(ticketIds[i]!)).toMatchObject({ status: 'called', counterId: d.counterId, staffId: d.staffId });
      expect(calls[i]!.body.ticket.status).toBe('called');
    });

    const completions = await Promise.all([
      ...desks.map((d, i) => d.api.post(`/api/tickets/${ticketIds[i]}/complete`, { outcome: 'done', note: `note ${i}` })),
      desks[0]!.api.post(`/api/tickets/${ticketIds[1]}/complete`, { outcome: 'done' }), // another clerk's citizen
      desks[2]!.api.post(`/api/tickets/${ticketIds[2]}/complete`, { outcome: 'redirected' }), // a double click
    ]);
    const own = completions.slice(0, CLERKS);
    const [wrong, twice] = completions.slice(CLERKS);
    expect(wrong!.status).toBe(403);
    // The double click and the first click of clerk 2: one completes, the other finds it done.
    const clerk2 = [own[2]!, twice!].map((r) => r.status).sort();
    expect(clerk2).toEqual([200, 409]);
    own.forEach((r, i) => {
      if (i === 2) return;
      expect(r.status).toBe(200);
      expect(r.body.ticket).toMatchObject({ id: ticketIds[i], status: 'completed', note: `note ${i}` });
    });

    const done = await space.db.ticket.findMany({ where: { id: { in: ticketIds } } });
    expect(done.every((t) => t.status === 'completed' && t.finishedAt !== null && t.startedAt !== null)).toBe(true);
    const events = await space.db.ticketEvent.findMany({
      where: { ticketId: { in: ticketIds }, type: { in: ['called', 'completed'] } },
    });
    desks.forEach((d, i) => {
      const mine = events.filter((e) => e.ticketId === ticketIds[i]);
      expect(mine.map((e) => e.type).sort()).toEqual(['called', 'completed']);
      const completed = mine.find((e) => e.type === 'completed')!;
      expect(completed).toMatchObject({ staffId: d.staffId, counterId: d.counterId });
      if (i !== 2) expect(completed.data).toEqual({ outcome: 'done' });
    });

    // Every counter is free again: the next round of calls finds nobody and says so.
    const again = await Promise.all(desks.map((d) => d.api.post(`/api/counters/${d.counterId}/call-next`)));
    expect(again.map((r) => r.status)).toEqual(desks.map(() => 204));
  });
});
