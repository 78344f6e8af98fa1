/**
 * Appointments through the HTTP API of a real app process on real PostgreSQL: availability,
 * online booking held `pending` until confirmed through the e-mailed link, the race for the last
 * place, manage-link tokens, cancel and reschedule, validation, the e-mails in the outbox.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signManageToken } from '../../server/appointments/manage-token';
import { nationalHoliday } from '../../server/schedules/holidays';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { confirmFromOutbox, confirmTokenIn, waitForMail } from '../helpers/outbox';
import { expectApiError } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let outbox: string;
let serviceId: string;
let officeId: string;
const api = () => new ApiClient(app.url);

type Day = { day: string; closed: unknown; free: number; slots: { startsAt: string; time: string; free: number }[] };

async function openDays(): Promise<Day[]> {
  const r = await api().get(`/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.days;
}

/** Untouched slots (both places free) more than two days ahead (outside the 24-hour change deadline, whatever the hour of the run). */
async function freeSlots(n: number): Promise<string[]> {
  const after = Date.now() + 50 * 3600_000;
  return (await openDays())
    .flatMap((d) => d.slots.filter((s) => s.free === 2 && Date.parse(s.startsAt) > after).map((s) => s.startsAt))
    .slice(0, n);
}

const person = { name: 'Maria Rossi', email: 'maria.rossi@example.org', privacyConsent: true };
let mailbox = 0;

/** Books online with an address of its own and confirms through the e-mailed link: the booked appointment. */
async function bookAndConfirm(startsAt: string) {
  const email = `citizen${++mailbox}@example.org`;
  const r = await api().post('/api/appointments', { serviceId, officeId, startsAt, ...person, email });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return confirmFromOutbox(api(), outbox, email);
}

beforeAll(async () => {
  space = await createTestSpace();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-appt-'));
  outbox = path.join(dataDir, 'outbox');
  // Many bookings from few addresses here; the per-contact limit has its own test.
  app = await startApp(space, { DATA_DIR: dataDir, BOOKINGS_PER_CONTACT_PER_DAY: '0' });
  const service = await space.db.service.findFirstOrThrow({ where: { code: 'carta-identita-elettronica' } });
  serviceId = service.id;
  officeId = service.officeId;
  // Every day, 08:00–20:00, two places per 15-minute slot: always something to book in the next days.
  await space.db.schedule.update({
    where: { officeId_serviceId: { officeId, serviceId } },
    data: {
      capacity: 2,
      minNoticeMinutes: 60,
      hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })) },
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('availability', () => {
  it('lists bookable services with their offices', async () => {
    const r = await api().get('/api/appointments/services');
    expect(r.status).toBe(200);
    const cie = r.body.find((s: { id: string }) => s.id === serviceId);
    expect(cie.offices.map((o: { id: string }) => o.id)).toEqual([officeId]);
    expect(r.body.length).toBeGreaterThanOrEqual(18);
  });

  it('gives days with free places, national holidays closed', async () => {
    const r = await api().get(
      `/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}&from=2026-12-20&to=2026-12-31`,
    );
    expect(r.status).toBe(200);
    expect(r.body.timeZone).toBe('Europe/Rome');
    // Depending on the run date the window may start later; any 25 and 26 December listed is closed.
    for (const d of r.body.days as Day[]) {
      if (d.day === '2026-12-25' || d.day === '2026-12-26') expect(d.closed).toMatchObject({ kind: 'holiday' });
    }
  });

  it('refuses bad queries with JSON 4xx', async () => {
    expectApiError(await api().get(`/api/appointments/availability?serviceId=${serviceId}`), 400, 'invalid_input');
    expectApiError(
      await api().get(`/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}&from=2026-13-01`),
      400,
      'invalid_input',
    );
    expectApiError(
      await api().get(`/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}&from=2026-01-01&to=2026-06-01`),
      400,
      'invalid_range',
    );
    const desk = await space.db.service.findFirstOrThrow({ where: { mode: 'desk' } });
    expectApiError(
      await api().get(`/api/appointments/availability?serviceId=${desk.id}&officeId=${desk.officeId}`),
      404,
      'not_bookable',
    );
  });
});

describe('booking', () => {
  it('books online as pending (no code, no link), confirms through the e-mailed link, then answers with code, QR, calendar file', async () => {
    const [slot] = await freeSlots(1);
    const r = await api().post('/api/appointments', { serviceId, officeId, startsAt: slot, ...person, lang: 'en' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('pending');
    expect(r.body.startsAt).toBe(new Date(slot).toISOString());
    expect(Date.parse(r.body.holdUntil) - Date.now()).toBeGreaterThan(5 * 60_000);
    // Nothing that would let a stranger use the booking before the address is confirmed.
    expect(r.body.code).toBeUndefined();
    expect(r.body.token).toBeUndefined();
    expect(r.body.manageUrl).toBeUndefined();
    const row = await space.db.appointment.findUniqueOrThrow({ where: { id: r.body.id } });
    expect(row.status).toBe('pending');
    expect(row.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);

    // The request to confirm: a link, no calendar file yet.
    const request = await waitForMail(outbox, (t) => t.includes('To: maria.rossi@example.org') && t.includes('/book/confirm/'));
    expect(request).toContain('Subject: Please confirm your appointment');
    expect(request).not.toContain('text/calendar');
    const token = confirmTokenIn(request);
    // Opening the page alone confirms nothing (mail scanners follow links).
    const page = await fetch(`${app.url}/book/confirm/${token}?lang=en`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="book-confirm"');
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: r.body.id } })).status).toBe('pending');

    const confirmed = await api().post('/api/appointments/confirm', { token });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('booked');
    expect(confirmed.body.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(confirmed.body.manageUrl).toContain(`/book/manage/${confirmed.body.token}`);
    expect(confirmed.body.canChange).toBe(true);
    // A second click shows the same booking.
    const again = await api().post('/api/appointments/confirm', { token });
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(confirmed.body.code);
    expectApiError(await api().post('/api/appointments/confirm', { token: 'x'.repeat(32) }), 404, 'confirm_invalid');
    expectApiError(await api().post('/api/appointments/confirm', { token: 'short' }), 400, 'invalid_input');

    const qr = await fetch(`${app.url}${confirmed.body.qrUrl}`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    const ics = await fetch(`${app.url}${confirmed.body.icsUrl}`);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`DTSTART:${new Date(slot).toISOString().replace(/[-:]/g, '').replace('.000', '')}`);

    // The confirmation: a readable .eml with the calendar file attached.
    const eml = await waitForMail(
      outbox,
      (t) => t.includes('To: maria.rossi@example.org') && t.includes('Appointment confirmed'),
    );
    expect(eml).toContain('text/calendar');
    expect(eml).toContain(confirmed.body.code);
  });

  it('50 parallel requests for the last free place: exactly one (pending) hold, the others 409 slot_full', async () => {
    const [slot] = await freeSlots(1);
    const first = await api().post('/api/appointments', {
      serviceId,
      officeId,
      startsAt: slot,
      ...person,
      email: 'first@example.org',
    });
    expect(first.status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api().post('/api/appointments', { serviceId, officeId, startsAt: slot, ...person, email: `racer${i}@example.org` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    if (!statuses.includes(201)) console.log(JSON.stringify(results.slice(0, 3)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409)) {
      expectApiError(r, 409, 'slot_full');
      expect(r.body.error.message).toMatch(/no longer available/);
    }
    // Unconfirmed holds count against the capacity like bookings.
    expect(await space.db.appointment.count({ where: { serviceId, startsAt: new Date(slot), status: 'pending' } })).toBe(2);
    const counter = await space.db.appointmentSlot.findUniqueOrThrow({
      where: { officeId_serviceId_startsAt: { officeId, serviceId, startsAt: new Date(slot) } },
    });
    expect(counter.booked).toBe(2);
    const day = (await openDays()).flatMap((d) => d.slots).find((s) => s.startsAt === new Date(slot).toISOString());
    expect(day?.free).toBe(0);
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const [slot] = await freeSlots(1);
    const before = await space.db.appointment.count();
    const bad = [
      { serviceId, officeId, startsAt: slot, ...person, privacyConsent: false },
      { serviceId, officeId, startsAt: slot, name: 'X', privacyConsent: true },
      // Online, the e-mail address is required (the booking is confirmed there).
      { serviceId, officeId, startsAt: slot, name: 'X', phone: '+39 333 1234567', privacyConsent: true },
      { serviceId, officeId, startsAt: slot, ...person, email: 'not-an-address' },
      { serviceId, officeId, startsAt: slot, ...person, phone: 'call me' },
      { serviceId, officeId, startsAt: 'tomorrow', ...person },
      { serviceId, officeId, startsAt: slot, ...person, name: '' },
      { serviceId, officeId, startsAt: slot, ...person, channel: 'telepathy' },
      'not json',
    ];
    for (const b of bad) expect((await api().post('/api/appointments', b)).status).toBe(400);
    // Not a slot start, in the past, or beyond the horizon.
    const off = new Date(new Date(slot).getTime() + 7 * 60_000).toISOString();
    expectApiError(
      await api().post('/api/appointments', { serviceId, officeId, startsAt: off, ...person }),
      422,
      'slot_unavailable',
    );
    expectApiError(
      await api().post('/api/appointments', { serviceId, officeId, startsAt: '2020-01-06T09:00:00+01:00', ...person }),
      422,
      'slot_unavailable',
    );
    expectApiError(
      await api().post('/api/appointments', { serviceId, officeId, startsAt: '2099-01-05T09:00:00+01:00', ...person }),
      422,
      'slot_unavailable',
    );
    // Booking at the counter needs a staff session.
    expectApiError(
      await api().post('/api/appointments', { serviceId, officeId, startsAt: slot, ...person, channel: 'counter' }),
      401,
      'unauthorized',
    );
    expect(await space.db.appointment.count()).toBe(before);
  });

  it('lets a clerk book for the citizen at the counter', async () => {
    const [slot] = await freeSlots(1);
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const r = await clerk.post('/api/appointments', {
      serviceId,
      officeId,
      startsAt: slot,
      name: 'Luigi Bianchi',
      phone: '+39 333 1234567',
      privacyConsent: true,
      channel: 'counter',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The clerk vouches for the citizen: booked at once, no e-mail confirmation.
    expect(r.body.status).toBe('booked');
    expect(r.body.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const row = await space.db.appointment.findFirstOrThrow({ where: { name: 'Luigi Bianchi' } });
    expect(row.channel).toBe('counter');
    expect(row.bookedByStaffId).not.toBeNull();
  });
});

describe('manage link', () => {
  it('shows, reschedules and cancels with a valid token; the place is free again at once', async () => {
    const [a, b] = await freeSlots(2);
    const booked = await bookAndConfirm(a);
    const token = booked.token as string;
    const seen = await api().get(`/api/appointments/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.code).toBe(booked.code);

    const moved = await api().post(`/api/appointments/${token}/reschedule`, { startsAt: b });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.startsAt).toBe(new Date(b).toISOString());
    expect(moved.body.token).not.toBe(token);
    const slotA = await space.db.appointmentSlot.findUniqueOrThrow({
      where: { officeId_serviceId_startsAt: { officeId, serviceId, startsAt: new Date(a) } },
    });
    const slotB = await space.db.appointmentSlot.findUniqueOrThrow({
      where: { officeId_serviceId_startsAt: { officeId, serviceId, startsAt: new Date(b) } },
    });
    expect([slotA.booked, slotB.booked]).toEqual([0, 1]);
    expectApiError(await api().post(`/api/appointments/${moved.body.token}/reschedule`, { startsAt: b }), 422, 'same_slot');
    expectApiError(await api().post(`/api/appointments/${token}/reschedule`, { startsAt: 'soon' }), 400, 'invalid_input');

    // The links sent for the old time stop working; the new one carries on.
    expectApiError(await api().get(`/api/appointments/${token}`), 403, 'token_revoked');
    expectApiError(await api().post(`/api/appointments/${token}/cancel`), 403, 'token_revoked');
    const cancelled = await api().post(`/api/appointments/${moved.body.token}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.canChange).toBe(false);
    const after = await space.db.appointmentSlot.findUniqueOrThrow({
      where: { officeId_serviceId_startsAt: { officeId, serviceId, startsAt: new Date(b) } },
    });
    expect(after.booked).toBe(0);
    expectApiError(await api().post(`/api/appointments/${moved.body.token}/cancel`), 409, 'already_cancelled');
  });

  it('refuses a tampered or expired token with 403, and changes nothing', async () => {
    const [slot] = await freeSlots(1);
    const booked = await bookAndConfirm(slot);
    const token = booked.token as string;
    const [id, exp, kid, ver, sig] = token.split('.');
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('a') ? 'b' : 'a');
    const tampered = [
      `${id}.${exp}.${kid}.${ver}.${flip(sig)}`,
      `${id}.${(parseInt(exp, 36) + 86_400 * 365).toString(36)}.${kid}.${ver}.${sig}`,
      `${flip(id)}.${exp}.${kid}.${ver}.${sig}`,
      `${id}.${exp}.k9.${ver}.${sig}`,
      signManageToken(id, new Date(Date.now() + 86_400_000), 'another-secret'),
    ];
    for (const t of tampered) {
      expectApiError(await api().get(`/api/appointments/${t}`), 403, 'token_invalid');
      expectApiError(await api().post(`/api/appointments/${t}/cancel`), 403, 'token_invalid');
      expectApiError(await api().get(`/api/appointments/${t}/qr.svg`), 403, 'token_invalid');
    }
    const expired = signManageToken(id, new Date(Date.now() - 1000), 'test-secret');
    expectApiError(await api().get(`/api/appointments/${expired}`), 403, 'token_expired');
    expectApiError(await api().post(`/api/appointments/${expired}/cancel`), 403, 'token_expired');
    expectApiError(await api().get('/api/appointments/not-a-token'), 400, 'invalid_input');
    const row = await space.db.appointment.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('booked');

    // The manage page says so clearly instead of failing.
    const page = await fetch(`${app.url}/book/manage/${tampered[0]}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="book-manage-error"');
  });

  it('refuses changes after the deadline', async () => {
    const [slot] = await freeSlots(1);
    const booked = await bookAndConfirm(slot);
    // Pretend the appointment is in one hour (inside the 24-hour deadline).
    const soon = new Date(Date.now() + 3600_000);
    await space.db.appointment.update({
      where: { id: booked.id },
      data: { startsAt: soon, endsAt: new Date(soon.getTime() + 15 * 60_000) },
    });
    const token = signManageToken(booked.id, new Date(Date.now() + 86_400_000), 'test-secret');
    const view = await api().get(`/api/appointments/${token}`);
    expect(view.body.canChange).toBe(false);
    expectApiError(await api().post(`/api/appointments/${token}/cancel`), 409, 'change_deadline_passed');
    const [other] = await freeSlots(1);
    expectApiError(await api().post(`/api/appointments/${token}/reschedule`, { startsAt: other }), 409, 'change_deadline_passed');
  });
});

describe('schedules (admin API)', () => {
  it('lets an admin set hours, closures and the patron day; others are refused; bad input changes nothing', async () => {
    const admin = new ApiClient(app.url);
    await admin.login('admin');
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const service = await space.db.service.findFirstOrThrow({ where: { code: 'cambio-residenza' } });
    const body = {
      officeId: service.officeId,
      serviceId: service.id,
      slotMinutes: 20,
      capacity: 3,
      horizonDays: 30,
      minNoticeMinutes: 0,
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '10:00', closes: '11:00' })),
    };
    expectApiError(await clerk.request('PUT', '/api/schedules', body), 403, 'forbidden');
    expectApiError(
      await admin.request('PUT', '/api/schedules', { ...body, hours: [{ weekday: 1, opens: '11:00', closes: '10:00' }] }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PUT', '/api/schedules', { ...body, hours: [{ weekday: 8, opens: '10:00', closes: '11:00' }] }),
      400,
      'invalid_input',
    );
    const put = await admin.request('PUT', '/api/schedules', body);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.hours).toHaveLength(7);

    // Four days in a row from the second day from now, none a national holiday: a holiday is what a
    // day shows even when a closure or the patron day falls on it (run on 4 December, the fourth
    // day was 8 December). A closure on the second of the four, the patron day on the third.
    const dayFrom = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
    const first = [2, 3, 4, 5, 6, 7, 8, 9].find((k) => [0, 1, 2, 3].every((i) => !nationalHoliday(dayFrom(k + i))))!;
    const day = (n: number) => dayFrom(first - 2 + n);
    const closure = await admin.post('/api/schedules/closures', {
      officeId: service.officeId,
      fromDay: day(3),
      toDay: day(3),
      reason: { it: 'Inventario', en: 'Stocktaking' },
    });
    expect(closure.status).toBe(201);
    const [, m, d] = day(4).split('-').map(Number);
    expect(
      (
        await admin.request('PUT', '/api/schedules/patron-day', {
          officeId: service.officeId,
          patronDay: { month: m, day: d, name: { it: 'San Valdo' } },
        })
      ).status,
    ).toBe(200);
    expectApiError(
      await admin.request('PUT', '/api/schedules/patron-day', { officeId: service.officeId, patronDay: { month: 2, day: 30 } }),
      422,
      'invalid_day',
    );
    const avail = await api().get(
      `/api/appointments/availability?serviceId=${service.id}&officeId=${service.officeId}&from=${day(2)}&to=${day(5)}`,
    );
    const byDay = new Map((avail.body.days as Day[]).map((x) => [x.day, x]));
    expect(byDay.get(day(3))?.closed).toEqual({ kind: 'closure', name: { it: 'Inventario', en: 'Stocktaking' } });
    expect(byDay.get(day(4))?.closed).toEqual({ kind: 'patron', name: { it: 'San Valdo' } });
    const open = [byDay.get(day(2)), byDay.get(day(5))].filter((x) => x && !x.closed);
    for (const o of open) expect(o?.slots.map((s) => s.time)).toEqual(['10:00', '10:20', '10:40']);
    expect(open[0]?.slots[0].free).toBe(3);

    const list = await admin.get(`/api/schedules?officeId=${service.officeId}`);
    expect(list.status).toBe(200);
    expect(list.body.offices[0].closures.map((c: { reason: { it: string } }) => c.reason.it)).toContain('Inventario');
    expect((await admin.request('DELETE', `/api/schedules/closures/${closure.body.id}`)).status).toBe(204);
    expectApiError(await admin.request('DELETE', `/api/schedules/closures/${closure.body.id}`), 404, 'not_found');
  });
});
