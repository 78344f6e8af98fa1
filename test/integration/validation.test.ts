/**
 * Bad input and wrong roles: always a 4xx with the documented JSON shape `{error:{code,message}}`,
 * never a 500, and nothing changes in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../contract/realtime';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  clientWithCookie,
  connectSocket,
  cookieOf,
  countersByNumber,
  expectApiError,
  issue,
  oneStop,
  openCounter,
  subscribe,
  type OneStop,
} from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let deskServiceId: string;
let counter1: string;
let counter2: string;
let counter3: string;
let op1: ApiClient;
let op2: ApiClient;
let supervisor: ApiClient;

const UNKNOWN_CODE = 'abcdefghijkmnpqr'; // valid shape, no such ticket

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  os = await oneStop(app.url);
  deskServiceId = os.desk[0].id;
  const counters = await countersByNumber(space, os.officeId);
  counter1 = counters.get(1)!.id;
  counter2 = counters.get(2)!.id;
  counter3 = counters.get(3)!.id;
  [op1, op2, supervisor] = await Promise.all([
    clerk(app.url, 'operatore1'),
    clerk(app.url, 'operatore2'),
    clerk(app.url, 'supervisore'),
  ]);
  await openCounter(op1, counter1, [deskServiceId]);
  await openCounter(op2, counter2, [deskServiceId]);
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/** Everything a refused request must leave alone. */
async function state() {
  const [tickets, events, counters, sequences] = await Promise.all([
    space.db.ticket.findMany({
      orderBy: { id: 'asc' },
      select: {
        id: true,
        status: true,
        serviceId: true,
        counterId: true,
        staffId: true,
        targetCounterId: true,
        targetStaffId: true,
        recallCount: true,
        note: true,
      },
    }),
    space.db.ticketEvent.count(),
    space.db.counter.findMany({ orderBy: { id: 'asc' }, select: { id: true, state: true, staffId: true, serviceIds: true } }),
    space.db.dailySequence.findMany({ orderBy: [{ prefix: 'asc' }] }),
  ]);
  return { tickets, events, counters, sequences };
}

async function unchanged(fn: () => Promise<void>) {
  const before = await state();
  await fn();
  expect(await state()).toEqual(before);
}

/** A ticket called by operatore1 at counter 1 (the counter must be free). */
async function calledByOp1() {
  const t = await issue(new ApiClient(app.url), deskServiceId);
  const r = await op1.post(`/api/counters/${counter1}/call-next`);
  expect(r.status).toBe(200);
  expect(r.body.ticket.id).toBe(t.id);
  return { ...t, id: r.body.ticket.id as string };
}

describe('public ticket issuing', () => {
  it('refuses malformed bodies, unknown services and bad enums with 4xx JSON, creating nothing', async () => {
    const kiosk = new ApiClient(app.url);
    const appointment = os.appointment[0];
    await unchanged(async () => {
      expectApiError(await kiosk.post('/api/tickets', '{"serviceId": '), 400, 'invalid_json');
      expectApiError(await kiosk.post('/api/tickets', 'serviceId=abc'), 400, 'invalid_json');
      for (const body of ['null', '[]', '"text"', '42', 'true'])
        expectApiError(await kiosk.post('/api/tickets', body), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets', {}), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets'), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets', { serviceId: 42 }), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets', { serviceId: '' }), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets', { serviceId: 'x'.repeat(65) }), 400, 'invalid_input');
      expectApiError(await kiosk.post('/api/tickets', { serviceId: 'no-such-service' }), 404, 'not_found');
      expectApiError(await kiosk.post('/api/tickets', { serviceId: deskServiceId, priority: 'vip' }), 400, 'invalid_input');
      // `appointment` is a priority only an appointment check-in may set, not a kiosk ticket.
      expectApiError(
        await kiosk.post('/api/tickets', { serviceId: deskServiceId, priority: 'appointment' }),
        400,
        'invalid_input',
      );
      expectApiError(await kiosk.post('/api/tickets', { serviceId: deskServiceId, lang: 'de' }), 400, 'invalid_input');
      const byAppointment = await kiosk.post('/api/tickets', { serviceId: appointment.id });
      expectApiError(byAppointment, 422, 'service_by_appointment');
      expect(byAppointment.body.error.details?.officeId).toBe(appointment.officeId);
    });
  });

  it('refuses oversized bodies with 413', async () => {
    const kiosk = new ApiClient(app.url);
    await unchanged(async () => {
      expectApiError(
        await kiosk.post('/api/tickets', { serviceId: deskServiceId, pad: 'x'.repeat(70_000) }),
        413,
        'body_too_large',
      );
      expectApiError(
        await kiosk.post('/api/tickets', { serviceId: deskServiceId, pad: 'x'.repeat(2_000_000) }),
        413,
        'body_too_large',
      );
    });
    // The server is still fine afterwards.
    expect((await kiosk.get('/api/health')).status).toBe(200);
  });

  it('answers 404 for an unknown ticket code and 400 for a malformed one', async () => {
    const pub = new ApiClient(app.url);
    await unchanged(async () => {
      expectApiError(await pub.get(`/api/tickets/${UNKNOWN_CODE}`), 404, 'not_found');
      expectApiError(await pub.post(`/api/tickets/${UNKNOWN_CODE}/cancel`), 404, 'not_found');
      expectApiError(await pub.get(`/api/tickets/${UNKNOWN_CODE}/qr.svg`), 404, 'not_found');
      for (const bad of ['A001', 'ABCDEFGHIJKMNPQR', 'abc', 'abcdefghijkmnpq0', `${UNKNOWN_CODE}x`]) {
        expectApiError(await pub.get(`/api/tickets/${bad}`), 400, 'invalid_input');
        expectApiError(await pub.post(`/api/tickets/${bad}/cancel`), 400, 'invalid_input');
      }
      expectApiError(await pub.get('/api/services?lang=de'), 400, 'invalid_input');
      expectApiError(await pub.get('/api/queues?officeId=no-such-office'), 404, 'not_found');
    });
  });
});

describe('staff endpoints', () => {
  const staffCalls = (counterId: string, ticketId: string): [string, string, unknown?][] => [
    ['GET', '/api/auth/me'],
    ['GET', '/api/counters'],
    ['GET', '/api/staff'],
    ['GET', '/api/staff/me/services'],
    ['POST', `/api/counters/${counterId}/open`, {}],
    ['POST', `/api/counters/${counterId}/call-next`],
    ['POST', `/api/counters/${counterId}/pause`],
    ['POST', `/api/counters/${counterId}/resume`],
    ['POST', `/api/counters/${counterId}/close`],
    ['POST', `/api/tickets/${ticketId}/recall`],
    ['POST', `/api/tickets/${ticketId}/start`],
    ['POST', `/api/tickets/${ticketId}/complete`, { outcome: 'done' }],
    ['POST', `/api/tickets/${ticketId}/no-show`],
    ['POST', `/api/tickets/${ticketId}/transfer`, { serviceId: deskServiceId }],
  ];

  it('answer 401 without a session cookie', async () => {
    const t = await calledByOp1();
    const anon = new ApiClient(app.url);
    await unchanged(async () => {
      for (const [method, path, body] of staffCalls(counter3, t.id))
        expectApiError(await anon.request(method, path, body), 401, 'unauthorized');
    });
    expect((await op1.post(`/api/tickets/${t.id}/complete`)).status).toBe(200);
  });

  it('answer 401 with a forged, expired or malformed cookie', async () => {
    const t = await calledByOp1();
    const loggedOut = await clerk(app.url, 'operatore3');
    const oldCookie = cookieOf(loggedOut);
    expect((await loggedOut.post('/api/auth/logout')).status).toBe(204);
    const cookies = [
      'sportello_session=QmFkVG9rZW5CYWRUb2tlbkJhZFRva2VuQmFkVG9rZW4xMjM',
      'sportello_session=',
      `sportello_session=${'a'.repeat(500)}`,
      oldCookie,
    ];
    await unchanged(async () => {
      for (const cookie of cookies) {
        const forged = clientWithCookie(app.url, cookie);
        for (const [method, path, body] of staffCalls(counter3, t.id))
          expectApiError(await forged.request(method, path, body), 401, 'unauthorized');
      }
    });
    expect((await op1.post(`/api/tickets/${t.id}/complete`)).status).toBe(200);
  });

  it('answer 401 once the session expired or the clerk was deactivated', async () => {
    const c = await clerk(app.url, 'operatore4');
    const admin = await clerk(app.url, 'admin');
    const staff = await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore4' } });
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // Deactivated by an admin: their logins end at once (the app had just read this one).
    expect((await admin.request('PATCH', `/api/admin/staff/${staff.id}`, { active: false })).status).toBe(200);
    expectApiError(await c.get('/api/auth/me'), 401, 'unauthorized');
    expectApiError(await c.get('/api/counters'), 401, 'unauthorized');
    expectApiError(
      await new ApiClient(app.url).post('/api/auth/login', { username: 'operatore4', password: 'sportello' }),
      401,
      'invalid_credentials',
    );
    expect((await admin.request('PATCH', `/api/admin/staff/${staff.id}`, { active: true })).status).toBe(200);
    const again = await clerk(app.url, 'operatore4');
    // Past its absolute end (set in the database: the app reads it for the first time after).
    await space.db.session.updateMany({ where: { staffId: staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectApiError(await again.get('/api/auth/me'), 401, 'unauthorized');
    expect(await space.db.session.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it('answer 401, not 500, to a cookie with broken percent-encoding', async () => {
    const forged = clientWithCookie(app.url, 'sportello_session=%E0%A4%A');
    await unchanged(async () => {
      expectApiError(await forged.get('/api/auth/me'), 401, 'unauthorized');
      expectApiError(await forged.post(`/api/counters/${counter3}/call-next`), 401, 'unauthorized');
    });
    // Logout is public: it must not fail either.
    expect((await forged.post('/api/auth/logout')).status).toBe(204);
  });

  it('login refuses wrong credentials and bad bodies', async () => {
    const c = new ApiClient(app.url);
    expectApiError(await c.post('/api/auth/login', { username: 'operatore1', password: 'wrong' }), 401, 'invalid_credentials');
    expectApiError(await c.post('/api/auth/login', { username: 'nobody', password: 'sportello' }), 401, 'invalid_credentials');
    expectApiError(await c.post('/api/auth/login', { username: 'operatore1' }), 400, 'invalid_input');
    expectApiError(await c.post('/api/auth/login', '{'), 400, 'invalid_json');
    expectApiError(await c.get('/api/auth/me'), 401, 'unauthorized');
  });

  it("refuse an operator acting on a colleague's ticket (403)", async () => {
    const t = await calledByOp1();
    await unchanged(async () => {
      expectApiError(await op2.post(`/api/tickets/${t.id}/recall`), 403, 'forbidden');
      expectApiError(await op2.post(`/api/tickets/${t.id}/start`), 403, 'forbidden');
      expectApiError(await op2.post(`/api/tickets/${t.id}/complete`, { outcome: 'done' }), 403, 'forbidden');
      expectApiError(await op2.post(`/api/tickets/${t.id}/no-show`), 403, 'forbidden');
      expectApiError(await op2.post(`/api/tickets/${t.id}/transfer`, { counterId: counter2 }), 403, 'forbidden');
      // A ticket that does not exist: 404, for the clerk and a supervisor alike.
      const nobody = '0190a5e8-0000-7000-8000-000000000000';
      expectApiError(await op2.post(`/api/tickets/${nobody}/complete`, { outcome: 'done' }), 404, 'not_found');
      expectApiError(await supervisor.post(`/api/tickets/${nobody}/start`), 404, 'not_found');
    });
    // The owner still can.
    expect((await op1.post(`/api/tickets/${t.id}/complete`)).status).toBe(200);
  });

  it('refuse an operator calling, pausing or closing a counter not theirs (403)', async () => {
    await issue(new ApiClient(app.url), deskServiceId);
    await unchanged(async () => {
      expectApiError(await op2.post(`/api/counters/${counter1}/call-next`), 403, 'forbidden');
      expectApiError(await op2.post(`/api/counters/${counter3}/call-next`), 403, 'forbidden'); // closed, nobody's
      expectApiError(await op2.post(`/api/counters/${counter1}/pause`), 403, 'forbidden');
      expectApiError(await op2.post(`/api/counters/${counter1}/close`), 403, 'forbidden');
      expectApiError(await op2.post('/api/counters/no-such-counter/call-next'), 404, 'not_found');
      expectApiError(await op2.post(`/api/counters/${'x'.repeat(65)}/call-next`), 400, 'invalid_input');
    });
    // Drain the ticket for the next tests.
    const r = await op1.post(`/api/counters/${counter1}/call-next`);
    expect((await op1.post(`/api/tickets/${r.body.ticket.id}/complete`)).status).toBe(200);
  });

  it('refuse illegal transitions with 409 invalid_transition', async () => {
    const kiosk = new ApiClient(app.url);
    // Complete a waiting ticket (supervisor may act on any ticket; the state is what is wrong).
    const waiting = await issue(kiosk, deskServiceId);
    await unchanged(async () => {
      expectApiError(
        await supervisor.post(`/api/tickets/${waiting.id}/complete`, { outcome: 'done' }),
        409,
        'invalid_transition',
      );
      expectApiError(await supervisor.post(`/api/tickets/${waiting.id}/recall`), 409, 'invalid_transition');
      expectApiError(
        await supervisor.post(`/api/tickets/${waiting.id}/transfer`, { counterId: counter2 }),
        409,
        'invalid_transition',
      );
    });

    // A clerk acting on a ticket at nobody's counter (waiting: never called, or sent on by their
    // own transfer a moment ago) is refused for its state, not as somebody else's ticket.
    await unchanged(async () => {
      for (const action of ['start', 'complete', 'no-show', 'recall'])
        expectApiError(await op1.post(`/api/tickets/${waiting.id}/${action}`), 409, 'invalid_transition');
      expectApiError(await op1.post(`/api/tickets/${waiting.id}/transfer`, { counterId: counter2 }), 409, 'invalid_transition');
    });

    // Start a completed ticket.
    const r = await op1.post(`/api/counters/${counter1}/call-next`);
    expect(r.body.ticket.id).toBe(waiting.id);
    expect((await op1.post(`/api/tickets/${waiting.id}/complete`)).status).toBe(200);
    await unchanged(async () => {
      expectApiError(await op1.post(`/api/tickets/${waiting.id}/start`), 409, 'invalid_transition');
      expectApiError(await op1.post(`/api/tickets/${waiting.id}/complete`), 409, 'invalid_transition');
      expectApiError(await op1.post(`/api/tickets/${waiting.id}/no-show`), 409, 'invalid_transition');
    });

    // Recall a cancelled ticket.
    const leaving = await issue(kiosk, deskServiceId);
    expect((await kiosk.post(`/api/tickets/${leaving.code}/cancel`)).body.status).toBe('cancelled');
    await unchanged(async () => {
      expectApiError(await supervisor.post(`/api/tickets/${leaving.id}/recall`), 409, 'invalid_transition');
      expectApiError(await kiosk.post(`/api/tickets/${leaving.code}/cancel`), 409, 'invalid_transition');
    });

    // Cancel a called ticket; no-show a ticket being served.
    const t = await calledByOp1();
    await unchanged(async () => {
      expectApiError(await kiosk.post(`/api/tickets/${t.code}/cancel`), 409, 'invalid_transition');
    });
    expect((await op1.post(`/api/tickets/${t.id}/start`)).status).toBe(200);
    await unchanged(async () => {
      expectApiError(await op1.post(`/api/tickets/${t.id}/no-show`), 409, 'invalid_transition');
      expectApiError(await op1.post(`/api/tickets/${t.id}/recall`), 409, 'invalid_transition');
      expectApiError(await op1.post(`/api/counters/${counter1}/call-next`), 409, 'counter_busy');
      expectApiError(await op1.post(`/api/counters/${counter1}/close`), 409, 'counter_busy');
    });
    expect((await op1.post(`/api/tickets/${t.id}/complete`)).status).toBe(200);
  });

  it('refuse a transfer without exactly one valid target', async () => {
    const t = await calledByOp1();
    const staff2 = await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore2' } });
    await unchanged(async () => {
      expectApiError(
        await op1.post(`/api/tickets/${t.id}/transfer`, { serviceId: deskServiceId, counterId: counter2 }),
        400,
        'invalid_input',
      );
      expectApiError(
        await op1.post(`/api/tickets/${t.id}/transfer`, { counterId: counter2, staffId: staff2.id }),
        400,
        'invalid_input',
      );
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, {}), 400, 'invalid_input');
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { note: 'only a note' }), 400, 'invalid_input');
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { serviceId: 'no-such-service' }), 404, 'not_found');
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { counterId: 'no-such-counter' }), 404, 'not_found');
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { staffId: 'no-such-staff' }), 404, 'not_found');
      // Appointment services belong to the specialist offices.
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { serviceId: os.appointment[0].id }), 422, 'other_office');
      expectApiError(await op1.post(`/api/tickets/${t.id}/transfer`, { counterId: counter1 }), 422, 'same_counter');
      expectApiError(await op1.post(`/api/tickets/${t.id}/complete`, { outcome: 'great' }), 400, 'invalid_input');
      expectApiError(await op1.post(`/api/tickets/${t.id}/complete`, { note: 'x'.repeat(501) }), 400, 'invalid_input');
    });
    expect((await op1.post(`/api/tickets/${t.id}/complete`)).status).toBe(200);
  });

  it('refuse opening a counter held by a colleague, or a second counter', async () => {
    await unchanged(async () => {
      expectApiError(await op2.post(`/api/counters/${counter1}/open`), 409, 'counter_taken');
      expectApiError(await op2.post(`/api/counters/${counter1}/open`, { serviceIds: [deskServiceId] }), 409, 'counter_taken');
      expectApiError(await op2.post(`/api/counters/${counter3}/open`), 409, 'already_at_counter');
      expectApiError(await op1.post(`/api/counters/${counter1}/open`, { serviceIds: [] }), 422, 'no_services');
      expectApiError(
        await op1.post(`/api/counters/${counter1}/open`, { serviceIds: [os.appointment[0].id] }),
        422,
        'service_not_allowed',
      );
      expectApiError(await op1.post(`/api/counters/${counter1}/open`, { serviceIds: 'all' }), 400, 'invalid_input');
      expectApiError(await op1.post('/api/counters/no-such-counter/open'), 404, 'not_found');
    });
  });
});

describe('socket subscriptions', () => {
  it('refuse counter:subscribe without a valid session, and a colleague’s counter', async () => {
    const anon = await connectSocket(app.url);
    const forged = await connectSocket(app.url, 'sportello_session=QmFkVG9rZW5CYWRUb2tlbkJhZFRva2VuQmFkVG9rZW4xMjM');
    const colleague = await connectSocket(app.url, cookieOf(op2));
    try {
      const a = await subscribe(anon, 'counter:subscribe', { counterId: counter1 });
      expect(a).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
      const f = await subscribe(forged, 'counter:subscribe', { counterId: counter1 });
      expect(f).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const c = await subscribe(colleague, 'counter:subscribe', { counterId: counter1 });
      expect(c).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const bad = await subscribe(anon, 'ticket:subscribe', { code: 'A001' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const unknown = await subscribe(anon, 'ticket:subscribe', { code: UNKNOWN_CODE });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const nonsense = (await subscribe(anon, 'display:subscribe', 'not an object')) as Ack<unknown>;
      expect(nonsense).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      for (const s of [anon, forged, colleague]) s.disconnect();
    }
  });

  it('answer subscriptions of a socket whose cookie has broken percent-encoding', async () => {
    const s = await connectSocket(app.url, 'sportello_session=%E0%A4%A');
    try {
      // A public screen does not need the cookie at all; a staff subscription is refused.
      const display = await subscribe(s, 'display:subscribe', {}, 5_000).catch((err: Error) => err);
      expect(display instanceof Error ? `no answer: ${display.message}` : display.ok).toBe(true);
      const counter = await subscribe(s, 'counter:subscribe', { counterId: counter1 }, 5_000).catch((err: Error) => err);
      expect(counter instanceof Error ? `no answer: ${counter.message}` : counter).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    } finally {
      s.disconnect();
      // Whatever happened, the process is still serving.
      expect(app.child.exitCode).toBeNull();
      expect((await new ApiClient(app.url).get('/api/health')).status).toBe(200);
    }
  });
});

describe('rate limit', () => {
  it('answers 429 to the 6th ticket within a minute when RATE_LIMIT_PER_MINUTE=5, and issues no 6th ticket', async () => {
    const limited = await startApp(space, { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      // The window is a calendar minute: do not straddle its end.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
      const before = await space.db.ticket.count();
      const kiosk = new ApiClient(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await kiosk.post('/api/tickets', { serviceId: deskServiceId })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201]);
      await unchanged(async () => {
        expectApiError(await kiosk.post('/api/tickets', { serviceId: deskServiceId }), 429, 'rate_limited');
        expectApiError(await kiosk.post('/api/tickets', { serviceId: deskServiceId }), 429, 'rate_limited');
      });
      // The client address comes from the socket: a client cannot pick another one by header.
      const spoofed = await fetch(`${limited.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sportello-client-ip': '203.0.113.7', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ serviceId: deskServiceId }),
      });
      expect(spoofed.status).toBe(429);
      expect(await spoofed.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect(await space.db.ticket.count()).toBe(before + 5);
      // Reads are not limited.
      expect((await kiosk.get('/api/queues')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  }, 120_000);
});
