import { DIRECT_BOOST_MS } from '../queue/policy';

/**
 * The office played forward: counters call tickets one after the other by the call-next policy
 * (queue/policy.ts, call_next.lua): each counter, when it frees up, takes among the tickets it may
 * serve and that are callable the one with the lowest rank − its head start for that ticket (skill
 * weight, or a direct transfer to it), ties by id. One pass is one possible future; the wait
 * estimate (office-waits.ts) runs it many times with drawn service times and arrivals, and the day
 * simulator (sim/) uses it to write weeks of history fast.
 *
 * Times are milliseconds on one clock (epoch ms in practice).
 */

export interface SimCounter {
  id: string;
  staffId: string | null;
  /** Services it calls → head start (ms) its clerk's skill weight gives them. */
  services: ReadonlyMap<string, number>;
  /** When it can next call: now when idle, the end of its current visit or pause otherwise. */
  freeAt: number;
  /** It calls nobody from this time on; Infinity = open throughout. */
  closesAt: number;
  /** After closesAt it still serves the tickets that were in line before closesAt (the desk's last session). */
  drain?: boolean;
  /** Breaks, by start: each is taken at the first free moment from `from` on, for `ms`. */
  breaks?: readonly { from: number; ms: number }[];
}

export interface SimTicket {
  id: string;
  serviceId: string;
  /** Rank (queue/policy.ts queueScore): lower goes first; callable once it is not after the time. */
  score: number;
  /** When the citizen is in line. */
  arrivesAt: number;
  /**
   * In line since, when earlier than arrivesAt: a transfer's second part, whose citizen was in line
   * before the first. A draining counter serves who was in line before it closed.
   */
  inLineSince?: number;
  targetCounterId?: string | null;
  targetStaffId?: string | null;
  /** Time (ms) the counter is busy with this citizen, from the call to the next call. */
  occupancy: number;
  /**
   * A probe: "somebody taking a ticket now". Records when a counter would take it, but takes no
   * counter time, so it changes nobody else's turn.
   */
  probe?: boolean;
  /** The citizen gives up and leaves if not called by then. */
  leavesAt?: number;
  /** After the first visit the citizen waits again for another service, keeping the rank (a transfer). */
  then?: { serviceId: string; occupancy: number };
}

/**
 * A ticket with every field present, in one order, so that all the tickets a play forward reads
 * share one shape. The estimate built them by spreading the draws' objects, in several shapes slow
 * to read here: an estimate of 300 waiting took ten times as long and made 108 MB of garbage
 * instead of 29 (issue 10, `bench/estimate.ts`).
 */
export function simTicket(
  id: string,
  serviceId: string,
  score: number,
  arrivesAt: number,
  occupancy: number,
  more: Pick<SimTicket, 'leavesAt' | 'then' | 'probe' | 'targetCounterId' | 'targetStaffId' | 'inLineSince'>,
): SimTicket {
  return {
    id,
    serviceId,
    score,
    arrivesAt,
    inLineSince: more.inLineSince,
    occupancy,
    leavesAt: more.leavesAt,
    then: more.then,
    probe: more.probe,
    targetCounterId: more.targetCounterId,
    targetStaffId: more.targetStaffId,
  };
}

export interface SimResult {
  /** Per ticket (same index as the input): when it was called; NaN = never (no counter for it), −Infinity = it left first. */
  calledAt: Float64Array;
  /** Per ticket: the index of the counter that called it, −1 = never. */
  counter: Int32Array;
  /** Transfers' second legs, appended to the input's tickets: the extra entries of calledAt/counter. */
  extra: SimTicket[];
  /** Breaks as taken: counter index, start, end. */
  breaks: { counter: number; from: number; to: number }[];
  /** Per counter: when its last visit ended (its freeAt if it called nobody). */
  lastFree: Float64Array;
}

interface Pending {
  t: SimTicket;
  index: number;
  readyAt: number;
  /** In line since (the closing rule of a draining counter). */
  since: number;
  /** Called, or gone: no longer in line. */
  done: boolean;
}

const byRank = (a: Pending, b: Pending) => a.t.score - b.t.score || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0);

/** One service's line in rank order; `head` skips the called ones at its front. */
class Line {
  head = 0;
  constructor(readonly items: Pending[]) {}

  add(p: Pending): void {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byRank(this.items[mid]!, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, p);
  }

  /**
   * The best callable ticket at `now` (rank order, so the first one that qualifies); after its
   * closing time (`closedAt`) a draining counter takes only who was in line before it.
   */
  first(now: number, closedAt: number): Pending | null {
    while (this.head < this.items.length && this.items[this.head]!.done) this.head++;
    for (let i = this.head; i < this.items.length; i++) {
      const p = this.items[i]!;
      // Ready no earlier than its rank: past `now` nothing further can be called yet.
      if (p.t.score > now) break;
      if (!p.done && p.readyAt <= now && p.since < closedAt) return p;
    }
    return null;
  }
}

/** Min-heap of waiting tickets by the time they give up. */
class Leaving {
  private heap: Pending[] = [];

  push(p: Pending): void {
    const h = this.heap;
    h.push(p);
    for (let i = h.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (h[up]!.t.leavesAt! <= h[i]!.t.leavesAt!) break;
      [h[up], h[i]] = [h[i]!, h[up]!];
      i = up;
    }
  }

  /** Removes and returns the next one to leave if it leaves before `now`. */
  popBefore(now: number): Pending | undefined {
    const h = this.heap;
    if (h.length === 0 || h[0]!.t.leavesAt! >= now) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.t.leavesAt! < h[m]!.t.leavesAt!) m = l;
        if (r < h.length && h[r]!.t.leavesAt! < h[m]!.t.leavesAt!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

function headStart(c: SimCounter, t: SimTicket): number | undefined {
  if (t.targetCounterId || t.targetStaffId) {
    return t.targetCounterId === c.id || (t.targetStaffId !== undefined && t.targetStaffId === c.staffId)
      ? DIRECT_BOOST_MS
      : undefined;
  }
  return c.services.get(t.serviceId);
}

/**
 * Plays the counters forward until every ticket is called or no counter can call any more.
 * `until` stops earlier once every ticket with index < `watch` has been called (the estimate only
 * needs the tickets it asks about).
 *
 * Each service's line is kept in rank order, so a counter finds its next citizen at the front of
 * the lines it serves instead of scanning everybody (the estimate plays an office of thousands
 * waiting 120 times: issue 10). Tickets transferred to one counter or clerk are few and scanned.
 * test/unit/simulate-wait.test.ts checks it call for call against the plain version.
 */
export function playForward(
  counters: readonly SimCounter[],
  tickets: readonly SimTicket[],
  opts: { watch?: number; horizon?: number } = {},
): SimResult {
  const watch = opts.watch ?? tickets.length;
  const horizon = opts.horizon ?? Infinity;
  const cap = tickets.length * 2;
  const calledAt = new Float64Array(cap).fill(NaN);
  const taker = new Int32Array(cap).fill(-1);
  const extra: SimTicket[] = [];
  const free = counters.map((c) => c.freeAt);
  const retired = counters.map(() => false);
  const nextBreak = counters.map(() => 0);
  const breaks: SimResult['breaks'] = [];
  const lastFree = Float64Array.from(counters, (c) => c.freeAt);
  // Each counter's services and head starts as an array, read at every call: iterating the Map
  // made an entry per service at every call (issue 10, `bench/estimate.ts`).
  const servedBy = counters.map((c) => [...c.services]);
  const grouped = new Map<string, Pending[]>();
  const targeted: Pending[] = [];
  const leaving = new Leaving();
  const lines = new Map<string, Line>();
  /** Into its line: sorted in at once (a transfer's second leg), or grouped and sorted below. */
  const enter = (p: Pending, sortIn: boolean) => {
    if (p.t.leavesAt !== undefined) leaving.push(p);
    if (p.t.targetCounterId || p.t.targetStaffId) {
      targeted.push(p);
      return;
    }
    const line = lines.get(p.t.serviceId);
    if (sortIn && line) line.add(p);
    else if (sortIn) lines.set(p.t.serviceId, new Line([p]));
    else {
      const g = grouped.get(p.t.serviceId);
      if (g) g.push(p);
      else grouped.set(p.t.serviceId, [p]);
    }
  };
  tickets.forEach((t, index) =>
    enter({ t, index, readyAt: Math.max(t.arrivesAt, t.score), since: t.inLineSince ?? t.arrivesAt, done: false }, false),
  );
  for (const [serviceId, items] of grouped) lines.set(serviceId, new Line(items.sort(byRank)));
  let watchLeft = Math.min(watch, tickets.length);
  let nextIndex = tickets.length;

  while (watchLeft > 0) {
    let c = -1;
    for (let i = 0; i < counters.length; i++) if (!retired[i] && (c === -1 || free[i]! < free[c]!)) c = i;
    if (c === -1) break;
    const counter = counters[c]!;
    const now = free[c]!;
    if (now > horizon) break;
    const brk = counter.breaks?.[nextBreak[c]!];
    if (brk && now >= brk.from) {
      nextBreak[c]!++;
      breaks.push({ counter: c, from: now, to: now + brk.ms });
      free[c] = now + brk.ms;
      continue;
    }
    const closed = now >= counter.closesAt;
    if (closed && !counter.drain) {
      retired[c] = true;
      continue;
    }
    // Whoever gave up before now leaves the line, whichever counters serve them.
    for (let p = leaving.popBefore(now); p; p = leaving.popBefore(now)) {
      if (p.done) continue;
      p.done = true;
      if (p.index < watch) watchLeft--;
      calledAt[p.index] = -Infinity;
    }
    // No function is made per call here: tsx wraps every closure it creates (keepNames).
    const closedAt = closed ? counter.closesAt : Infinity;
    let best: Pending | null = null;
    let bestKey = 0;
    const served = servedBy[c]!;
    for (let k = 0; k < served.length; k++) {
      const [serviceId, boost] = served[k]!;
      const p = lines.get(serviceId)?.first(now, closedAt);
      if (!p) continue;
      const key = p.t.score - boost;
      if (best === null || key < bestKey || (key === bestKey && p.t.id < best.t.id)) {
        best = p;
        bestKey = key;
      }
    }
    for (const p of targeted) {
      if (p.done || p.readyAt > now || p.since >= closedAt) continue;
      const boost = headStart(counter, p.t);
      if (boost === undefined) continue;
      const key = p.t.score - boost;
      if (best === null || key < bestKey || (key === bestKey && p.t.id < best.t.id)) {
        best = p;
        bestKey = key;
      }
    }
    if (!best) {
      // Nothing to call now: wait for the next ticket this counter may take, or stop.
      let soonest = Infinity;
      for (let k = 0; k < served.length; k++) {
        for (const p of lines.get(served[k]![0])?.items ?? []) {
          if (!p.done && p.readyAt > now && p.readyAt < soonest && p.since < closedAt) soonest = p.readyAt;
        }
      }
      for (const p of targeted) {
        if (!p.done && p.readyAt > now && p.readyAt < soonest && p.since < closedAt && headStart(counter, p.t) !== undefined)
          soonest = p.readyAt;
      }
      if (soonest === Infinity || closed) retired[c] = true;
      else free[c] = soonest;
      continue;
    }
    const chosen: Pending = best;
    chosen.done = true;
    calledAt[chosen.index] = now;
    taker[chosen.index] = c;
    if (chosen.index < watch) watchLeft--;
    if (chosen.t.probe) continue;
    free[c] = now + chosen.t.occupancy;
    lastFree[c] = free[c]!;
    const then = chosen.t.then;
    if (then && nextIndex < cap) {
      const again = simTicket(`${chosen.t.id}+`, then.serviceId, chosen.t.score, free[c]!, then.occupancy, {
        inLineSince: chosen.since,
      });
      extra.push(again);
      enter(
        { t: again, index: nextIndex++, readyAt: Math.max(again.arrivesAt, again.score), since: chosen.since, done: false },
        true,
      );
    }
  }
  return { calledAt, counter: taker, extra, breaks, lastFree };
}
