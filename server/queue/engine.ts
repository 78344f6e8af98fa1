import { randomUUID } from 'node:crypto';
import type { Priority } from '../db/generated/enums';
import { rt } from '../runtime';
import { compareCandidates, DIRECT_BOOST_MS, queueScore, type Candidate } from './policy';
import { runScript, runScriptNow } from './scripts';

/**
 * Redis side of the live queues. PostgreSQL is the truth: Redis only says who is next. Every
 * write path commits to PostgreSQL first and then updates Redis; "call next" claims in Redis
 * first (atomic Lua) and then confirms with a conditional UPDATE in PostgreSQL, so a stale Redis
 * entry can never hand out a ticket twice (the UPDATE matches only a still-waiting ticket). What
 * Redis misses (a crash between the two writes, a flush, a restart) the reconciler restores.
 */

export interface QueuedTicket {
  id: string;
  officeId: string;
  serviceId: string;
  priority: Priority;
  queuedAt: Date;
  targetCounterId: string | null;
  targetStaffId: string | null;
}

export function queueKeyOf(t: QueuedTicket): string {
  const { keys } = rt();
  if (t.targetCounterId) return keys.counterQueue(t.officeId, t.targetCounterId);
  if (t.targetStaffId) return keys.staffQueue(t.officeId, t.targetStaffId);
  return keys.serviceQueue(t.officeId, t.serviceId);
}

/** All queue keys of an office that currently exist in Redis. */
async function officeQueueKeys(officeId: string): Promise<string[]> {
  const { redis, keys } = rt();
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', keys.officeQueuePattern(officeId), 'COUNT', 500);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

/**
 * Puts a waiting ticket in its queue (removing it from any other), after its DB commit. With
 * `ifQueued`, only if it was still in one of `previousKeys`: a supervisor's move must not put back
 * in line a ticket that a call next took from its old queue meanwhile (that call confirms it, as
 * the move left it waiting). Were it not there for another reason (Redis flushed, that call given
 * up), the reconciliation (boot.ts, every RECONCILE_INTERVAL_SECONDS) puts it in from PostgreSQL.
 */
export async function enqueue(t: QueuedTicket, previousKeys: string[] = [], { ifQueued = false } = {}): Promise<void> {
  const key = queueKeyOf(t);
  await runScript(
    rt().redis,
    'move_ticket',
    [key, ...previousKeys.filter((k) => k !== key)],
    [queueScore(t.queuedAt, t.priority), t.id, ...(ifQueued ? ['if-queued'] : [])],
  );
}

/**
 * Removes a ticket from its queue (cancelled by the citizen), as read before and after its change:
 * a supervisor's move committed in between put it, or is putting it, in the other one.
 */
export async function dequeue(before: QueuedTicket, after: QueuedTicket = before): Promise<void> {
  const pipe = rt().redis.pipeline();
  for (const key of new Set([queueKeyOf(before), queueKeyOf(after)])) pipe.zrem(key, before.id);
  await pipe.exec();
}

export interface QueueSource {
  key: string;
  boostMs: number;
}

export interface CounterQueues {
  officeId: string;
  counterId: string;
  staffId: string;
  /** serviceId → skill boost (ms). */
  services: Map<string, number>;
}

export function sourcesFor(c: CounterQueues): QueueSource[] {
  const { keys } = rt();
  return [
    { key: keys.counterQueue(c.officeId, c.counterId), boostMs: DIRECT_BOOST_MS },
    { key: keys.staffQueue(c.officeId, c.staffId), boostMs: DIRECT_BOOST_MS },
    ...[...c.services].map(([serviceId, boostMs]) => ({ key: keys.serviceQueue(c.officeId, serviceId), boostMs })),
  ];
}

/** A ticket taken from its queue by a call next, and the counter's call lease that call holds. */
export type Claim = { ticketId: string; key: string; score: number; lease: Lease };

export interface Lease {
  key: string;
  token: string;
}

/** How long a call next may hold its counter's lease: a process that dies mid-call blocks the counter this long at most. */
const CALL_LEASE_MS = 10_000;

/**
 * Atomically removes the best callable candidate for this counter from Redis (an appointment
 * checked in early is not callable before its booked time: queue/policy.ts isCallable), and takes
 * the counter's call lease: `busy` while another call next of this counter is under way (a double
 * click), null when nobody callable waits. The caller confirms the ticket, or gives it back
 * (unclaim), and lets the lease go (releaseLease). A retry after a stale entry passes the same
 * lease and keeps it.
 */
export async function claimNext(c: CounterQueues, now = new Date(), held?: Lease): Promise<Claim | 'busy' | null> {
  const { redis, keys } = rt();
  const sources = sourcesFor(c);
  const lease = held ?? { key: keys.callLease(c.officeId, c.counterId), token: randomUUID() };
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = (await runScript(
      redis,
      'call_next',
      [keys.builtMarker(c.officeId), lease.key, ...sources.map((s) => s.key)],
      [...sources.map((s) => s.boostMs), now.getTime(), lease.token, CALL_LEASE_MS],
    )) as [number, string?, string?, string?];
    if (res[0] === -1) {
      await reconcileOffice(c.officeId);
      continue;
    }
    if (res[0] === -2) return 'busy';
    if (res[0] === 0) return null;
    return { ticketId: res[1] as string, key: res[2] as string, score: Number(res[3]), lease };
  }
  throw new Error('Queue rebuild did not complete');
}

/** Gives a claimed ticket back (it could not be called), with its original rank. */
export async function unclaim(claim: Claim): Promise<void> {
  await rt().redis.zadd(claim.key, claim.score, claim.ticketId);
}

/**
 * Lets the counter's call lease go: the call was confirmed or given up. Sent at once (runScriptNow):
 * a caller that does not wait for the reply still has it in Redis' hands before its answer leaves.
 */
export async function releaseLease(lease: Lease): Promise<void> {
  await runScriptNow(rt().redis, 'release_lease', [lease.key], [lease.token]);
}

/** Makes sure the office's queues exist in Redis (after a flush or restart they are rebuilt). */
export async function ensureBuilt(officeId: string): Promise<void> {
  const { redis, keys } = rt();
  if ((await redis.exists(keys.builtMarker(officeId))) === 0) await reconcileOffice(officeId);
}

/**
 * Makes Redis match PostgreSQL for one office: adds waiting tickets that are missing or in the
 * wrong place, removes entries whose ticket is no longer waiting. It only removes what the DB
 * says is stale, never what the DB did not see yet, so it is safe to run while clerks work.
 */
export async function reconcileOffice(officeId: string): Promise<{ added: number; removed: number }> {
  const { db, redis, keys } = rt();
  const lock = keys.rebuildLock(officeId);
  const token = `${process.pid}-${Math.random()}`;
  const got = await redis.set(lock, token, 'PX', 15_000, 'NX');
  if (!got) {
    // Another process is rebuilding: wait for it rather than doing the same work twice.
    for (let i = 0; i < 150 && (await redis.exists(lock)); i++) await new Promise((r) => setTimeout(r, 100));
    if (await redis.exists(keys.builtMarker(officeId))) return { added: 0, removed: 0 };
  }
  try {
    const waiting = await db.ticket.findMany({
      where: { officeId, status: 'waiting' },
      select: {
        id: true,
        officeId: true,
        serviceId: true,
        priority: true,
        queuedAt: true,
        targetCounterId: true,
        targetStaffId: true,
      },
    });
    const expected = new Map<string, { key: string; score: number }>();
    for (const t of waiting) expected.set(t.id, { key: queueKeyOf(t), score: queueScore(t.queuedAt, t.priority) });

    const present = new Map<string, { key: string; score: number }[]>();
    for (const key of await officeQueueKeys(officeId)) {
      const flat = await redis.zrange(key, '0', '-1', 'WITHSCORES');
      for (let i = 0; i < flat.length; i += 2) {
        const list = present.get(flat[i]) ?? [];
        list.push({ key, score: Number(flat[i + 1]) });
        present.set(flat[i], list);
      }
    }

    const pipe = redis.multi();
    let added = 0;
    let removed = 0;
    for (const [id, want] of expected) {
      const have = present.get(id) ?? [];
      for (const h of have) {
        if (h.key === want.key) continue;
        pipe.zrem(h.key, id);
        removed++;
      }
      if (!have.some((h) => h.key === want.key && h.score === want.score)) {
        pipe.zadd(want.key, want.score, id);
        added++;
      }
    }
    const unknown = [...present.keys()].filter((id) => !expected.has(id));
    if (unknown.length > 0) {
      const rows = await db.ticket.findMany({ where: { id: { in: unknown } }, select: { id: true, status: true } });
      const status = new Map(rows.map((r) => [r.id, r.status]));
      for (const id of unknown) {
        const s = status.get(id);
        // Waiting now but not in our snapshot: issued meanwhile, leave it. Otherwise stale.
        if (s === 'waiting') continue;
        for (const h of present.get(id) ?? []) {
          pipe.zrem(h.key, id);
          removed++;
        }
      }
    }
    pipe.set(keys.builtMarker(officeId), new Date().toISOString());
    await pipe.exec();
    return { added, removed };
  } finally {
    if ((await redis.get(lock)) === token) await redis.del(lock);
  }
}

const FEW_TICKETS = 20;

/**
 * How many tickets are ahead of each one: the better-ranked waiting tickets of every service that
 * competes for the same counters (`competing`). One Redis round trip for the whole batch: counts
 * for a few tickets, else the queues' scores, counted here on sorted arrays.
 */
export async function aheadInQueueMany(
  tickets: QueuedTicket[],
  competing: (serviceId: string) => string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (tickets.length === 0) return out;
  const { redis, keys } = rt();
  const officeId = tickets[0].officeId;
  const serviceIds = [...new Set(tickets.flatMap((t) => competing(t.serviceId)))];
  // A few tickets (a phone page, the kiosk's answer): count in Redis, never read whole queues —
  // with thousands waiting that read was most of a reconnect storm's time and memory (issue 10).
  if (tickets.length <= FEW_TICKETS) {
    const queues: string[] = [];
    const bounds: string[] = [];
    const asked: string[] = [];
    for (const t of tickets) {
      for (const id of competing(t.serviceId)) {
        queues.push(keys.serviceQueue(officeId, id));
        bounds.push(`(${queueScore(t.queuedAt, t.priority)}`);
        asked.push(t.id);
      }
    }
    const counts = (await runScript(redis, 'count_ahead', queues, bounds)) as number[];
    for (const t of tickets) out.set(t.id, 0);
    asked.forEach((id, i) => out.set(id, out.get(id)! + Number(counts[i] ?? 0)));
    return out;
  }
  const pipe = redis.pipeline();
  for (const id of serviceIds) pipe.zrange(keys.serviceQueue(officeId, id), '0', '-1', 'WITHSCORES');
  const res = (await pipe.exec()) ?? [];
  const scores = new Map<string, number[]>();
  serviceIds.forEach((id, i) => {
    const flat = (res[i]?.[1] as string[]) ?? [];
    const list: number[] = [];
    for (let j = 1; j < flat.length; j += 2) list.push(Number(flat[j]));
    scores.set(id, list);
  });
  const below = (sorted: number[], score: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < score) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const t of tickets) {
    const own = queueScore(t.queuedAt, t.priority);
    out.set(
      t.id,
      competing(t.serviceId).reduce((n, id) => n + below(scores.get(id) ?? [], own), 0),
    );
  }
  return out;
}

/** The queue as a counter would take it: merged and ordered by the same rule as call_next.lua. */
export async function counterOrder(
  c: CounterQueues,
  limit: number,
): Promise<{ ids: { id: string; direct: boolean }[]; total: number }> {
  const { redis } = rt();
  const sources = sourcesFor(c);
  const pipe = redis.pipeline();
  for (const s of sources) pipe.zrange(s.key, '0', String(limit - 1), 'WITHSCORES');
  for (const s of sources) pipe.zcard(s.key);
  const res = (await pipe.exec()) ?? [];
  const merged: (Candidate & { direct: boolean })[] = [];
  let total = 0;
  sources.forEach((s, i) => {
    const flat = (res[i]?.[1] as string[]) ?? [];
    for (let j = 0; j < flat.length; j += 2)
      merged.push({ id: flat[j], score: Number(flat[j + 1]), boostMs: s.boostMs, direct: i < 2 });
    total += Number(res[sources.length + i]?.[1] ?? 0);
  });
  merged.sort(compareCandidates);
  return { ids: merged.slice(0, limit).map(({ id, direct }) => ({ id, direct })), total };
}
