/**
 * Walk-in opening hours on a real app process: PUT /api/admin/offices/{id}/hours (admin only,
 * one audit row, bad input changes nothing), the kiosk's POST /api/tickets refused with
 * 409 office_closed outside the hours or past the last-ticket time (no ticket written), the
 * walk-in status in GET /api/offices and GET /api/display, and what is not blocked: clerks calling, and appointment
 * check-in. Hours are computed from the current Rome time, so the file passes at any hour.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookConfirmed } from '../helpers/booking';
import { checkIn } from '../../server/appointments/check-in';
import { nationalHoliday } from '../../server/schedules/holidays';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, collect, connectSocket, expectApiError, subscribe } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let admin: ApiClient;
let kiosk: ApiClient;
let officeId: string;
let serviceId: string;

const TZ = 'Europe/Rome';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

/** Now in Rome: local day, ISO weekday and minutes since midnight. */
function romeNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
const hhmm = (min: number) =>
  min >= 1440 ? '24:00' : `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Open only tomorrow (by weekday): closed now, whatever the hour. */
const closedNow = () => ({
  hours: [{ weekday: (romeNow().weekday % 7) + 1, opens: '08:00', closes: '18:00' }],
  lastTicketMinutes: 10,
});
/** Open around the clock. */
const openNow = () => ({
  hours: ALL_WEEK.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
  lastTicketMinutes: 0,
});

async function counts() {
  return {
    tickets: await space.db.ticket.count(),
    hours: await space.db.officeHours.count(),
    audit: await space.db.auditLog.count(),
    office: JSON.stringify(await space.db.office.findUnique({ where: { id: officeId } })),
  };
}

const putHours = (c: ApiClient, body: unknown, id = officeId) => c.request('PUT', `/api/admin/offices/${id}/hours`, body);

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  admin = await clerk(app.url, 'admin');
  kiosk = new ApiClient(app.url);
  const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
  officeId = office.id;
  serviceId = (await space.db.service.findFirstOrThrow({ where: { officeId, code: 'certificato-residenza' } })).id;
  // "Today" must not be the office's patron day for this test (a holiday is handled where it matters).
  await space.db.patronDay.deleteMany({});
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('PUT /api/admin/offices/{id}/hours', () => {
  it('is for admins only', async () => {
    const before = await counts();
    for (const user of ['supervisore', 'operatore1'])
      expectApiError(await putHours(await clerk(app.url, user), openNow()), 403, 'forbidden');
    expectApiError(await putHours(kiosk, openNow()), 401);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await counts();
    const bad: unknown[] = [
      { hours: [{ weekday: 1, opens: '12:00', closes: '09:00' }], lastTicketMinutes: 0 },
      {
        hours: [
          { weekday: 1, opens: '09:00', closes: '12:00' },
          { weekday: 1, opens: '11:00', closes: '13:00' },
        ],
        lastTicketMinutes: 0,
      },
      { hours: [{ weekday: 8, opens: '09:00', closes: '12:00' }], lastTicketMinutes: 0 },
      { hours: [{ weekday: 1, opens: '9:00', closes: '12:00' }], lastTicketMinutes: 0 },
      { hours: [], lastTicketMinutes: 241 },
      { hours: [], lastTicketMinutes: -1 },
      { hours: [], lastTicketMinutes: 1.5 },
      { hours: [] },
      { hours: [], lastTicketMinutes: 0, extra: true },
      'not json',
    ];
    for (const body of bad) expectApiError(await putHours(admin, body), 400);
    const overlap = await putHours(admin, bad[1]);
    expect(overlap.body.error.details).toEqual([{ path: 'hours.1', message: 'Overlaps another range of the same day' }]);
    expectApiError(await putHours(admin, openNow(), 'no-such-office'), 404);
    expect(await counts()).toEqual(before);
  });

  it('replaces the hours in one audited change; the admin list and the public list show them', async () => {
    const last = (await space.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
    const body = {
      hours: [
        { weekday: 2, opens: '14:30', closes: '17:00' },
        { weekday: 2, opens: '08:30', closes: '12:30' },
        { weekday: 1, opens: '08:30', closes: '12:30' },
      ],
      lastTicketMinutes: 15,
    };
    const res = await putHours(admin, body);
    expect(res.status).toBe(200);
    const sorted = [body.hours[2], body.hours[1], body.hours[0]];
    expect(res.body).toEqual({ lastTicketMinutes: 15, hours: sorted });
    const rows = await space.db.auditLog.findMany({ where: { id: { gt: last } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'update',
      entity: 'office',
      entityId: officeId,
      before: { lastTicketMinutes: 0, hours: [] },
      after: { lastTicketMinutes: 15, hours: sorted },
    });
    const listed = (await admin.get('/api/admin/offices')).body.find((o: { id: string }) => o.id === officeId);
    expect(listed).toMatchObject({ lastTicketMinutes: 15, hours: sorted });
    const pub = (await kiosk.get('/api/offices')).body.find((o: { id: string }) => o.id === officeId);
    expect(pub.walkIn).toEqual(expect.objectContaining({ open: expect.any(Boolean) }));
    // Other offices have no hours: always open.
    const other = (await kiosk.get('/api/offices')).body.find((o: { id: string }) => o.id !== officeId);
    expect(other.walkIn).toEqual({ open: true });
  });
});

describe('walk-in tickets and the opening hours', () => {
  it('outside the hours: 409 office_closed with the next opening, and no ticket written', async () => {
    expect((await putHours(admin, closedNow())).status).toBe(200);
    const before = await counts();
    const res = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
    expectApiError(res, 409, 'office_closed');
    expect(Date.parse(res.body.error.details.nextOpensAt)).toBeGreaterThan(Date.now());
    expect(res.body.error.details.reason).toMatch(/^(outside_hours|holiday)$/);
    expect(await counts()).toEqual(before);
    const pub = (await kiosk.get('/api/offices')).body.find((o: { id: string }) => o.id === officeId);
    expect(pub.walkIn).toMatchObject({ open: false, nextOpensAt: res.body.error.details.nextOpensAt });
  });

  it('past the last-ticket time: 409 office_closed although the desk is still open', async () => {
    const { minutes, weekday, day } = romeNow();
    const closes = Math.min(1440, minutes + 10);
    // Tickets stop 5 minutes before now; the range still runs until `closes`.
    const res = await putHours(admin, {
      hours: [{ weekday, opens: '00:00', closes: hhmm(closes) }],
      lastTicketMinutes: closes - minutes + 5,
    });
    expect(res.status).toBe(200);
    const issued = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
    expectApiError(issued, 409, 'office_closed');
    expect(issued.body.error.details.reason).toBe(nationalHoliday(day) ? 'holiday' : 'last_ticket_passed');
  });

  it('inside the hours: the ticket is issued (a national holiday closes the day whatever the hours)', async () => {
    expect((await putHours(admin, openNow())).status).toBe(200);
    const res = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
    if (nationalHoliday(romeNow().day)) expectApiError(res, 409, 'office_closed');
    else expect(res.status).toBe(201);
  });

  it('clerks keep calling while the office is closed for walk-ins', async () => {
    // Issued while open (no hours), then the office closes: the queue is still served.
    expect((await putHours(admin, { hours: [], lastTicketMinutes: 0 })).status).toBe(200);
    const issued = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
    expect(issued.status).toBe(201);
    expect((await putHours(admin, closedNow())).status).toBe(200);
    const op = await clerk(app.url, 'operatore1');
    const counter = (await op.get('/api/counters')).body[0];
    expect((await op.post(`/api/counters/${counter.id}/open`)).status).toBe(200);
    const called = await op.post(`/api/counters/${counter.id}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBeTruthy();
  });

  it('no hours: always open again', async () => {
    expect((await putHours(admin, { hours: [], lastTicketMinutes: 0 })).status).toBe(200);
    expect((await kiosk.post('/api/tickets', { serviceId, lang: 'en' })).status).toBe(201);
  });
});

describe('the display snapshot and the walk-in hours', () => {
  it('says closed with the next opening outside the hours, open with no hours', async () => {
    expect((await putHours(admin, closedNow())).status).toBe(200);
    const closed = await kiosk.get(`/api/display?officeId=${officeId}`);
    expect(closed.status).toBe(200);
    expect(closed.body.office).toMatchObject({ id: officeId, timeZone: TZ });
    expect(closed.body.walkIn.open).toBe(false);
    expect(Date.parse(closed.body.walkIn.nextOpensAt)).toBeGreaterThan(Date.now());
    expect(closed.body.walkIn.closesAt).toBeUndefined();
    // The same as the kiosk is told.
    const pub = (await kiosk.get('/api/offices')).body.find((o: { id: string }) => o.id === officeId);
    expect(closed.body.walkIn.nextOpensAt).toBe(pub.walkIn.nextOpensAt);

    expect((await putHours(admin, { hours: [], lastTicketMinutes: 0 })).status).toBe(200);
    const open = await kiosk.get(`/api/display?officeId=${officeId}`);
    expect(open.status).toBe(200);
    expect(open.body.walkIn).toEqual({ open: true });
  });
});

describe('a closure for today', () => {
  it('closes the office for walk-ins and tells open kiosks and displays at once', async () => {
    expect((await putHours(admin, openNow())).status).toBe(200);
    const screen = await connectSocket(app.url);
    try {
      expect((await subscribe(screen, 'display:subscribe', { officeId })).ok).toBe(true);
      expect((await subscribe(screen, 'kiosk:subscribe', {})).ok).toBe(true);
      const displays = collect<{ officeId: string }>(screen, 'displayChanged');
      const kiosks = collect<undefined>(screen, 'catalogChanged');
      const { day } = romeNow();
      const added = await admin.post('/api/schedules/closures', {
        officeId,
        fromDay: day,
        toDay: day,
        reason: { it: 'Disinfestazione' },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(await displays.next((e) => e.officeId === officeId)).toEqual({ officeId });
      // catalogChanged carries nothing: count it.
      await expect.poll(() => kiosks.seen.length).toBeGreaterThan(0);
      expectApiError(await kiosk.post('/api/tickets', { serviceId, lang: 'en' }), 409, 'office_closed');
      expect((await kiosk.get(`/api/display?officeId=${officeId}`)).body.walkIn.open).toBe(false);

      // Removed again: open again, and the screens are told again.
      const before = displays.seen.length;
      expect((await admin.request('DELETE', `/api/schedules/closures/${added.body.id}`)).status).toBeLessThan(300);
      await displays.next(() => displays.seen.length > before);
      const again = await kiosk.post('/api/tickets', { serviceId, lang: 'en' });
      // A national holiday would keep the day closed whatever the closures.
      if (nationalHoliday(day)) expectApiError(again, 409, 'office_closed');
      else expect(again.status).toBe(201);
    } finally {
      screen.disconnect();
      await putHours(admin, { hours: [], lastTicketMinutes: 0 });
    }
  });
});

describe('appointment check-in is not blocked by the walk-in hours', () => {
  it('checks in at a time the office is closed for walk-ins', async () => {
    // Mail goes to a temporary outbox, not the working copy's data folder.
    useInProcessRuntime(space).config.mail.outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-outbox-'));
    const service = await space.db.service.findFirstOrThrow({ where: { code: 'cambio-residenza' } });
    // Round the clock, no notice: any quarter is a slot. 10:00 in Rome on Wednesday 2 December 2026.
    await space.db.schedule.update({
      where: { officeId_serviceId: { officeId: service.officeId, serviceId: service.id } },
      data: {
        slotMinutes: 15,
        capacity: 2,
        minNoticeMinutes: 0,
        hours: { deleteMany: {}, create: ALL_WEEK.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })) },
      },
    });
    const T = new Date('2026-12-02T09:00:00Z');
    const booked = await bookConfirmed(
      {
        serviceId: service.id,
        officeId: service.officeId,
        startsAt: T.toISOString(),
        name: 'Anna Verdi',
        email: 'anna.verdi@example.org',
        privacyConsent: true,
      },
      { now: new Date(T.getTime() - 26 * 3600_000) },
    );
    // The appointment's office takes walk-ins only in the afternoon.
    await space.db.officeHours.createMany({
      data: [{ officeId: service.officeId, weekday: 3, opens: '14:00', closes: '16:00' }],
    });
    const res = await checkIn({ code: booked.code }, new Date(T.getTime() - 10 * 60_000));
    expect(res.ticket.priority).toBe('appointment');
  });
});
