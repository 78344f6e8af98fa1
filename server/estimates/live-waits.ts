import { officeVersion } from '../realtime/changes';
import { processShared, rt } from '../runtime';
import { officeWaits } from './office-waits';
import type { OfficeWaits } from './wait-model';

/**
 * The office's current wait estimates, computed once and shared by every reader: the office feed,
 * the displays, the phone pages, the kiosk's answer and /metrics. Playing the office forward costs
 * tens of milliseconds with a normal queue and seconds with thousands waiting, so it must never run
 * once per request or per socket (issue 10's profile: 35 % of the server's time).
 *
 * - `refreshWaits` (the office feed, after a batch of changes): computes anew, or joins the
 *   computation already under way.
 * - `liveWaits` (everybody else): the last result while nothing changed in the office since and
 *   it is less than MAX_AGE_MS old. When something changed and this process runs an office feed,
 *   the last result is still given (the feed recomputes within its interval and pushes the new
 *   figures to every screen); without a feed (a script, a test in process) it is recomputed.
 *   Older than that, it is recomputed, unless the feed's computation is already under way.
 * Each result carries the estimate of a newcomer per desk service and priority, and per
 * appointment that may check in now (wait-model.ts newcomerEstimate), which stands in for a ticket
 * taken after the last computation.
 */
const MAX_AGE_MS = 30_000;

interface Entry {
  at: number;
  version: number;
  waits: OfficeWaits;
  /** The services of each open counter, as the estimate saw them (positions count the competing ones). */
  openCounterServices: string[][];
}

const cache = processShared('liveWaits', () => new Map<string, Entry>());
const running = processShared('liveWaitsRunning', () => new Map<string, Promise<Entry>>());

async function compute(officeId: string, now: Date): Promise<Entry> {
  const under = running.get(officeId);
  if (under) return under;
  const version = officeVersion(officeId);
  const job = (async () => {
    const { db } = rt();
    const [services, open] = await Promise.all([
      db.service.findMany({ where: { officeId, active: true, mode: 'desk' }, select: { id: true } }),
      db.counter.findMany({ where: { officeId, state: 'open' }, select: { serviceIds: true } }),
    ]);
    const waits = await officeWaits(
      officeId,
      now,
      services.map((s) => s.id),
    );
    const entry = { at: now.getTime(), version, waits, openCounterServices: open.map((c) => c.serviceIds) };
    cache.set(officeId, entry);
    return entry;
  })();
  running.set(officeId, job);
  try {
    return await job;
  } finally {
    running.delete(officeId);
  }
}

export async function refreshWaits(officeId: string, now = new Date()): Promise<OfficeWaits> {
  return (await compute(officeId, now)).waits;
}

/** The office's shared estimate and the open counters' services it was computed with. */
export async function liveOffice(officeId: string, now = new Date()): Promise<Omit<Entry, 'version'>> {
  const hit = cache.get(officeId);
  const age = hit ? now.getTime() - hit.at : Infinity;
  if (hit && age >= 0 && age <= MAX_AGE_MS && (hit.version === officeVersion(officeId) || rt().officeFeed)) return hit;
  // The feed's estimate is under way: its pass publishes the changes without waiting for a slow
  // one (office-feed.ts), and neither may the figures it reads.
  if (hit && rt().officeFeed && running.has(officeId)) return hit;
  return compute(officeId, now);
}

export async function liveWaits(officeId: string, now = new Date()): Promise<OfficeWaits> {
  return (await liveOffice(officeId, now)).waits;
}
