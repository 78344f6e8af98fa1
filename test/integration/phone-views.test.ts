/**
 * A phone page hears of its ticket from several places that race: the subscription's answer, each
 * change, the office feed's position pass, on every app process. Each view carries the ticket's
 * version (its newest event), and the page keeps the newest (ticket/newest.ts): a view read before
 * a call and delivered after it cannot turn the called ticket back to waiting. (The fault test
 * with three processes once ended with a phone showing "waiting" for a ticket long completed.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPublic } from '../../contract/tickets';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { eventually, phoneScreen } from '../helpers/screens';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let serviceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const services = await new ApiClient(app.url).get('/api/services?lang=en');
  serviceId = services.body.find(
    (s: { mode: string; code: string }) => s.mode === 'desk' && s.code === 'certificato-residenza',
  ).id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('the views of a ticket on its phone page', () => {
  it('share a version while only the position moves, rise with every change, and a late old view is kept out', async () => {
    const kiosk = new ApiClient(app.url);
    const first = await kiosk.post('/api/tickets', { serviceId });
    const second = await kiosk.post('/api/tickets', { serviceId });
    expect([first.status, second.status]).toEqual([201, 201]);
    const code = second.body.code as string;
    const phone = phoneScreen(app.url, code);
    try {
      await eventually(
        () => phone.state?.position === 1,
        () => `the phone shows one person ahead: ${JSON.stringify(phone.state)}`,
      );
      const waiting = phone.state as TicketPublic;
      expect(waiting.version).toBeGreaterThan(0);

      const clerk = new ApiClient(app.url);
      await clerk.login('operatore1');
      const counter = (await clerk.get('/api/counters')).body[0];
      expect((await clerk.post(`/api/counters/${counter.id}/open`)).status).toBe(200);
      const call = async () => {
        const r = await clerk.post(`/api/counters/${counter.id}/call-next`);
        expect(r.status).toBe(200);
        return r.body.ticket as { id: string; code: string };
      };

      // The first ticket is called: the position pass moves the second one up, same version.
      const ahead = await call();
      expect(ahead.code).toBe(first.body.code);
      await eventually(
        () => phone.state?.position === 0,
        () => `the position pass reaches the phone: ${JSON.stringify(phone.state)}`,
      );
      expect(phone.state!.version).toBe(waiting.version);
      expect((await clerk.post(`/api/tickets/${ahead.id}/complete`, { outcome: 'done' })).status).toBe(200);

      // Its own call: a newer version, and so is every later change.
      const own = await call();
      expect(own.code).toBe(code);
      await eventually(
        () => phone.state?.status === 'called',
        () => `the phone shows the call: ${JSON.stringify(phone.state)}`,
      );
      const called = phone.state!;
      expect(called.version).toBeGreaterThan(waiting.version);
      const read = (await kiosk.get(`/api/tickets/${code}`)).body as TicketPublic;
      expect(read.version).toBe(called.version);

      // The view read while it waited arrives now, as a position pass or a slow answer can deliver it.
      for (const listener of phone.socket.listeners('ticket')) listener(waiting);
      expect(phone.state).toEqual(called);

      expect((await clerk.post(`/api/tickets/${own.id}/start`)).status).toBe(200);
      expect((await clerk.post(`/api/tickets/${own.id}/complete`, { outcome: 'done' })).status).toBe(200);
      await eventually(
        () => phone.state?.status === 'completed',
        () => `the phone shows the end: ${JSON.stringify(phone.state)}`,
      );
      const versions = [waiting.version, called.version, phone.state!.version];
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(3);
      // Each is the ticket's newest event at the time.
      const events = await space.db.ticketEvent.findMany({ where: { ticket: { code } }, orderBy: { id: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'started', 'completed']);
      expect(versions).toEqual([events[0]!.id, events[1]!.id, events[3]!.id].map(Number));
    } finally {
      phone.close();
    }
  });
});
