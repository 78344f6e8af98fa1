import type { Priority } from '../server/db/generated/enums';
import { arrivals, chance, exponential, lognormal, pick, type Rng } from '../server/estimates/random';
import { simTicket, type SimTicket } from '../server/estimates/simulate-wait';
import { queueScore, queueTime } from '../server/queue/policy';
import { wallClock } from '../server/schedules/slots';
import {
  APPOINTMENT_SERVICES,
  APPOINTMENT_SHOW_UP,
  MEAN_SERVICE_MINUTES,
  NO_SHOW_MINUTES,
  NO_SHOW_SHARE,
  PRIORITY_MIX,
  SERVICE_CV,
  SERVICE_WEIGHTS,
  TRANSFER_SHARE,
  WALK_AWAY,
  WALK_UP_MINUTES,
  type DayPlan,
} from './scenario';

/** What one citizen will do on a simulated day, drawn in advance so the same seed gives the same day. */
export interface Citizen {
  /** When they take the ticket (or check in), ms. */
  arriveAt: number;
  serviceCode: string;
  priority: Priority;
  /** Minutes from the call to sitting down. */
  walkUp: number;
  /** Minutes of the visit (start → completion). */
  service: number;
  /** Gone when called. */
  noShow: boolean;
  /** Sent on after `firstMinutes` to another service, whose visit lasts `service`. */
  transfer: { toCode: string; firstMinutes: number } | null;
  /** Gives up after waiting this many minutes; null = waits as long as it takes. */
  patience: number | null;
  /** A booked appointment: its time (ms); arriveAt is the check-in. */
  appointmentAt: number | null;
}

export interface CatalogueService {
  code: string;
  expectedMinutes: number;
}

export interface ServiceMix {
  mix: { item: string; weight: number }[];
  /** Mean minutes of each service's visits. */
  mean: Map<string, number>;
}

/**
 * The scenario's desk services with their share of visits (SERVICE_WEIGHTS; others are never
 * drawn); each service's mean visit is proportional to its expected minutes, scaled so the mix
 * averages MEAN_SERVICE_MINUTES.
 */
export function serviceMix(services: readonly CatalogueService[], scale = 1): ServiceMix {
  const mix = services.filter((s) => s.code in SERVICE_WEIGHTS).map((s) => ({ item: s.code, weight: SERVICE_WEIGHTS[s.code]! }));
  const total = mix.reduce((n, m) => n + m.weight, 0);
  const expected = new Map(services.map((s) => [s.code, s.expectedMinutes]));
  const mixMean = mix.reduce((n, m) => n + m.weight * expected.get(m.item)!, 0) / total;
  const factor = (MEAN_SERVICE_MINUTES / mixMean) * scale;
  return { mix, mean: new Map(services.map((s) => [s.code, s.expectedMinutes * factor])) };
}

const MIN = 60_000;

export const at = (day: string, hhmm: string, tz: string) => wallClock(day, hhmm, tz).toMillis();

/** Minutes after the slot that the latest booked citizen checks in. */
export const LATEST_CHECK_IN_MINUTES = 8;

/** When a booked citizen checks in, minutes from the slot: most a few minutes early, some a little late (inside the late window). */
export function checkInOffsetMinutes(rng: Rng): number {
  return chance(rng, 0.85) ? -10 * rng() : LATEST_CHECK_IN_MINUTES * rng();
}

/** When the citizen's ticket ranks from (policy.ts queueTime): the booked time of an appointment, else the arrival. */
export function queuedAtOf(c: Citizen): Date {
  return queueTime(new Date(c.arriveAt), c.appointmentAt === null ? null : new Date(c.appointmentAt));
}

/** The citizen's rank in the queues (policy.ts queueScore), kept by a transfer's second part. */
export function rankOf(c: Citizen): number {
  return queueScore(queuedAtOf(c), c.priority);
}

/** A citizen in line now or still to come, with the ticket's rank as the engine holds it. */
export interface QueuedCitizen {
  id: string;
  serviceId: string;
  score: number;
  arrivesAt: number;
  /** A transfer's second part: in line since the first (simulate-wait.ts). */
  inLineSince?: number;
  citizen: Citizen;
  /** 2: the second part of a transferred visit. */
  leg: 1 | 2;
}

/**
 * The citizen's ticket as the call-next policy plays it forward (simulate-wait.ts), doing what the
 * engine's simulated day makes it do: a no-show holds the counter from the call until given up, a
 * transfer's first part comes back in line for its second, a visit lasts from the call (walking up
 * included). `visitMinutes` may put another length in place of the real one (an estimate's draw).
 */
export function playedTicket(
  t: QueuedCitizen,
  serviceIdOf: (code: string) => string,
  visitMinutes: (code: string, real: number) => number = (_code, real) => real,
): SimTicket {
  const c = t.citizen;
  const walkUp = c.walkUp * MIN;
  const leavesAt = t.leg === 1 && c.patience !== null ? c.arriveAt + c.patience * MIN : undefined;
  if (t.leg === 1 && c.noShow)
    return simTicket(t.id, t.serviceId, t.score, t.arrivesAt, NO_SHOW_MINUTES.givenUp * MIN, { leavesAt });
  if (t.leg === 1 && c.transfer) {
    const then = {
      serviceId: serviceIdOf(c.transfer.toCode),
      occupancy: walkUp + visitMinutes(c.transfer.toCode, c.service) * MIN,
    };
    return simTicket(t.id, t.serviceId, t.score, t.arrivesAt, walkUp + c.transfer.firstMinutes * MIN, { leavesAt, then });
  }
  const code = t.leg === 2 ? c.transfer!.toCode : c.serviceCode;
  return simTicket(t.id, t.serviceId, t.score, t.arrivesAt, walkUp + visitMinutes(code, c.service) * MIN, {
    leavesAt,
    inLineSince: t.inLineSince,
  });
}

export interface DrawnDay {
  /** Everybody who comes, ordered by arrival. */
  citizens: Citizen[];
  /** Every appointment booked for the day, also those whose citizen does not come. */
  bookings: { at: number; code: string }[];
}

/** Draws one day of `plan` on local day `day`: who comes when, for what, and what happens to them. */
export function drawDay(plan: DayPlan, day: string, tz: string, services: ServiceMix, rng: Rng, volume = 1): DrawnDay {
  const sessions = plan.sessions.map((s) => ({ from: at(day, s.opens, tz), to: at(day, s.closes, tz) }));
  const dayStart = at(day, '00:00', tz);
  const minuteOf = (ms: number) => (ms - dayStart) / 60_000;
  // Arrivals per hour: the day's volume spread by the hour shape over the open minutes.
  let weightMinutes = 0;
  for (const s of sessions)
    for (let m = Math.floor(minuteOf(s.from)); m < minuteOf(s.to); m++) weightMinutes += plan.hourShape[Math.floor(m / 60)] ?? 0;
  const perMinuteWeight = weightMinutes > 0 ? (plan.walkIns * volume) / weightMinutes : 0;
  const perHour = (m: number) => (plan.hourShape[Math.floor(m / 60)] ?? 0) * perMinuteWeight * 60;

  const visit = (code: string) => lognormal(rng, services.mean.get(code)!, SERVICE_CV);
  const citizen = (arriveAt: number, code: string, priority: Priority, appointmentAt: number | null): Citizen => {
    const transfer = chance(rng, TRANSFER_SHARE) ? { toCode: pick(rng, services.mix), firstMinutes: 1 + 3 * rng() } : null;
    return {
      arriveAt,
      serviceCode: code,
      priority,
      walkUp: lognormal(rng, WALK_UP_MINUTES.mean, WALK_UP_MINUTES.cv),
      service: visit(transfer ? transfer.toCode : code),
      noShow: chance(rng, NO_SHOW_SHARE),
      transfer,
      patience:
        appointmentAt === null && chance(rng, WALK_AWAY.share)
          ? exponential(rng, WALK_AWAY.meanPatienceMinutes) + WALK_AWAY.leastPatienceMinutes
          : null,
      appointmentAt,
    };
  };

  const out: Citizen[] = [];
  for (const s of sessions)
    for (const m of arrivals(rng, perHour, minuteOf(s.from), minuteOf(s.to)))
      out.push(citizen(dayStart + m * 60_000, pick(rng, services.mix), pick(rng, PRIORITY_MIX), null));

  // Appointments on a 15-minute grid inside the sessions, one citizen per slot and service.
  const slots: { at: number; code: string }[] = [];
  for (const s of sessions)
    for (let t = s.from; t + 15 * 60_000 <= s.to; t += 15 * 60_000)
      for (const code of APPOINTMENT_SERVICES) if (services.mean.has(code)) slots.push({ at: t, code });
  const bookings: DrawnDay['bookings'] = [];
  for (let i = 0; i < plan.appointments && slots.length > 0; i++) {
    const [slot] = slots.splice(Math.floor(rng() * slots.length), 1);
    bookings.push(slot!);
    if (!chance(rng, APPOINTMENT_SHOW_UP)) continue;
    out.push(citizen(slot!.at + checkInOffsetMinutes(rng) * 60_000, slot!.code, 'appointment', slot!.at));
  }
  return { citizens: out.sort((a, b) => a.arriveAt - b.arriveAt), bookings: bookings.sort((a, b) => a.at - b.at) };
}
