/**
 * A simulated office day against the real HTTP API, for fault tests and the soak: kiosks issue
 * tickets, clerks call and complete them, as fast as the server answers. Every answer is
 * counted by status; a clerk who did not get an answer (a process killed, the database
 * restarting) looks at the database — as a clerk looks at the screen — to know whether the call
 * or the completion happened. `auditDay` then checks the books: nothing lost, nothing called
 * twice, nothing half-written.
 */
import type { Db } from '../../server/db/client';

export type Target = () => string;

export interface ClerkSeat {
  username: string;
  counterId: string;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each caller reads the field it needs
}

/** One HTTP request; status 0 = no answer (connection refused or reset, timeout). */
export async function send(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Answer & { cookie?: string }> {
  try {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a proxy's error page)
    }
    const set = res.headers.get('set-cookie');
    return { status: res.status, body: parsed, cookie: set ? set.split(';')[0] : undefined };
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return { status: 0, body: String(cause ?? err) };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers a fault may legitimately cause (besides success): 503 from Sportello, none at all, 502 from the proxy for a request in flight to a killed process. */
const FAULT_STATUSES = new Set([0, 502, 503]);

export interface DayStats {
  /** `kind status` → count, e.g. `issue 201`, `call 503`. */
  answers: Record<string, number>;
  /** Answers that should never happen (a 500, an unexpected 4xx), with their body. */
  unexpected: string[];
  /** Ids of the tickets the kiosks got a 201 for. */
  issuedIds: Set<string>;
  calls: number;
  completions: number;
  /** Every answer: [time (ms since epoch), kind, status]. */
  timeline: [number, string, number][];
}

/** The first answer of `kind` with `status` at or after `since` (ms since epoch), or null. */
export function firstAnswer(stats: DayStats, kind: string, status: number, since: number): number | null {
  return stats.timeline.find(([t, k, s]) => t >= since && k === kind && s === status)?.[0] ?? null;
}

export interface OfficeDay {
  stats: DayStats;
  /** Kiosks stop; clerks serve until nobody waits (or `timeoutMs`), then stop. */
  drain(timeoutMs?: number): Promise<void>;
  /** Everybody stops now. */
  stop(): Promise<void>;
}

export function simulateOffice(opts: {
  target: Target;
  db: Db;
  officeId: string;
  serviceIds: string[];
  kiosks: number;
  clerks: ClerkSeat[];
  /** Pause between a kiosk's tickets (ms). */
  kioskPauseMs?: number;
  /** Time a clerk spends with a citizen (ms). */
  serveMs?: number;
  /** Tickets are taken at this kiosk (its printer prints them). */
  kioskId?: string;
  /** The paired kiosk screen's cookie (`sportello_kiosk=…`): a kiosk's tickets need it. */
  kioskCookie?: string;
}): OfficeDay {
  const stats: DayStats = { answers: {}, unexpected: [], issuedIds: new Set(), calls: 0, completions: 0, timeline: [] };
  let phase: 'load' | 'drain' | 'stop' = 'load';
  let drainUntil = 0;
  const count = (kind: string, a: Answer) => {
    const k = `${kind} ${a.status}`;
    stats.timeline.push([Date.now(), kind, a.status]);
    stats.answers[k] = (stats.answers[k] ?? 0) + 1;
  };
  const wrong = (kind: string, a: Answer) => stats.unexpected.push(`${kind} ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);

  async function kiosk(i: number) {
    let n = i;
    while (phase === 'load') {
      const serviceId = opts.serviceIds[n++ % opts.serviceIds.length];
      const a = await send(
        opts.target(),
        'POST',
        '/api/tickets',
        {
          serviceId,
          ...(opts.kioskId ? { kioskId: opts.kioskId } : {}),
        },
        opts.kioskCookie,
      );
      count('issue', a);
      if (a.status === 201) stats.issuedIds.add(a.body.id);
      else if (!FAULT_STATUSES.has(a.status)) wrong('issue', a);
      await sleep(FAULT_STATUSES.has(a.status) ? 100 : (opts.kioskPauseMs ?? 30));
    }
  }

  /** The counter's current ticket according to the database (null when the database is down too). */
  async function currentInDb(counterId: string): Promise<string | null | undefined> {
    try {
      const t = await opts.db.ticket.findFirst({
        where: { counterId, status: { in: ['called', 'serving'] } },
        select: { id: true },
      });
      return t?.id ?? null;
    } catch {
      return undefined;
    }
  }

  async function waitingInDb(): Promise<number> {
    try {
      return await opts.db.ticket.count({ where: { officeId: opts.officeId, status: 'waiting' } });
    } catch {
      return 1;
    }
  }

  async function clerk(seat: ClerkSeat) {
    let cookie: string | undefined;
    let opened = false;
    let current: string | null | undefined = undefined; // undefined: not known yet
    while (phase !== 'stop') {
      if (phase === 'drain' && Date.now() > drainUntil) return;
      if (!cookie) {
        const a = await send(opts.target(), 'POST', '/api/auth/login', { username: seat.username, password: 'sportello' });
        count('login', a);
        if (a.status === 200) cookie = a.cookie;
        else if (!FAULT_STATUSES.has(a.status)) wrong('login', a);
        if (!cookie) await sleep(200);
        continue;
      }
      if (!opened) {
        const a = await send(
          opts.target(),
          'POST',
          `/api/counters/${seat.counterId}/open`,
          { serviceIds: opts.serviceIds },
          cookie,
        );
        count('open', a);
        if (a.status === 200) opened = true;
        else if (a.status === 401) cookie = undefined;
        else if (!FAULT_STATUSES.has(a.status)) wrong('open', a);
        if (!opened) await sleep(200);
        continue;
      }
      if (current === undefined) {
        current = await currentInDb(seat.counterId);
        if (current === undefined) await sleep(200);
        continue;
      }
      if (current) {
        if (opts.serveMs) await sleep(opts.serveMs);
        const a = await send(opts.target(), 'POST', `/api/tickets/${current}/complete`, { outcome: 'done' }, cookie);
        count('complete', a);
        if (a.status === 200) {
          stats.completions++;
          current = null;
        } else if (a.status === 409 || FAULT_STATUSES.has(a.status)) {
          // Done or not? The screen (the database) says.
          if (a.status !== 409) await sleep(100);
          current = undefined;
        } else if (a.status === 401) cookie = undefined;
        else {
          wrong('complete', a);
          current = undefined;
          await sleep(100);
        }
        continue;
      }
      const a = await send(opts.target(), 'POST', `/api/counters/${seat.counterId}/call-next`, undefined, cookie);
      count('call', a);
      if (a.status === 200) {
        stats.calls++;
        current = a.body.ticket.id;
      } else if (a.status === 204) {
        if (phase === 'drain' && (await waitingInDb()) === 0) return;
        await sleep(phase === 'drain' ? 200 : 50);
      } else if (a.status === 409 && a.body?.error?.code === 'counter_busy') current = undefined;
      else if (a.status === 409 && a.body?.error?.code === 'retry') await sleep(20);
      else if (a.status === 401) cookie = undefined;
      else if (FAULT_STATUSES.has(a.status)) {
        current = undefined;
        await sleep(100);
      } else {
        wrong('call', a);
        await sleep(100);
      }
    }
  }

  const kiosks = Array.from({ length: opts.kiosks }, (_, i) => kiosk(i));
  const clerks = opts.clerks.map((c) => clerk(c));
  return {
    stats,
    async drain(timeoutMs = 60_000) {
      phase = 'drain';
      drainUntil = Date.now() + timeoutMs;
      await Promise.all(kiosks);
      await Promise.all(clerks);
      phase = 'stop';
    },
    async stop() {
      phase = 'stop';
      await Promise.all([...kiosks, ...clerks]);
    },
  };
}

export interface DayAudit {
  tickets: number;
  completed: number;
  /** Tickets still waiting after the drain, or answered 201 and not in the database. */
  lost: string[];
  /** Tickets with more than one `called` event. */
  doubleCalled: string[];
  /** Tickets whose events do not match their state: no `issued` event, called without `called`, completed without `completed`. */
  halfWritten: string[];
  /** Daily sequences whose last number is not the number of tickets issued with that prefix. */
  sequenceMismatches: string[];
}

/** The books of the office after the day (run after `drain`). */
export async function auditDay(db: Db, officeId: string, issuedIds: Iterable<string>): Promise<DayAudit> {
  const tickets = await db.ticket.findMany({
    where: { officeId },
    select: { id: true, status: true, number: true, seq: true, day: true },
  });
  const events = await db.ticketEvent.groupBy({ by: ['ticketId', 'type'], where: { officeId }, _count: { _all: true } });
  const ev = new Map<string, Record<string, number>>();
  for (const e of events) {
    const m = ev.get(e.ticketId) ?? {};
    m[e.type] = e._count._all;
    ev.set(e.ticketId, m);
  }
  const known = new Set(tickets.map((t) => t.id));
  const lost = [...new Set(issuedIds)].filter((id) => !known.has(id));
  const doubleCalled: string[] = [];
  const halfWritten: string[] = [];
  for (const t of tickets) {
    const e = ev.get(t.id) ?? {};
    if (t.status === 'waiting') lost.push(t.id);
    if ((e.called ?? 0) > 1) doubleCalled.push(t.id);
    const wasCalled = t.status === 'called' || t.status === 'serving' || t.status === 'completed' || t.status === 'no_show';
    if (e.issued !== 1 || (wasCalled && !e.called) || (t.status === 'completed' && e.completed !== 1))
      halfWritten.push(`${t.number} ${t.status} ${JSON.stringify(e)}`);
  }
  const sequences = await db.dailySequence.findMany({ where: { officeId } });
  const sequenceMismatches: string[] = [];
  for (const s of sequences) {
    const mine = tickets.filter((t) => t.day === s.day && t.number.replace(/\d+$/, '') === s.prefix);
    const seqs = new Set(mine.map((t) => t.seq));
    if (s.last !== mine.length || seqs.size !== mine.length || Math.max(0, ...seqs) !== s.last)
      sequenceMismatches.push(`${s.day} ${s.prefix}: last ${s.last}, ${mine.length} tickets, ${seqs.size} distinct numbers`);
  }
  return {
    tickets: tickets.length,
    completed: tickets.filter((t) => t.status === 'completed').length,
    lost,
    doubleCalled,
    halfWritten,
    sequenceMismatches,
  };
}
