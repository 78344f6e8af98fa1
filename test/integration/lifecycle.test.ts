import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let serviceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const services = await new ApiClient(app.url).get('/api/services?lang=en');
  serviceId =
    services.body.find((s: { mode: string; code: string }) => s.mode === 'desk' && s.code === 'certificato-residenza')?.id ??
    services.body.find((s: { mode: string }) => s.mode === 'desk').id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('a ticket from kiosk to completion', () => {
  it('issues, calls, recalls, starts and completes, logging every event', async () => {
    const kiosk = new ApiClient(app.url);
    const issued = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(/^[A-Z]\d{3}$/);
    expect(issued.body.code).toMatch(/^[a-z2-9]{16}$/);
    expect(issued.body.statusUrl).toBe(`${app.url.replace('127.0.0.1', 'localhost')}/t/${issued.body.code}`);
    expect(issued.body.position).toBe(0);

    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const counters = await clerk.get('/api/counters');
    const counter = counters.body[0];
    expect((await clerk.post(`/api/counters/${counter.id}/open`)).status).toBe(200);

    const called = await clerk.post(`/api/counters/${counter.id}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe(issued.body.number);

    const pub = await kiosk.get(`/api/tickets/${issued.body.code}`);
    expect(pub.body.status).toBe('called');
    expect(pub.body.counter).toEqual({ number: counter.number, name: counter.name });

    const id = called.body.ticket.id;
    expect((await clerk.post(`/api/tickets/${id}/recall`)).body.ticket.recallCount).toBe(1);
    expect((await clerk.post(`/api/tickets/${id}/start`)).body.ticket.status).toBe('serving');
    const done = await clerk.post(`/api/tickets/${id}/complete`, { outcome: 'done', note: 'ok' });
    expect(done.body.ticket.status).toBe('completed');

    const events = await space.db.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'recalled', 'started', 'completed']);
    expect((await clerk.post(`/api/counters/${counter.id}/call-next`)).status).toBe(204);
  });
});

describe('the entry page', () => {
  it('is the citizen home: the citizen services first, in the browser’s language, every staff screen linked', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const href of ['/portale?lang=it', '/book?lang=it', '/attese?lang=it']) expect(html).toContain(`href="${href}"`);
    for (const href of ['/kiosk', '/display', '/counter', '/counter/pratiche', '/admin', '/api/openapi.json'])
      expect(html).toContain(`href="${href}"`);
    expect(html).toContain('Prenota un appuntamento');
    const english = await (await fetch(`${app.url}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(english).toContain('Book an appointment');
    expect(english).toContain('href="/book?lang=en"');
  });
});

describe('the listening socket', () => {
  it('keeps a long queue of connections to accept, for every screen reconnecting after a restart', () => {
    const port = new URL(app.url).port;
    // For a listening socket, ss's Send-Q is its backlog: what the server asked for, capped by the system.
    const [state, , backlog] = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' })
      .trim()
      .split(/\s+/);
    const somaxconn = Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    expect(state).toBe('LISTEN');
    // Node's default, 511, overflowed 1,300–21,800 times per storm of 10,000 sockets in the bench.
    expect(Number(backlog)).toBe(Math.min(4096, somaxconn));
    expect(Number(backlog)).toBeGreaterThan(511);
  });
});
