import { DIRECT_BOOST_MS } from '../../server/queue/policy';
import type { SimCounter, SimResult, SimTicket } from '../../server/estimates/simulate-wait';

/**
 * The first, plain implementation of playForward (every call scans every waiting ticket): kept
 * as the reference the fast one (server/estimates/simulate-wait.ts) must match exactly.
 */
interface Pending {
  t: SimTicket;
  index: number;
  readyAt: number;
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
 */
export function playForwardReference(
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
  let pending: Pending[] = tickets.map((t, index) => ({ t, index, readyAt: Math.max(t.arrivesAt, t.score) }));
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
    let best: Pending | null = null;
    let bestKey = 0;
    let soonest = Infinity;
    let gone = false;
    for (const p of pending) {
      if (p.t.leavesAt !== undefined && p.t.leavesAt < now) {
        gone = true;
        continue;
      }
      const boost = headStart(counter, p.t);
      if (boost === undefined) continue;
      if (closed && (p.t.inLineSince ?? p.t.arrivesAt) >= counter.closesAt) continue;
      if (p.readyAt > now) {
        if (p.readyAt < soonest) soonest = p.readyAt;
        continue;
      }
      const key = p.t.score - boost;
      if (best === null || key < bestKey || (key === bestKey && p.t.id < best.t.id)) {
        best = p;
        bestKey = key;
      }
    }
    if (gone) {
      pending = pending.filter((p) => {
        if (p.t.leavesAt === undefined || p.t.leavesAt >= now) return true;
        if (p.index < watch) watchLeft--;
        calledAt[p.index] = -Infinity;
        return false;
      });
    }
    if (!best) {
      // Nothing to call now: wait for the next ticket this counter may take, or stop.
      if (soonest === Infinity || closed) retired[c] = true;
      else free[c] = soonest;
      continue;
    }
    pending = pending.filter((p) => p !== best);
    calledAt[best.index] = now;
    taker[best.index] = c;
    if (best.index < watch) watchLeft--;
    if (best.t.probe) continue;
    free[c] = now + best.t.occupancy;
    lastFree[c] = free[c]!;
    const then = best.t.then;
    if (then && nextIndex < cap) {
      const again: SimTicket = {
        id: `${best.t.id}+`,
        serviceId: then.serviceId,
        score: best.t.score,
        arrivesAt: free[c]!,
        inLineSince: best.t.inLineSince ?? best.t.arrivesAt,
        occupancy: then.occupancy,
      };
      extra.push(again);
      pending.push({ t: again, index: nextIndex++, readyAt: Math.max(again.arrivesAt, again.score) });
    }
  }
  return { calledAt, counter: taker, extra, breaks, lastFree };
}
