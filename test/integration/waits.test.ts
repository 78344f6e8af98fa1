/**
 * Live waits for everyone and the staffing forecast, on a real app process: GET /api/public/waits
 * (open CORS, cacheable, licence stated, live queue figures, the best-time chart from a known
 * past) and GET /api/supervisor/forecast (supervisors only, expected arrivals from that past plus
 * booked appointments, counters needed, usual staffing from the counters' log). The past is
 * written relative to the real clock, so the assertions hold at any hour of any day.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erlangCounters } from '../../server/forecast/staffing';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { HISTORY, writeWaitsHistory } from '../helpers/waits-history';

const TZ = 'Europe/Rome';
let space: TestSpace;
let app: TestApp;
let officeId: string;
let serviceId: string;
let apptServiceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  const office = await space.db.office.findFirstOrThrow({ where: { slug: 'sportello-unico' } });
  officeId = office.id;
  serviceId = (await space.db.service.findFirstOrThrow({ where: { code: 'certificato-residenza' } })).id;
  apptServiceId = (await space.db.service.findFirstOrThrow({ where: { code: 'richiesta-spid-assistita' } })).id;
  // Open around the clock, whatever the hour of the run.
  await space.db.officeHours.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ officeId, weekday, opens: '00:00', closes: '24:00' })),
  });
  await space.db.patronDay.deleteMany({ where: { officeId } });
  const counters = await space.db.counter.findMany({ where: { officeId }, orderBy: { number: 'asc' } });
  await writeWaitsHistory(space.db, { officeId, serviceId, counterIds: counters.map((c) => c.id), timeZone: TZ });
  app = await startApp(space);
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('GET /api/public/waits', () => {
  it('is open data: any website may read it, caches may keep it 30 s, the licence is stated', async () => {
    const res = await fetch(`${app.url}/api/public/waits`, { headers: { origin: 'https://www.comune.example.it' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=30\b/);
    const body = await res.json();
    expect(body.licence.name).toBe('CC BY 4.0');
    expect(body.licence.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(body.refreshSeconds).toBe(30);
    // Only offices with walk-in services: the one-stop desk of the demo.
    expect(body.offices.map((o: { slug: string }) => o.slug)).toEqual(['sportello-unico']);

    const preflight = await fetch(`${app.url}/api/public/waits`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.comune.example.it', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');

    // Errors are readable cross-site too, and change nothing.
    const bad = await fetch(`${app.url}/api/public/waits?officeId=${'x'.repeat(80)}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${app.url}/api/public/waits?officeId=nope`);
    expect(missing.status).toBe(404);
  });

  it('shows the queue live: people waiting and the estimated wait with its range, per walk-in service', async () => {
    const api = new ApiClient(app.url);
    for (let i = 0; i < 3; i++) expect((await api.post('/api/tickets', { serviceId })).status).toBe(201);
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const counters = (await clerk.get('/api/counters')).body as { id: string; number: number; officeId: string }[];
    const c1 = counters.find((c) => c.officeId === officeId && c.number === 1)!;
    expect((await clerk.post(`/api/counters/${c1.id}/open`)).status).toBe(200);

    const { body } = await api.get('/api/public/waits');
    const office = body.offices[0];
    expect(office.walkIn.open).toBe(true);
    const desk = await space.db.service.count({ where: { officeId, mode: 'desk', active: true } });
    expect(office.services).toHaveLength(desk);
    const row = office.services.find((s: { serviceId: string }) => s.serviceId === serviceId);
    expect(row.waiting).toBe(3);
    expect(row.openCounters).toBe(1);
    // Somebody taking a ticket now is behind three visits of about five minutes.
    expect(row.estimatedWaitMinutes).toBeGreaterThanOrEqual(8);
    expect(row.estimatedWaitMinutes).toBeLessThanOrEqual(25);
    expect(row.estimatedWaitMinMinutes).toBeLessThanOrEqual(row.estimatedWaitMinutes);
    expect(row.estimatedWaitMaxMinutes).toBeGreaterThanOrEqual(row.estimatedWaitMinutes);
    // No names, no codes: counts and minutes only.
    expect(JSON.stringify(body)).not.toMatch(/"code"|"number"|displayName|username/);
  });

  it('has the best time to come: the median wait by weekday and hour of the last eight weeks', async () => {
    const { body } = await new ApiClient(app.url).get('/api/public/waits');
    const best = body.offices[0].bestTime;
    expect(best.weeks).toBe(8);
    const cells = best.cells as { weekday: number; hour: number; medianWaitMinutes: number | null; tickets: number }[];
    for (let weekday = 1; weekday <= 7; weekday++) {
      const at = (hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);
      expect(at(HISTORY.morning.hour)?.medianWaitMinutes).toBe(HISTORY.morning.waitMinutes);
      expect(at(HISTORY.afternoon.hour)?.medianWaitMinutes).toBe(HISTORY.afternoon.waitMinutes);
      expect(at(HISTORY.morning.hour)!.tickets).toBeGreaterThanOrEqual(7 * HISTORY.morning.tickets);
    }
    expect(cells.every((c) => c.hour === HISTORY.morning.hour || c.hour === HISTORY.afternoon.hour || c.tickets <= 3)).toBe(true);
  });

  it('is in the OpenAPI document with its licence', async () => {
    const doc = (await new ApiClient(app.url).get('/api/openapi.json')).body;
    const op = doc.paths['/api/public/waits'].get;
    expect(op.summary).toContain('CC BY 4.0');
    expect(op.summary).toContain('Access-Control-Allow-Origin');
    expect(op.responses['200'].content['application/json'].schema.properties.licence).toBeDefined();
  });
});

describe('GET /api/supervisor/forecast', () => {
  it('is for supervisors only, and checks its input', async () => {
    expect((await new ApiClient(app.url).get('/api/supervisor/forecast')).status).toBe(401);
    const op = new ApiClient(app.url);
    await op.login('operatore2');
    expect((await op.get('/api/supervisor/forecast')).status).toBe(403);
    const sup = new ApiClient(app.url);
    await sup.login('supervisore');
    expect((await sup.get('/api/supervisor/forecast?share=2')).status).toBe(400);
    expect((await sup.get('/api/supervisor/forecast?days=0')).status).toBe(400);
  });

  it('forecasts arrivals from the same weekdays and the booked appointments, and the counters they need', async () => {
    const sup = new ApiClient(app.url);
    await sup.login('supervisore');
    // Four appointments booked at 11:00 on each of the next three days.
    const today = DateTime.now().setZone(TZ).startOf('day');
    for (let d = 1; d <= 3; d++) {
      const day = today.plus({ days: d });
      for (let i = 0; i < 4; i++)
        await space.db.appointment.create({
          data: {
            code: `FC${d}${i}AAAA`.slice(0, 8),
            officeId,
            serviceId: apptServiceId,
            startsAt: day.set({ hour: 11 }).toJSDate(),
            endsAt: day.set({ hour: 11, minute: 15 }).toJSDate(),
            day: day.toISODate()!,
            status: 'booked',
            channel: 'counter',
          },
        });
    }
    const res = await sup.get(`/api/supervisor/forecast?officeId=${officeId}&days=3&share=0.9`);
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.share).toBe(0.9);
    expect(f.weeks).toBe(8);
    expect(f.days).toHaveLength(3);
    expect(f.days[0].day).toBe(today.plus({ days: 1 }).toISODate());
    // Visits of five minutes, call to completion.
    expect(f.serviceMinutes).toBeCloseTo(5, 5);
    const open = f.days.filter((d: { closed: string | null }) => d.closed === null);
    expect(open.length).toBeGreaterThan(0); // at most one holiday in three days
    for (const day of open) {
      const hour = (h: number) => day.hours.find((x: { hour: number }) => x.hour === h);
      expect(day.hours).toHaveLength(24);
      expect(hour(HISTORY.morning.hour).walkIns).toBe(HISTORY.morning.tickets);
      expect(hour(HISTORY.afternoon.hour).walkIns).toBe(HISTORY.afternoon.tickets);
      expect(hour(3).arrivals).toBe(0);
      expect(hour(3).countersNeeded).toBe(0);
      // Booked appointments count with the usual show-up share (85 % without history).
      expect(hour(11).appointments).toBeCloseTo(3.4, 5);
      // Six an hour, five-minute visits, 90 % within 15 minutes: one counter serves 89 %, so two.
      const work = { arrivalsPerHour: HISTORY.morning.tickets, serviceMinutes: 5 };
      expect(erlangCounters(work, [{ minutes: 15, weight: 1 }], 0.9, 10)).toBe(2);
      expect(hour(HISTORY.morning.hour).erlangC).toBe(2);
      expect(hour(HISTORY.morning.hour).countersNeeded).toBe(2);
      expect(hour(HISTORY.morning.hour).simulatedShare).toBeGreaterThanOrEqual(0.9);
      // The usual staffing from the counters' log: two desks from 9 to 12.
      expect(hour(10).countersPlanned).toBe(HISTORY.counters.count);
      expect(hour(15).countersPlanned).toBe(0);
    }
  });
});
