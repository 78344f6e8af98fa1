import { liveOffice } from '../server/estimates/live-waits';
import { newcomerEstimate } from '../server/estimates/wait-model';
import { aheadInQueueMany, type QueuedTicket } from '../server/queue/engine';
import { bandLow, competingServices, estimateMinutes } from '../server/queue/estimates';
import { rt } from '../server/runtime';
import { toPublicMany, waitingPublicTickets } from '../server/tickets/views';

/**
 * The estimators the simulator compares, each answering for the waiting tickets of an office at
 * a moment: the estimate shown and its range.
 * - current: what Sportello showed before issue 13 — tickets ahead for the counters this ticket
 *   shares × the average minutes of its own service ÷ open counters that serve it; band 80–100 %;
 * - usual: the common formula (as ZMS shows it) — tickets ahead × the office's average minutes ÷
 *   open counters; band 80–100 %;
 * - naive: tickets ahead × the average minutes, as if one counter served them all;
 * - new: server/estimates (the office played forward, range from measured error), read as the
 *   kiosk and the phone page read it (tickets/views.ts): the office's shared estimate from the
 *   feed's last pass, and for a ticket taken since, the estimate of a newcomer like it.
 */

export interface Shown {
  estimate: number;
  low: number;
  high: number;
  /** For analysis (`npm run sim -- --dump`): what the estimate was made from. */
  detail?: Record<string, number | string>;
}

export type EstimatorName = 'current' | 'usual' | 'naive' | 'new';
export const ESTIMATORS: EstimatorName[] = ['current', 'usual', 'naive', 'new'];

const MIN_SAMPLES = 5;
const AVERAGES_REFRESH_MS = 30 * 60_000;

/** Measured average visit (start → completion) per service over 14 days, as the old estimate read it. */
async function averages(officeId: string, now: Date) {
  const rows = await rt().db.$queryRaw<{ serviceId: string; minutes: number; n: number }[]>`
    SELECT "serviceId", AVG(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) / 60)::float8 AS minutes, COUNT(*)::int AS n
    FROM "Ticket"
    WHERE "officeId" = ${officeId} AND status = 'completed' AND "startedAt" IS NOT NULL
      AND "finishedAt" > ${new Date(now.getTime() - 14 * 86_400_000)} AND "finishedAt" <= ${now}
    GROUP BY "serviceId"`;
  const byService = new Map<string, number>();
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    if (r.n >= MIN_SAMPLES && r.minutes > 0) byService.set(r.serviceId, r.minutes);
    sum += r.minutes * r.n;
    n += r.n;
  }
  return { byService, office: n > 0 ? sum / n : null };
}

export class Estimators {
  private cached: { at: number; value: Awaited<ReturnType<typeof averages>> } | null = null;

  constructor(
    private readonly officeId: string,
    private readonly expected: Map<string, number>,
  ) {}

  private async averages(now: Date) {
    if (!this.cached || now.getTime() - this.cached.at >= AVERAGES_REFRESH_MS)
      this.cached = { at: now.getTime(), value: await averages(this.officeId, now) };
    return this.cached.value;
  }

  /** Every estimator's answer for the office's waiting tickets at `now`. */
  async all(now: Date): Promise<Map<string, Record<EstimatorName, Shown>>> {
    const { db } = rt();
    const [waiting, counters, avg] = await Promise.all([
      waitingPublicTickets({ officeId: this.officeId }),
      db.counter.findMany({ where: { officeId: this.officeId, state: 'open' }, select: { serviceIds: true } }),
      this.averages(now),
    ]);
    // What the citizens' screens show (the same calls as the phone page's), and what it was made from.
    const shown = new Map((await toPublicMany(waiting, now)).map((p, i) => [waiting[i]!.id, p]));
    const { waits } = await liveOffice(this.officeId, now);
    const open = new Map<string, number>();
    for (const c of counters) for (const s of c.serviceIds) open.set(s, (open.get(s) ?? 0) + 1);
    const competing = competingServices(counters.map((c) => c.serviceIds));
    const ahead = await aheadInQueueMany(waiting as QueuedTicket[], competing);
    const out = new Map<string, Record<EstimatorName, Shown>>();
    const officeAverage = avg.office ?? [...this.expected.values()].reduce((a, b) => a + b, 0) / Math.max(1, this.expected.size);
    for (const t of waiting) {
      const n = ahead.get(t.id) ?? 0;
      const own = avg.byService.get(t.serviceId) ?? this.expected.get(t.serviceId) ?? officeAverage;
      const openHere = open.get(t.serviceId) ?? 0;
      const current = estimateMinutes(n, own, openHere);
      const usual = estimateMinutes(n, officeAverage, openHere);
      const naive = Math.ceil(n * officeAverage);
      const p = shown.get(t.id)!;
      const e = waits.tickets.get(t.id);
      // A ticket taken since: the newcomer's quantiles it was shown (for the range's analysis).
      const q = e ?? newcomerEstimate(waits, t);
      out.set(t.id, {
        current: { estimate: current, low: bandLow(current), high: current },
        usual: { estimate: usual, low: bandLow(usual), high: usual },
        naive: { estimate: naive, low: naive, high: naive },
        new: {
          estimate: p.estimatedWaitMinutes ?? 0,
          low: p.estimatedWaitMinMinutes ?? 0,
          high: p.estimatedWaitMaxMinutes ?? 0,
          detail: {
            ahead: n,
            open: openHere,
            waiting: waiting.length,
            // Not in the shared estimate yet: a newcomer's figures were shown.
            ...(e ? {} : { newcomer: 1 }),
            ...(q ? { p10: q.p10, p50: q.p50, p90: q.p90 } : {}),
          },
        },
      });
    }
    return out;
  }
}
