import { rt } from '../runtime';
import { DEFAULT_SPREAD, UNCALIBRATED, type Calibration, type WaitEstimate } from './wait-model';

/**
 * The estimate checked against what really happened. Each ticket's first estimate (the median and
 * the 10–90 % quantiles of the runs) is remembered in Redis; once the ticket has been called, the
 * real wait is set against it. From these samples the range's width (`spread`): the smallest
 * factor that would have put TARGET of the last MAX_SAMPLES real waits inside their ranges. Until
 * MIN_SAMPLES are known, the spread the simulator measured (DEFAULT_SPREAD). Losing these keys
 * only resets the measurement.
 *
 * The centre is not corrected by the measured error: a correction from waits that have just ended
 * lags the queue by about one wait, and on the simulated days (`npm run sim`: reference days of
 * three seeds, the overloaded day; the quiet day alike either way) it made the estimate worse — it
 * still pushed estimates up when the morning line was already draining.
 */
const TARGET = 0.85;
const MIN_SAMPLES = 30;
const MAX_SAMPLES = 400;
const REFRESH_MS = 5 * 60_000;
/** A first estimate whose ticket is still not called after this long is dropped. */
const STALE_MS = 12 * 3600_000;
const SHOWN_TTL_SECONDS = 24 * 3600;

export interface ErrorSample {
  p10: number;
  p50: number;
  p90: number;
  /** The real wait, minutes. */
  actual: number;
}

/**
 * The smallest spread (0.5–4, in steps of 0.05) whose ranges hold `target` of the real waits.
 * Measured on the unrounded range (the runs' quantiles scaled around the median), not on the
 * whole minutes shown: rounding outward alone holds most short waits (a median of 2 minutes with
 * quantiles 1 and 4 shows 1–4 at any spread near 1), so a day that began with short waits learned
 * a spread far too narrow for the longer waits that followed (`npm run sim`, reference day, seed 21:
 * 0.7 through the morning peak, and the range held 80 % of the real waits; measured unrounded,
 * 0.95 and 85 %). The rounding outward then only adds to what is shown.
 */
export function spreadFor(samples: readonly ErrorSample[], target = TARGET): number {
  if (samples.length < MIN_SAMPLES) return DEFAULT_SPREAD;
  for (let step = 10; step <= 80; step++) {
    const k = step / 20;
    let inside = 0;
    for (const s of samples) if (s.actual >= s.p50 - k * (s.p50 - s.p10) && s.actual <= s.p50 + k * (s.p90 - s.p50)) inside++;
    if (inside >= target * samples.length) return k;
  }
  return 4;
}

/**
 * The tickets of each office whose first estimate this process has already recorded: every pass
 * of the feed estimates every waiting ticket again, and sending them all to Redis each time was a
 * twentieth of the process with thousands waiting (issue 10's profile). Only the tickets of the
 * last pass are kept. Another process, or Redis emptied meanwhile, only costs a few first
 * estimates: HSETNX keeps the first one anyway.
 */
const recorded = new Map<string, Set<string>>();

/** Remembers the first estimate of each waiting ticket (later ones are not what the ticket said). */
export async function recordShown(officeId: string, estimates: ReadonlyMap<string, WaitEstimate>, now: Date): Promise<void> {
  const before = recorded.get(officeId);
  const fresh = [...estimates].filter(([id]) => !before?.has(id));
  if (fresh.length > 0) {
    const { redis, keys } = rt();
    const key = keys.waitShown(officeId);
    const pipe = redis.pipeline();
    for (const [id, e] of fresh) pipe.hsetnx(key, id, `${now.getTime()},${e.p10},${e.p50},${e.p90}`);
    pipe.expire(key, SHOWN_TTL_SECONDS);
    await pipe.exec();
  }
  // Only once written: after a failed write the next pass sends these again.
  recorded.set(officeId, new Set(estimates.keys()));
}

/** Moves the estimates of tickets called since into the error samples; returns the samples. */
async function measure(officeId: string, now: Date): Promise<ErrorSample[]> {
  const { redis, keys, db } = rt();
  const shown = await redis.hgetall(keys.waitShown(officeId));
  // Oldest shown first (a hash's order is not fixed): the samples kept are the last MAX_SAMPLES pushed.
  const shownAt = (id: string) => Number(shown[id]!.split(',', 1)[0]);
  const ids = Object.keys(shown).sort((a, b) => shownAt(a) - shownAt(b) || (a < b ? -1 : 1));
  const done: string[] = [];
  const fresh: string[] = [];
  if (ids.length > 0) {
    const rows = await db.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, calledAt: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const [at, p10, p50, p90] = shown[id]!.split(',').map(Number) as [number, number, number, number];
      const t = byId.get(id);
      if (t?.status === 'waiting' && now.getTime() - at < STALE_MS) continue;
      done.push(id);
      if (t?.calledAt && t.calledAt.getTime() >= at)
        fresh.push(JSON.stringify({ p10, p50, p90, actual: (t.calledAt.getTime() - at) / 60_000 } satisfies ErrorSample));
    }
  }
  const pipe = redis.pipeline();
  if (fresh.length > 0) pipe.lpush(keys.waitErrors(officeId), ...fresh).ltrim(keys.waitErrors(officeId), 0, MAX_SAMPLES - 1);
  if (done.length > 0) pipe.hdel(keys.waitShown(officeId), ...done);
  pipe.lrange(keys.waitErrors(officeId), 0, MAX_SAMPLES - 1);
  const res = (await pipe.exec()) ?? [];
  const list = (res.at(-1)?.[1] as string[] | undefined) ?? [];
  return list.map((s) => JSON.parse(s) as ErrorSample);
}

export function calibrationFor(samples: readonly ErrorSample[]): Calibration {
  if (samples.length < MIN_SAMPLES) return UNCALIBRATED;
  return { spread: spreadFor(samples, TARGET) };
}

const cache = new Map<string, { at: number; calibration: Calibration }>();

/** The office's calibration as of `now`, measured again every few minutes. */
export async function officeCalibration(officeId: string, now: Date): Promise<Calibration> {
  const hit = cache.get(officeId);
  const t = now.getTime();
  if (hit && t >= hit.at && t - hit.at < REFRESH_MS) return hit.calibration;
  const calibration = calibrationFor(await measure(officeId, now));
  cache.set(officeId, { at: t, calibration });
  return calibration;
}
