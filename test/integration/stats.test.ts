/**
 * The statistics reconcile exactly with the event log: a generated day of 3000 tickets (plus
 * tickets around both local midnights of a daylight-saving day) is written straight into
 * PostgreSQL, and every figure of GET /api/stats and /api/stats.csv, for every grouping, is
 * compared with an independent computation here over the same generated events.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { expectApiError } from '../helpers/sportello';
import { generateDay, type GenAppointment, type GenEvent, type GeneratedDay } from '../helpers/stats-day';

const TZ = 'Europe/Rome';
// Summer time starts that night (02:00 → 03:00): the local day is 23 hours long.
const DAY = '2026-03-29';

let space: TestSpace;
let app: TestApp;
let gen: GeneratedDay;
let sup: ApiClient;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  gen = await generateDay(space, { day: DAY, tickets: 3000, appointments: 400, seed: 7, extraEdgeTickets: true });
  // Noise that must not count: another office's events in the same hours.
  const other = await space.db.office.findFirstOrThrow({ where: { isOneStop: false } });
  const t = await space.db.ticket.create({
    data: {
      code: 'noiseticket00001',
      number: 'N001',
      seq: 1,
      day: DAY,
      officeId: other.id,
      serviceId: gen.events[0].serviceId,
      originalServiceId: gen.events[0].serviceId,
      queuedAt: new Date(`${DAY}T09:00:00Z`),
      issuedAt: new Date(`${DAY}T09:00:00Z`),
    },
  });
  await space.db.ticketEvent.create({
    data: { ticketId: t.id, officeId: other.id, type: 'issued', at: new Date(`${DAY}T09:00:00Z`), serviceId: t.serviceId },
  });
  await space.db.appointment.create({
    data: {
      code: 'NOISEAPP',
      officeId: other.id,
      serviceId: t.serviceId,
      startsAt: new Date(`${DAY}T10:00:00Z`),
      endsAt: new Date(`${DAY}T10:15:00Z`),
      day: DAY,
      status: 'cancelled',
      createdAt: new Date(`${DAY}T08:00:00Z`),
      cancelledAt: new Date(`${DAY}T09:00:00Z`),
    },
  });
  sup = new ApiClient(app.url);
  await sup.login('supervisore');
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

// ---------------------------------------------------------------------------------------------
// The expected figures, computed here from the generated events (definitions: server/stats/figures.ts)
// ---------------------------------------------------------------------------------------------

/** PostgreSQL's percentile_cont: position p·(n−1) in the sorted values, linear interpolation. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

type GroupBy = 'day' | 'hour' | 'service' | 'counter' | 'staff';
interface Acc {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  waits: number[];
  within: number;
  visits: number[];
  apptBooked: number;
  apptCheckedIn: number;
  apptCancelled: number;
  apptNoShow: number;
}
const acc = (): Acc => ({
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  waits: [],
  within: 0,
  visits: [],
  apptBooked: 0,
  apptCheckedIn: 0,
  apptCancelled: 0,
  apptNoShow: 0,
});

type Fact = Pick<GenEvent, 'at' | 'serviceId' | 'counterId' | 'staffId'>;

function keyOf(e: Fact, g: GroupBy): string | null {
  const local = DateTime.fromJSDate(e.at, { zone: TZ });
  if (g === 'day') return local.toISODate();
  if (g === 'hour') return local.toFormat('HH');
  if (g === 'service') return e.serviceId;
  if (g === 'counter') return e.counterId;
  return e.staffId;
}

function expected(events: GenEvent[], appointments: GenAppointment[], from: string, to: string, g: GroupBy) {
  const start = DateTime.fromISO(from, { zone: TZ }).startOf('day').toMillis();
  const end = DateTime.fromISO(to, { zone: TZ }).plus({ days: 1 }).startOf('day').toMillis();
  const inRange = (e: GenEvent) => e.officeId === gen.officeId && e.at.getTime() >= start && e.at.getTime() < end;
  const groups = new Map<string | null, Acc>();
  const total = acc();
  const add = (e: Fact, f: (a: Acc) => void) => {
    const k = keyOf(e, g);
    if (!groups.has(k)) groups.set(k, acc());
    f(groups.get(k) as Acc);
    f(total);
  };
  const byTicket = new Map<string, GenEvent[]>();
  for (const e of events) if (e.officeId === gen.officeId) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
  for (const list of byTicket.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    const issued = list.find((e) => e.type === 'issued');
    const firstCall = list.find((e) => e.type === 'called');
    list.forEach((e, i) => {
      if (!inRange(e)) return;
      if (e.type === 'issued') add(e, (a) => a.issued++);
      if (e.type === 'completed') add(e, (a) => a.served++);
      if (e.type === 'no_show') add(e, (a) => a.noShow++);
      if (e.type === 'cancelled') add(e, (a) => a.cancelled++);
      if (e.type === 'transferred') add(e, (a) => a.transferred++);
      if (e.type === 'called' && e === firstCall && issued) {
        const ms = e.at.getTime() - issued.at.getTime();
        const target = gen.targets.get(e.serviceId) as number;
        add(e, (a) => {
          a.waits.push(ms / 60_000);
          if (ms <= target * 60_000) a.within++;
        });
      }
      if (e.type === 'completed') {
        const before = list.slice(0, i);
        const lastCall = before.filter((x) => x.type === 'called').at(-1);
        if (!lastCall) return;
        const lastStart = before.filter((x) => x.type === 'started' && x.at.getTime() > lastCall.at.getTime()).at(-1);
        const from = (lastStart ?? lastCall).at.getTime();
        add(e, (a) => a.visits.push((e.at.getTime() - from) / 60_000));
      }
    });
  }
  // Appointments: each write-once transition time is one fact; no counter, the booking clerk.
  for (const a of appointments) {
    if (a.officeId !== gen.officeId) continue;
    const facts: [Date | null, string | null, (x: Acc) => void][] = [
      [a.createdAt, a.bookedByStaffId, (x) => x.apptBooked++],
      [a.checkedInAt, null, (x) => x.apptCheckedIn++],
      [a.cancelledAt, null, (x) => x.apptCancelled++],
      [a.noShowAt, null, (x) => x.apptNoShow++],
    ];
    for (const [at, staffId, f] of facts) {
      if (at && at.getTime() >= start && at.getTime() < end) add({ at, serviceId: a.serviceId, counterId: null, staffId }, f);
    }
  }
  return { groups, total };
}

function expectFigures(actual: Record<string, unknown>, a: Acc, label: string) {
  const counts = {
    issued: a.issued,
    served: a.served,
    noShow: a.noShow,
    cancelled: a.cancelled,
    transferred: a.transferred,
    called: a.waits.length,
    withinTarget: a.within,
    apptBooked: a.apptBooked,
    apptCheckedIn: a.apptCheckedIn,
    apptCancelled: a.apptCancelled,
    apptNoShow: a.apptNoShow,
  };
  for (const [k, v] of Object.entries(counts)) expect(actual[k], `${label} ${k}`).toBe(v);
  expect(actual.serviceLevel, `${label} serviceLevel`).toBe(a.waits.length ? a.within / a.waits.length : null);
  const close = (got: unknown, want: number | null, what: string) => {
    if (want === null) expect(got, `${label} ${what}`).toBeNull();
    else expect(got as number, `${label} ${what}`).toBeCloseTo(want, 9);
  };
  close(actual.waitP50, percentileCont(a.waits, 0.5), 'waitP50');
  close(actual.waitP90, percentileCont(a.waits, 0.9), 'waitP90');
  close(actual.serviceP50, percentileCont(a.visits, 0.5), 'serviceP50');
  close(actual.serviceP90, percentileCont(a.visits, 0.9), 'serviceP90');
}

async function stats(from: string, to: string, g: GroupBy) {
  const r = await sup.get(`/api/stats?from=${from}&to=${to}&groupBy=${g}&officeId=${gen.officeId}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { rows: (Record<string, unknown> & { key: string | null })[]; total: Record<string, unknown> };
}

describe('statistics reconcile with the event log', () => {
  it('generated a realistic day', () => {
    expect(gen.tickets).toBeGreaterThanOrEqual(3000);
    const types = new Set(gen.events.map((e) => e.type));
    for (const t of ['issued', 'called', 'recalled', 'started', 'transferred', 'completed', 'no_show', 'cancelled'])
      expect(types.has(t as GenEvent['type'])).toBe(true);
    expect(gen.events.length).toBeGreaterThan(10_000);
    // Appointments of every outcome, some booked before the day.
    expect(gen.appointments.filter((a) => a.checkedInAt).length).toBeGreaterThan(100);
    expect(gen.appointments.filter((a) => a.cancelledAt).length).toBeGreaterThan(30);
    expect(gen.appointments.filter((a) => a.noShowAt).length).toBeGreaterThan(20);
    expect(gen.appointments.filter((a) => a.createdAt < new Date(`${DAY}T00:00:00Z`)).length).toBeGreaterThan(100);
  });

  for (const g of ['day', 'hour', 'service', 'counter', 'staff'] as GroupBy[]) {
    it(`matches every figure grouped by ${g}`, async () => {
      const body = await stats(DAY, DAY, g);
      const want = expected(gen.events, gen.appointments, DAY, DAY, g);
      expectFigures(body.total, want.total, 'total');
      const seen = new Set<string | null>();
      for (const row of body.rows) {
        seen.add(row.key);
        expectFigures(row, want.groups.get(row.key) ?? acc(), `${g}=${row.key}`);
      }
      // Every group the log has appears in the answer.
      for (const k of want.groups.keys()) expect(seen.has(k), `group ${k} missing`).toBe(true);
      expect(want.total.issued).toBeGreaterThan(2900);
      expect(want.total.apptBooked).toBeGreaterThan(50);
    });
  }

  it('cuts the days at local midnight, also across a daylight-saving change', async () => {
    const before = DateTime.fromISO(DAY).minus({ days: 1 }).toISODate() as string;
    const after = DateTime.fromISO(DAY).plus({ days: 1 }).toISODate() as string;
    const body = await stats(before, after, 'day');
    expect(body.rows.map((r) => r.key)).toEqual([before, DAY, after]);
    const want = expected(gen.events, gen.appointments, before, after, 'day');
    for (const row of body.rows) expectFigures(row, want.groups.get(row.key) ?? acc(), `day=${row.key}`);
    expectFigures(body.total, want.total, 'total');
    // The edge tickets fall on both sides of each midnight.
    expect(body.rows[0].issued).toBeGreaterThan(0);
    expect(body.rows[2].issued).toBeGreaterThan(0);
    // A naive UTC day would differ: the range's single day must not include the 23:00Z ticket of the eve.
    const single = await stats(DAY, DAY, 'day');
    expect(single.total.issued).toBe(want.groups.get(DAY)?.issued);
  });

  it('exports the same figures as CSV, properly escaped, as a download', async () => {
    const res = await fetch(`${app.url}/api/stats.csv?from=${DAY}&to=${DAY}&groupBy=service&officeId=${gen.officeId}&lang=it`, {
      headers: { cookie: (sup as unknown as { cookie: string }).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sportello-stats-service-2026-03-29_2026-03-29\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The UTF-8 byte-order mark (fetch's text() would silently drop it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'group_by,key,name,issued,served,no_show,cancelled,transferred,called,within_target,service_level,wait_p50_min,wait_p90_min,service_p50_min,service_p90_min,appointments_booked,appointments_checked_in,appointments_cancelled,appointments_no_show',
    );
    const json = await stats(DAY, DAY, 'service');
    expect(lines.length).toBe(json.rows.length + 2);
    const parse = (line: string) => {
      // Minimal RFC 4180 parser for the test.
      const out: string[] = [];
      let cur = '';
      let q = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (q && c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = !q;
        else if (c === ',' && !q) {
          out.push(cur);
          cur = '';
        } else cur += c;
      }
      out.push(cur);
      return out;
    };
    json.rows.forEach((row, i) => {
      const cells = parse(lines[i + 1]);
      expect(cells.length).toBe(19);
      expect(Number(cells[15])).toBe(row.apptBooked);
      expect(Number(cells[18])).toBe(row.apptNoShow);
      expect(cells[1]).toBe(row.key ?? '');
      expect(Number(cells[3])).toBe(row.issued);
      expect(Number(cells[4])).toBe(row.served);
      expect(Number(cells[5])).toBe(row.noShow);
      if (row.waitP50 !== null) expect(Number(cells[11])).toBeCloseTo(row.waitP50 as number, 2);
    });
    const total = parse(lines.at(-1) as string);
    expect(total[1]).toBe('total');
    expect(Number(total[3])).toBe(json.total.issued);
  });

  it('refuses bad input with 400 and other roles with 401/403', async () => {
    expectApiError(await sup.get(`/api/stats?from=${DAY}&to=2026-03-01`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats?from=2026-02-30&to=${DAY}`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats?from=${DAY}&to=${DAY}&groupBy=week`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats?from=2020-01-01&to=${DAY}`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats?to=${DAY}`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats.csv?from=x&to=${DAY}`), 400, 'invalid_input');
    expectApiError(await sup.get(`/api/stats?from=${DAY}&to=${DAY}&officeId=nope`), 404);
    expectApiError(await new ApiClient(app.url).get(`/api/stats?from=${DAY}&to=${DAY}`), 401);
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    expectApiError(await clerk.get(`/api/stats?from=${DAY}&to=${DAY}`), 403);
    expectApiError(await clerk.get(`/api/stats.csv?from=${DAY}&to=${DAY}`), 403);
  });
});
