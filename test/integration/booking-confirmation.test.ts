/**
 * Online bookings held `pending` until the citizen confirms the e-mailed link, in the test process
 * on real PostgreSQL and Redis, with the time injected: the hold counts against the capacity, is
 * released by the expiry (job and sweep), gets no reminders, and the bookings per contact and day
 * are limited. Counter and registered-kiosk bookings need no confirmation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../server/appointments/book';
import { confirmBooking, expireOverduePending, expirePendingBooking } from '../../server/appointments/confirm';
import { appointmentQueue, closeAppointmentQueue, expiryJobId, noShowJobId, reminderJobId } from '../../server/appointments/jobs';
import { sendReminder } from '../../server/appointments/reminders';
import type { Runtime } from '../../server/runtime';
import { confirmTokenIn, waitForMail } from '../helpers/outbox';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let runtime: Runtime;
let outbox: string;
let serviceId: string;
let officeId: string;

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A Wednesday far from any holiday; bookings are made the day before. */
const T = new Date('2036-03-12T09:00:00Z');
const NOW = new Date(T.getTime() - 26 * HOUR);
let nextSlot = 0;
/** A slot of its own for each booking (quarters after T), so tests do not share places. */
const freshSlot = () => new Date(T.getTime() + nextSlot++ * 15 * MIN);
let mailbox = 0;
const person = () => ({ name: 'Carla Blu', email: `carla${++mailbox}@example.org`, privacyConsent: true as const });

async function bookOnline(startsAt: Date, extra: Record<string, unknown> = {}, now = NOW) {
  const r = await bookAppointment({ serviceId, officeId, startsAt: startsAt.toISOString(), ...person(), ...extra }, { now });
  if (r.status !== 'pending' || !('holdUntil' in r)) throw new Error(`expected a pending booking, got ${r.status}`);
  return r;
}

async function tokenFor(email: string) {
  return confirmTokenIn(await waitForMail(outbox, (t) => t.includes(`To: ${email}`) && t.includes('/book/confirm/')));
}

const placesTaken = async (startsAt: Date) =>
  (
    await space.db.appointmentSlot.findUnique({
      where: { officeId_serviceId_startsAt: { officeId, serviceId, startsAt } },
    })
  )?.booked ?? 0;

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  space = await createTestSpace();
  runtime = useInProcessRuntime(space);
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-confirm-'));
  runtime.config.mail.outboxDir = outbox;
  const service = await space.db.service.findFirstOrThrow({ where: { code: 'cambio-residenza' } });
  serviceId = service.id;
  officeId = service.officeId;
  // Round the clock, 15-minute slots, one place each.
  await space.db.schedule.update({
    where: { officeId_serviceId: { officeId, serviceId } },
    data: {
      slotMinutes: 15,
      capacity: 1,
      minNoticeMinutes: 0,
      hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })) },
    },
  });
  await space.db.patronDay.deleteMany({});
});

afterAll(async () => {
  await closeAppointmentQueue();
  await space?.drop();
});

describe('a pending online booking', () => {
  it('holds the place for BOOKING_CONFIRM_MINUTES; confirming books it and schedules its reminders', async () => {
    const start = freshSlot();
    const p = await bookOnline(start);
    expect(new Date(p.holdUntil as string).getTime()).toBe(NOW.getTime() + runtime.config.booking.confirmMinutes * MIN);
    // The hold takes the only place: nobody else can book it meanwhile.
    expect(await placesTaken(start)).toBe(1);
    await expect(bookOnline(start)).rejects.toMatchObject({ status: 409, code: 'slot_full' });

    // No reminder, no no-show job while unconfirmed; the expiry job is there.
    const q = appointmentQueue();
    expect(
      await eventually(
        () => q.getJob(expiryJobId(p)),
        (j) => j !== undefined,
      ),
    ).toBeDefined();
    expect(await q.getJob(reminderJobId({ id: p.id, startsAt: start }, 2))).toBeUndefined();
    expect(await q.getJob(noShowJobId({ id: p.id, startsAt: start }))).toBeUndefined();
    expect(await sendReminder(p.id, 2, start)).toBe(false);

    const token = await tokenFor(p.email as string);
    const booked = await confirmBooking(token, new Date(NOW.getTime() + 10 * MIN));
    expect(booked.status).toBe('booked');
    expect(booked.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(await placesTaken(start)).toBe(1);
    const row = await space.db.appointment.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ status: 'booked', holdUntil: null, confirmedAt: new Date(NOW.getTime() + 10 * MIN) });
    expect(
      await eventually(
        () => q.getJob(reminderJobId({ id: p.id, startsAt: start }, 2)),
        (j) => j !== undefined,
      ),
    ).toBeDefined();
    // The expiry, when its job runs anyway, leaves a confirmed booking alone.
    expect(await expirePendingBooking(p.id, new Date(NOW.getTime() + HOUR))).toBe(false);
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('booked');
  });

  it('is released at the end of the hold: the place is free again, the link is refused', async () => {
    const start = freshSlot();
    const p = await bookOnline(start);
    const holdEnd = new Date(p.holdUntil as string);
    // Not before the hold ends.
    expect(await expirePendingBooking(p.id, new Date(holdEnd.getTime() - 1000))).toBe(false);
    expect(await placesTaken(start)).toBe(1);
    expect(await expirePendingBooking(p.id, holdEnd)).toBe(true);
    // Twice (job and sweep) releases once.
    expect(await expirePendingBooking(p.id, holdEnd)).toBe(false);
    expect(await placesTaken(start)).toBe(0);
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('expired');
    await expect(confirmBooking(await tokenFor(p.email as string), holdEnd)).rejects.toMatchObject({
      status: 409,
      code: 'booking_expired',
    });
    // Somebody else can have the place now.
    await bookOnline(start, {}, new Date(holdEnd.getTime() + MIN));
    expect(await placesTaken(start)).toBe(1);
  });

  it('confirmed too late is refused and released even if no job ran', async () => {
    const start = freshSlot();
    const p = await bookOnline(start);
    const late = new Date(new Date(p.holdUntil as string).getTime() + MIN);
    await expect(confirmBooking(await tokenFor(p.email as string), late)).rejects.toMatchObject({ code: 'booking_expired' });
    expect(await placesTaken(start)).toBe(0);
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('expired');
  });

  it('is released by the sweep when its job was lost', async () => {
    const [s1, s2] = [freshSlot(), freshSlot()];
    const a = await bookOnline(s1);
    const b = await bookOnline(s2);
    await appointmentQueue().remove(expiryJobId(a));
    const after = new Date(new Date(b.holdUntil as string).getTime() + 1000);
    expect(await expireOverduePending(after)).toBeGreaterThanOrEqual(2);
    expect([await placesTaken(s1), await placesTaken(s2)]).toEqual([0, 0]);
  });
});

describe('who needs no confirmation', () => {
  it("a clerk at the counter and a paired kiosk screen book at once; no screen, or another kiosk's id, is refused", async () => {
    const staff = await space.db.staff.findUniqueOrThrow({ where: { username: 'anagrafe1' } });
    const actor = { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role };
    const counter = await bookAppointment(
      { serviceId, officeId, startsAt: freshSlot().toISOString(), name: 'Al Banco', privacyConsent: true, channel: 'counter' },
      { actor, now: NOW },
    );
    expect(counter.status).toBe('booked');
    const kiosk = await bookAppointment(
      { serviceId, officeId, startsAt: freshSlot().toISOString(), name: 'Al Chiosco', privacyConsent: true, channel: 'kiosk' },
      { kiosk: { id: 'kiosk-1' }, now: NOW },
    );
    expect(kiosk.status).toBe('booked');
    await expect(
      bookAppointment(
        {
          serviceId,
          officeId,
          startsAt: freshSlot().toISOString(),
          name: 'Altro Chiosco',
          privacyConsent: true,
          channel: 'kiosk',
          kioskId: 'kiosk-2',
        },
        { kiosk: { id: 'kiosk-1' }, now: NOW },
      ),
    ).rejects.toMatchObject({ status: 403, code: 'wrong_kiosk' });
    const start = freshSlot();
    await expect(
      bookAppointment(
        { serviceId, officeId, startsAt: start.toISOString(), name: 'Finto Chiosco', privacyConsent: true, channel: 'kiosk' },
        { now: NOW },
      ),
    ).rejects.toMatchObject({ status: 403, code: 'kiosk_not_registered' });
    expect(await placesTaken(start)).toBe(0);
  });
});

describe('bookings per contact and day', () => {
  it('refuses the contact over the limit (e-mail in any case, phone by its digits) until the next day', async () => {
    runtime.config.booking.perContactPerDay = 2;
    try {
      const email = 'limit@example.org';
      await bookOnline(freshSlot(), { email, phone: '+39 (333) 000-1111' });
      await bookOnline(freshSlot(), { email: 'LIMIT@Example.org', phone: '+39 333 000 1111' });
      const start = freshSlot();
      await expect(bookOnline(start, { email })).rejects.toMatchObject({ status: 429, code: 'contact_limit' });
      // Another address, the same phone number written differently.
      await expect(bookOnline(start, { email: 'other@example.org', phone: '+393330001111' })).rejects.toMatchObject({
        code: 'contact_limit',
      });
      expect(await placesTaken(start)).toBe(0);
      // Parallel attempts of one contact are counted one after the other.
      const racer = 'racer@example.org';
      const results = await Promise.allSettled(
        [freshSlot(), freshSlot(), freshSlot(), freshSlot()].map((s) => bookOnline(s, { email: racer })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      // A new day (TIME_ZONE midnight), a new allowance.
      await bookOnline(freshSlot(), { email }, new Date(NOW.getTime() + 24 * HOUR));
    } finally {
      runtime.config.booking.perContactPerDay = 3;
    }
  });
});
