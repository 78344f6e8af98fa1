import pg from 'pg';
import type { CounterEventType, Priority, TicketEventType, TicketStatus } from '../server/db/generated/enums';
import { normal, seeded } from '../server/estimates/random';
import { playForward, type SimCounter, type SimTicket } from '../server/estimates/simulate-wait';
import { italianHolidays } from '../server/schedules/holidays';
import { addDays, weekdayOf } from '../server/schedules/slots';
import { formatTicketNumber, newPublicCode } from '../server/tickets/numbering';
import { at, drawDay, playedTicket, queuedAtOf, rankOf, serviceMix, type Citizen, type DrawnDay } from './day';
import type { SimOffice } from './office';
import { NO_SHOW_MINUTES, weekdayPlan, type DayPlan } from './scenario';

/**
 * Past weeks of the simulated desk, written straight into PostgreSQL (tickets and their events,
 * as the engine writes them): what the estimator, the live-waits chart and the staffing forecast
 * learn from. Each past day is drawn like a simulated day and played forward with the call-next
 * policy (server/estimates/simulate-wait.ts) instead of the engine — the same order, thousands of
 * times faster. Only the simulated day itself goes through the real engine.
 */

const MIN = 60_000;

export interface PlayedCitizen {
  citizen: Citizen;
  /** The call (first leg), or null when the citizen left first. */
  calledAt: number | null;
  counter: number | null;
  /** A transfer's second leg. */
  second: { calledAt: number; counter: number } | null;
}

export interface PlayedDay {
  citizens: PlayedCitizen[];
  /** When each desk opened, paused, resumed and closed (by counter number). */
  counterEvents: { counter: number; type: CounterEventType; at: number }[];
}

/** Plays one drawn day forward with the plan's desks, breaks and closing rules. */
export function playDay(office: SimOffice, plan: DayPlan, day: string, drawn: DrawnDay): PlayedDay {
  const tz = office.timeZone;
  const closes = new Set(plan.sessions.map((s) => s.closes));
  const shifts = plan.shifts.filter((s) => office.counters.has(s.counter));
  const counters: SimCounter[] = shifts.map((s) => {
    const c = office.counters.get(s.counter)!;
    return {
      id: c.id,
      staffId: c.actor.staffId,
      services: c.boosts,
      freeAt: at(day, s.from, tz),
      closesAt: at(day, s.to, tz),
      drain: closes.has(s.to),
      breaks: s.break ? [{ from: at(day, s.break.at, tz), ms: s.break.minutes * MIN }] : [],
    };
  });
  const counterEvents: PlayedDay['counterEvents'] = [];
  const id = (code: string) => office.services.get(code)!.id;
  const tickets: SimTicket[] = drawn.citizens.map((c, i) =>
    playedTicket(
      {
        id: String(i).padStart(6, '0'),
        serviceId: id(c.serviceCode),
        score: rankOf(c),
        arrivesAt: c.arriveAt,
        citizen: c,
        leg: 1,
      },
      id,
    ),
  );
  const res = playForward(counters, tickets);
  const secondOf = new Map(res.extra.map((t, k) => [t.id.slice(0, -1), tickets.length + k]));
  shifts.forEach((s, k) => {
    counterEvents.push({ counter: s.counter, type: 'opened', at: counters[k]!.freeAt });
    // A desk closes at the end of its shift once its last visit is over.
    counterEvents.push({ counter: s.counter, type: 'closed', at: Math.max(counters[k]!.closesAt, res.lastFree[k]!) });
  });
  for (const b of res.breaks) {
    counterEvents.push({ counter: shifts[b.counter]!.counter, type: 'paused', at: b.from });
    counterEvents.push({ counter: shifts[b.counter]!.counter, type: 'resumed', at: b.to });
  }
  const citizens = drawn.citizens.map((citizen, i) => {
    const calledAt = res.calledAt[i]!;
    const k = secondOf.get(tickets[i]!.id);
    const second =
      k !== undefined && Number.isFinite(res.calledAt[k]!)
        ? { calledAt: res.calledAt[k]!, counter: shifts[res.counter[k]!]!.counter }
        : null;
    return {
      citizen,
      calledAt: Number.isFinite(calledAt) ? calledAt : null,
      counter: Number.isFinite(calledAt) ? shifts[res.counter[i]!]!.counter : null,
      second,
    };
  });
  return { citizens, counterEvents };
}

/** Open weekdays in the `weeks` weeks before `day` (national holidays skipped), oldest first. */
export function pastDays(day: string, weeks: number): string[] {
  const out: string[] = [];
  for (let d = addDays(day, -7 * weeks); d < day; d = addDays(d, 1)) {
    if (weekdayOf(d) > 5) continue;
    if (italianHolidays(Number(d.slice(0, 4))).has(d)) continue;
    out.push(d);
  }
  return out;
}

interface TicketRow {
  id: string;
  code: string;
  number: string;
  seq: number;
  day: string;
  officeId: string;
  serviceId: string;
  originalServiceId: string;
  priority: Priority;
  status?: TicketStatus;
  queuedAt: Date;
  issuedAt: Date;
  calledAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  recallCount?: number;
  counterId?: string;
  staffId?: string;
  outcome?: string;
}

interface EventRow {
  ticketId: string;
  officeId: string;
  type: TicketEventType;
  at: Date;
  serviceId: string;
  fromServiceId?: string;
  counterId?: string;
  staffId?: string;
  data?: unknown;
}

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

interface CounterEventRow {
  counterId: string;
  officeId: string;
  type: CounterEventType;
  at: Date;
  staffId: string;
}

/** Thousands of rows per statement: one array parameter per column, unnested by PostgreSQL. */
async function insertRows(
  client: pg.Client,
  tickets: TicketRow[],
  events: EventRow[],
  counters: CounterEventRow[],
): Promise<void> {
  const col = <T, V>(rows: T[], f: (r: T) => V) => rows.map(f);
  await client.query(
    `INSERT INTO "Ticket" (id, code, number, seq, day, "officeId", "serviceId", "originalServiceId", priority, status,
       "queuedAt", "issuedAt", "calledAt", "startedAt", "finishedAt", "recallCount", "counterId", "staffId", outcome)
     SELECT a, b, c, d, e, f, g, h, i::"Priority", j::"TicketStatus", k::timestamp(3), l::timestamp(3), m::timestamp(3),
       n::timestamp(3), o::timestamp(3), p, q, r, s
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::int[], $17::text[], $18::text[], $19::text[])
       AS t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s)`,
    [
      col(tickets, (t) => t.id),
      col(tickets, (t) => t.code),
      col(tickets, (t) => t.number),
      col(tickets, (t) => t.seq),
      col(tickets, (t) => t.day),
      col(tickets, (t) => t.officeId),
      col(tickets, (t) => t.serviceId),
      col(tickets, (t) => t.originalServiceId),
      col(tickets, (t) => t.priority),
      col(tickets, (t) => t.status ?? 'waiting'),
      col(tickets, (t) => iso(t.queuedAt)),
      col(tickets, (t) => iso(t.issuedAt)),
      col(tickets, (t) => iso(t.calledAt)),
      col(tickets, (t) => iso(t.startedAt)),
      col(tickets, (t) => iso(t.finishedAt)),
      col(tickets, (t) => t.recallCount ?? 0),
      col(tickets, (t) => t.counterId ?? null),
      col(tickets, (t) => t.staffId ?? null),
      col(tickets, (t) => t.outcome ?? null),
    ],
  );
  await client.query(
    `INSERT INTO "TicketEvent" ("ticketId", "officeId", type, at, "serviceId", "fromServiceId", "counterId", "staffId", data)
     SELECT a, b, c::"TicketEventType", d::timestamp(3), e, f, g, h, i::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       AS t(a, b, c, d, e, f, g, h, i)`,
    [
      col(events, (e) => e.ticketId),
      col(events, (e) => e.officeId),
      col(events, (e) => e.type),
      col(events, (e) => iso(e.at)),
      col(events, (e) => e.serviceId),
      col(events, (e) => e.fromServiceId ?? null),
      col(events, (e) => e.counterId ?? null),
      col(events, (e) => e.staffId ?? null),
      col(events, (e) => (e.data === undefined ? null : JSON.stringify(e.data))),
    ],
  );
  await client.query(
    `INSERT INTO "CounterEvent" ("counterId", "officeId", type, at, "staffId")
     SELECT a, b, c::"CounterEventType", d::timestamp(3), e
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(a, b, c, d, e)`,
    [
      col(counters, (e) => e.counterId),
      col(counters, (e) => e.officeId),
      col(counters, (e) => e.type),
      col(counters, (e) => iso(e.at)),
      col(counters, (e) => e.staffId),
    ],
  );
}

/** The rows the engine would have written for one played citizen. */
function rows(office: SimOffice, day: string, p: PlayedCitizen, id: string, number: { prefix: string; seq: number }) {
  const c = p.citizen;
  const svc = office.services.get(c.serviceCode)!;
  const counterOf = (n: number) => office.counters.get(n)!;
  const issuedAt = new Date(c.arriveAt);
  const queuedAt = queuedAtOf(c);
  const events: EventRow[] = [
    { ticketId: id, officeId: office.officeId, type: 'issued', at: issuedAt, serviceId: svc.id, data: { priority: c.priority } },
  ];
  const base: TicketRow = {
    id,
    code: newPublicCode(),
    number: formatTicketNumber(number.prefix, number.seq),
    seq: number.seq,
    day,
    officeId: office.officeId,
    serviceId: svc.id,
    originalServiceId: svc.id,
    priority: c.priority,
    queuedAt,
    issuedAt,
  };
  if (p.calledAt === null || p.counter === null) {
    const at = new Date(c.arriveAt + (c.patience ?? 0) * MIN);
    events.push({ ticketId: id, officeId: office.officeId, type: 'cancelled', at, serviceId: svc.id });
    return { ticket: { ...base, status: 'cancelled' as const, finishedAt: at }, events };
  }
  const first = counterOf(p.counter);
  const called = new Date(p.calledAt);
  const who = { counterId: first.id, staffId: first.actor.staffId };
  events.push({ ticketId: id, officeId: office.officeId, type: 'called', at: called, serviceId: svc.id, ...who });
  if (c.noShow) {
    const recalled = new Date(p.calledAt + NO_SHOW_MINUTES.recall * MIN);
    const gone = new Date(p.calledAt + NO_SHOW_MINUTES.givenUp * MIN);
    events.push({ ticketId: id, officeId: office.officeId, type: 'recalled', at: recalled, serviceId: svc.id, ...who });
    events.push({ ticketId: id, officeId: office.officeId, type: 'no_show', at: gone, serviceId: svc.id, ...who });
    return {
      ticket: { ...base, status: 'no_show' as const, calledAt: called, finishedAt: gone, recallCount: 1, ...who },
      events,
    };
  }
  const started = new Date(p.calledAt + c.walkUp * MIN);
  events.push({ ticketId: id, officeId: office.officeId, type: 'started', at: started, serviceId: svc.id, ...who });
  let final = { serviceId: svc.id, calledAt: called, startedAt: started, ...who };
  if (c.transfer && p.second) {
    const to = office.services.get(c.transfer.toCode)!;
    const moved = new Date(started.getTime() + c.transfer.firstMinutes * MIN);
    events.push({
      ticketId: id,
      officeId: office.officeId,
      type: 'transferred',
      at: moved,
      serviceId: to.id,
      fromServiceId: svc.id,
      ...who,
      data: { toServiceId: to.id, toCounterId: null, toStaffId: null, note: null },
    });
    const second = counterOf(p.second.counter);
    const who2 = { counterId: second.id, staffId: second.actor.staffId };
    const called2 = new Date(p.second.calledAt);
    const started2 = new Date(p.second.calledAt + c.walkUp * MIN);
    events.push({ ticketId: id, officeId: office.officeId, type: 'called', at: called2, serviceId: to.id, ...who2 });
    events.push({ ticketId: id, officeId: office.officeId, type: 'started', at: started2, serviceId: to.id, ...who2 });
    final = { serviceId: to.id, calledAt: called2, startedAt: started2, ...who2 };
  }
  const finished = new Date(final.startedAt.getTime() + c.service * MIN);
  events.push({
    ticketId: id,
    officeId: office.officeId,
    type: 'completed',
    at: finished,
    serviceId: final.serviceId,
    counterId: final.counterId,
    staffId: final.staffId,
    data: { outcome: 'done' },
  });
  return { ticket: { ...base, ...final, status: 'completed' as const, finishedAt: finished, outcome: 'done' }, events };
}

export interface HistoryOptions {
  /** The simulated day: history covers the weeks before it. */
  before: string;
  weeks: number;
  seed: number;
  /** Plans the day of each weekday (default: the ordinary week). */
  planFor?: (weekday: number) => DayPlan;
}

/** Writes `weeks` weeks of past days into the database at `databaseUrl`; returns how many tickets. */
export async function writeHistory(databaseUrl: string, office: SimOffice, opts: HistoryOptions): Promise<number> {
  const rng = seeded(opts.seed);
  const mix = serviceMix([...office.services.values()]);
  const planFor = opts.planFor ?? weekdayPlan;
  let tickets: TicketRow[] = [];
  let events: EventRow[] = [];
  let counterEvents: CounterEventRow[] = [];
  let total = 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const flush = async () => {
    if (tickets.length > 0) await insertRows(client, tickets, events, counterEvents);
    total += tickets.length;
    tickets = [];
    events = [];
    counterEvents = [];
  };
  try {
    for (const day of pastDays(opts.before, opts.weeks)) {
      const plan = planFor(weekdayOf(day));
      if (plan.sessions.length === 0) continue;
      // Days differ: ±10 % walk-ins.
      const drawn = drawDay(plan, day, office.timeZone, mix, rng, Math.max(0.7, 1 + 0.1 * normal(rng)));
      const played = playDay(office, plan, day, drawn);
      for (const e of played.counterEvents) {
        const c = office.counters.get(e.counter)!;
        counterEvents.push({
          counterId: c.id,
          officeId: office.officeId,
          type: e.type,
          at: new Date(e.at),
          staffId: c.actor.staffId,
        });
      }
      const seqs = new Map<string, number>();
      played.citizens.forEach((p, i) => {
        const prefix = office.services.get(p.citizen.serviceCode)!.prefix;
        const seq = (seqs.get(prefix) ?? 0) + 1;
        seqs.set(prefix, seq);
        const r = rows(office, day, p, `sim-${day}-${i}`, { prefix, seq });
        tickets.push(r.ticket);
        events.push(...r.events);
      });
      if (tickets.length > 3000) await flush();
    }
    await flush();
  } finally {
    await client.end();
  }
  return total;
}
