/**
 * The appointment's life around its day, in the test process on real PostgreSQL and Redis:
 * reminders scheduled and removed (BullMQ delayed jobs), reminder e-mails sent once, no-show
 * marking, personal data retention, check-in windows, and "call next" taking checked-in
 * appointments at their booked time.
 *
 * No test reads the wall clock: every function gets its `now`, and each group of tests lives on
 * its own fixed days, so two groups never meet in one slot whatever the date and hour of the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/actor';
import { bookConfirmed } from '../helpers/booking';
import { checkIn } from '../../server/appointments/check-in';
import { appointmentQueue, closeAppointmentQueue, noShowJobId, reminderJobId } from '../../server/appointments/jobs';
import { cancelByToken, rescheduleByToken } from '../../server/appointments/manage';
import { markNoShow, markOverdueNoShows } from '../../server/appointments/no-show';
import { sendReminder } from '../../server/appointments/reminders';
import { erasePastPersonalData } from '../../server/appointments/retention';
import { todayAppointments } from '../../server/appointments/today';
import { openCounter } from '../../server/counters/operations';
import { reconcileOffice } from '../../server/queue/engine';
import type { Runtime } from '../../server/runtime';
import { callNext } from '../../server/counters/calls';
import { completeTicket } from '../../server/tickets/actions';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let runtime: Runtime;
let outbox: string;
let serviceId: string;
let officeId: string;
let clerk: Actor;

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Rounds down to a 15-minute slot start (the test schedule's grid, in whole UTC quarters). */
const quarter = (ms: number) => new Date(Math.floor(ms / (15 * MIN)) * 15 * MIN);
/** The "now" of each group of tests (no national holiday near any of them). */
const REMINDERS_NOW = Date.parse('2026-03-09T08:07:00Z');
const NO_SHOW_NOW = Date.parse('2025-11-12T10:07:00Z');
const RETENTION_NOW = Date.parse('2026-01-20T10:07:00Z');
const OFFICE_DAY_NOW = new Date('2026-06-16T08:37:00Z');
const person = { name: 'Anna Verdi', email: 'anna.verdi@example.org', privacyConsent: true as const };

async function book(startsAt: Date, extra: Record<string, unknown> = {}) {
  // Booked the day before, so any time of "today" is bookable.
  return bookConfirmed(
    { serviceId, officeId, startsAt: startsAt.toISOString(), ...person, ...extra },
    { now: new Date(startsAt.getTime() - 26 * HOUR) },
  );
}

/** Polls until `ok` (jobs are added in the background); gives up after `tries` (a liveness bound, not a timing assertion). */
async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, tries = 100): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await fn();
    if (ok(v) || i >= tries) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  space = await createTestSpace();
  runtime = useInProcessRuntime(space);
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-outbox-'));
  runtime.config.mail.outboxDir = outbox;
  const service = await space.db.service.findFirstOrThrow({ where: { code: 'cambio-residenza' } });
  serviceId = service.id;
  officeId = service.officeId;
  // Round the clock, 15-minute slots, two places, no notice: any quarter of any day is a slot.
  await space.db.schedule.update({
    where: { officeId_serviceId: { officeId, serviceId } },
    data: {
      slotMinutes: 15,
      capacity: 2,
      minNoticeMinutes: 0,
      hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })) },
    },
  });
  // No national holiday or patron day may close "today" for this test.
  await space.db.patronDay.deleteMany({});
  const staff = await space.db.staff.findUniqueOrThrow({ where: { username: 'anagrafe1' } });
  clerk = { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role };
});

afterAll(async () => {
  await closeAppointmentQueue();
  await space?.drop();
});

describe('reminders', () => {
  it('are delayed jobs with deterministic ids, removed on cancel, moved on reschedule', async () => {
    const now = new Date(REMINDERS_NOW);
    const start = quarter(REMINDERS_NOW + 4 * 24 * HOUR);
    const a = await bookConfirmed({ serviceId, officeId, startsAt: start.toISOString(), ...person }, { now });
    const q = appointmentQueue();
    const at = (id: string) =>
      eventually(
        () => q.getJob(id),
        (j) => j !== undefined,
      );
    const ids = {
      r48: reminderJobId({ id: a.id, startsAt: start }, 48),
      r2: reminderJobId({ id: a.id, startsAt: start }, 2),
      noShow: noShowJobId({ id: a.id, startsAt: start }),
    };
    const j48 = await at(ids.r48);
    const j2 = await at(ids.r2);
    const jNoShow = await at(ids.noShow);
    expect(await j48?.getState()).toBe('delayed');
    expect(j48?.name).toBe('reminder');
    // Delay = time from the booking until start − 48 h.
    expect(j48?.delay).toBe(start.getTime() - 48 * HOUR - now.getTime());
    expect(j2?.delay).toBe(start.getTime() - 2 * HOUR - now.getTime());
    expect(jNoShow?.delay).toBe(start.getTime() + 15 * MIN - now.getTime());

    // Moved: the old jobs go, the new time gets its own.
    const later = new Date(start.getTime() + 24 * HOUR);
    const moved = await rescheduleByToken(a.token, { startsAt: later.toISOString() }, now);
    const newIds = {
      r48: reminderJobId({ id: a.id, startsAt: later }, 48),
      r2: reminderJobId({ id: a.id, startsAt: later }, 2),
      noShow: noShowJobId({ id: a.id, startsAt: later }),
    };
    for (const id of Object.values(newIds)) expect(await at(id)).toBeDefined();
    for (const id of Object.values(ids))
      expect(
        await eventually(
          () => q.getJob(id),
          (j) => j === undefined,
        ),
      ).toBeUndefined();

    // Cancelled: nothing left for it.
    await cancelByToken(moved.token, now);
    for (const id of Object.values(newIds))
      expect(
        await eventually(
          () => q.getJob(id),
          (j) => j === undefined,
        ),
      ).toBeUndefined();
    const delayed = await q.getDelayed();
    expect(delayed.filter((j) => (j.data as { appointmentId: string }).appointmentId === a.id)).toEqual([]);
  });

  it('are not scheduled when their time has passed or without an e-mail address', async () => {
    const now = new Date(REMINDERS_NOW);
    const soon = quarter(REMINDERS_NOW + 5 * HOUR);
    const a = await bookConfirmed({ serviceId, officeId, startsAt: soon.toISOString(), ...person }, { now });
    const q = appointmentQueue();
    expect(
      await eventually(
        () => q.getJob(noShowJobId({ id: a.id, startsAt: soon })),
        (j) => j !== undefined,
      ),
    ).toBeDefined();
    expect(await q.getJob(reminderJobId({ id: a.id, startsAt: soon }, 2))).toBeDefined();
    expect(await q.getJob(reminderJobId({ id: a.id, startsAt: soon }, 48))).toBeUndefined();
    const noMail = await bookConfirmed(
      {
        serviceId,
        officeId,
        startsAt: soon.toISOString(),
        name: 'Senza Mail',
        phone: '3331234567',
        privacyConsent: true,
      },
      { now },
    );
    expect(
      await eventually(
        () => q.getJob(noShowJobId({ id: noMail.id, startsAt: soon })),
        (j) => j !== undefined,
      ),
    ).toBeDefined();
    expect(await q.getJob(reminderJobId({ id: noMail.id, startsAt: soon }, 2))).toBeUndefined();
  });

  it('mail once with the cancel link, and never for a moved or cancelled appointment', async () => {
    const start = quarter(REMINDERS_NOW + 3 * 24 * HOUR);
    const a = await book(start);
    expect(await sendReminder(a.id, 48, start)).toBe(true);
    expect(await sendReminder(a.id, 48, start)).toBe(false); // a duplicated job
    expect(await sendReminder(a.id, 2, new Date(start.getTime() + 15 * MIN))).toBe(false); // stale time
    // The .eml files are quoted-printable: undo the soft line breaks and =XX escapes to read them.
    const decode = (qp: string) =>
      Buffer.from(
        qp.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    // Header words with accents ("giovedì" in the subject's date) are RFC 2047 encoded-words.
    const decodeWords = (eml: string) =>
      eml.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
        enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decode(text.replace(/_/g, ' ')),
      );
    const files = fs.readdirSync(outbox).map((f) => decode(decodeWords(fs.readFileSync(path.join(outbox, f), 'utf8'))));
    const reminders = files.filter((f) => f.includes('Subject: Promemoria'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain(`/book/manage/${a.token}`);
    await cancelByToken(a.token, new Date(REMINDERS_NOW));
    expect(await sendReminder(a.id, 2, start)).toBe(false);
  });
});

describe('no-show and retention', () => {
  it('marks an appointment nobody checked in for after the late window, once', async () => {
    const start = quarter(NO_SHOW_NOW - 2 * HOUR);
    const a = await book(start);
    expect(await markNoShow(a.id, new Date(start.getTime() + 10 * MIN))).toBe(false); // still inside the late window
    expect(await markNoShow(a.id, new Date(start.getTime() + 16 * MIN))).toBe(true);
    expect(await markNoShow(a.id, new Date(start.getTime() + 20 * MIN))).toBe(false);
    const row = await space.db.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe('no_show');
    expect(row.noShowAt).not.toBeNull();
    // The sweep catches what a lost delayed job would have missed.
    const b = await book(start);
    expect(await markOverdueNoShows(new Date(NO_SHOW_NOW))).toBeGreaterThanOrEqual(1);
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('no_show');
  });

  it('erases name, e-mail and phone after the retention period, keeping the statistics fields', async () => {
    const start = quarter(RETENTION_NOW - 40 * 24 * HOUR);
    const a = await book(start, { phone: '+39 333 0000000' });
    const recent = await book(quarter(RETENTION_NOW - 2 * 24 * HOUR));
    expect(await erasePastPersonalData(new Date(RETENTION_NOW))).toBeGreaterThanOrEqual(1);
    const row = await space.db.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.name, row.email, row.phone]).toEqual([null, null, null]);
    expect(row.erasedAt).not.toBeNull();
    expect(row.startsAt).toEqual(start);
    expect(row.serviceId).toBe(serviceId);
    expect(row.status).toBe('booked');
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: recent.id } })).name).toBe('Anna Verdi');
  });
});

describe('check-in windows', () => {
  const T = new Date('2026-12-02T09:00:00Z'); // 10:00 in Rome
  let code: string;

  beforeAll(async () => {
    code = (await book(T)).code;
  });

  it('refuses too early with the time to come back', async () => {
    await expect(checkIn({ code }, new Date(T.getTime() - 45 * MIN))).rejects.toMatchObject({
      status: 422,
      code: 'checkin_too_early',
      details: { comeBackTime: '09:30', time: '10:00' },
    });
    await expect(checkIn({ code }, new Date(T.getTime() - 24 * HOUR))).rejects.toMatchObject({
      status: 422,
      code: 'checkin_wrong_day',
    });
    await expect(checkIn({ code: 'ZZZZ-ZZZZ' }, T)).rejects.toMatchObject({ status: 404, code: 'appointment_not_found' });
  });

  it('accepts early arrivals inside the window: the ticket ranks at the booked time', async () => {
    const res = await checkIn({ code: code.toLowerCase().replace('-', ' ') }, new Date(T.getTime() - 20 * MIN));
    expect(res.ticket.priority).toBe('appointment');
    const t = await space.db.ticket.findUniqueOrThrow({ where: { id: res.ticket.id } });
    expect(t.queuedAt).toEqual(T);
    expect(t.issuedAt).toEqual(new Date(T.getTime() - 20 * MIN));
    const appt = await space.db.appointment.findFirstOrThrow({ where: { ticketId: t.id } });
    expect(appt.status).toBe('checked_in');
    // Scanning again gives the same ticket.
    const again = await checkIn({ code }, new Date(T.getTime() - 19 * MIN));
    expect(again.already).toBe(true);
    expect(again.ticket.id).toBe(res.ticket.id);
  });

  it('offers a walk-in ticket when too late', async () => {
    const late = await book(T);
    await expect(checkIn({ code: late.code }, new Date(T.getTime() + 16 * MIN))).rejects.toMatchObject({
      status: 422,
      code: 'checkin_too_late',
      details: { walkIn: true },
    });
    const res = await checkIn({ code: late.code, walkIn: true }, new Date(T.getTime() + 17 * MIN));
    expect(res.late).toBe(true);
    expect(res.ticket.priority).toBe('none');
    const t = await space.db.ticket.findUniqueOrThrow({ where: { id: res.ticket.id } });
    expect(t.queuedAt).toEqual(new Date(T.getTime() + 17 * MIN));
  });

  it('accepts the QR content (the manage link) as well as the code, and refuses a cancelled appointment', async () => {
    const viaLink = await book(new Date(T.getTime() + 15 * MIN));
    const res = await checkIn({ code: `${viaLink.manageUrl}\n` }, new Date(T.getTime() + 10 * MIN));
    expect(res.appointment.code).toBe(viaLink.code);
    expect(res.appointment).not.toHaveProperty('name');
    const gone = await book(new Date(T.getTime() + 30 * MIN));
    await space.db.appointment.update({ where: { id: gone.id }, data: { status: 'cancelled' } });
    await expect(checkIn({ code: gone.code }, T)).rejects.toMatchObject({ status: 409, code: 'appointment_cancelled' });
  });
});

describe('the day at the office', () => {
  it('"call next" takes checked-in appointments at their booked time, before later walk-ins, never before their time', async () => {
    const now = OFFICE_DAY_NOW;
    const onTime = quarter(now.getTime() - 5 * MIN); // its time has come (5–20 minutes ago)
    const future = quarter(now.getTime() + 25 * MIN); // checked in early (10–25 minutes ahead): not callable yet
    const missed = quarter(now.getTime() - 60 * MIN); // too late: walk-in ticket ranked by arrival
    const counter = await space.db.counter.findFirstOrThrow({ where: { officeId }, orderBy: { number: 'asc' } });
    await openCounter(clerk, counter.id, [serviceId]);

    // The late citizen gets a walk-in ticket one minute after the slot time of the on-time one,
    // who checks in two minutes later still: the appointment must be called first all the same.
    const aMissed = await book(missed);
    const walkIn = await checkIn({ code: aMissed.code, walkIn: true }, new Date(onTime.getTime() + MIN));
    const aOnTime = await book(onTime);
    const appt = await checkIn({ code: aOnTime.code }, new Date(onTime.getTime() + 3 * MIN));
    const aFuture = await book(future);
    const early = await checkIn({ code: aFuture.code }, now);
    expect(early.ticket.priority).toBe('appointment');

    const today = await todayAppointments(officeId, now);
    const byId = new Map(today.appointments.map((x) => [x.code, x]));
    expect(byId.get(aOnTime.code)?.status).toBe('checked_in');
    expect(byId.get(aOnTime.code)?.ticket?.number).toBe(appt.ticket.number);

    // After a Redis flush the reconciler rebuilds the same order.
    await space.flushRedis();
    await reconcileOffice(officeId);

    const first = await callNext(clerk, counter.id, now);
    expect(first?.id).toBe(appt.ticket.id); // booked before the late walk-in arrived
    const servingNow = await todayAppointments(officeId, now);
    expect(servingNow.appointments.find((x) => x.code === aOnTime.code)?.status).toBe('serving');
    await completeTicket(clerk, first!.id, { outcome: 'done' });
    const second = await callNext(clerk, counter.id, now);
    expect(second?.id).toBe(walkIn.ticket.id);
    await completeTicket(clerk, second!.id, { outcome: 'done' });
    // The early appointment waits for its slot: nobody callable now.
    expect(await callNext(clerk, counter.id, now)).toBeNull();
    const done = await todayAppointments(officeId, now);
    expect(done.appointments.find((x) => x.code === aOnTime.code)?.status).toBe('done');
    expect(done.appointments.find((x) => x.code === aFuture.code)?.status).toBe('checked_in');
  });
});
