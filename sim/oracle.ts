import { chance, exponential, lognormal, lognormalAbove, pick, seeded, type Rng } from '../server/estimates/random';
import { playForward, simTicket, type SimCounter, type SimTicket } from '../server/estimates/simulate-wait';
import { checkInOffsetMinutes, playedTicket, type QueuedCitizen, type ServiceMix } from './day';
import {
  APPOINTMENT_SHOW_UP,
  NO_SHOW_MINUTES,
  NO_SHOW_SHARE,
  SERVICE_CV,
  TRANSFER_SHARE,
  WALK_AWAY,
  WALK_UP_MINUTES,
} from './scenario';

/**
 * Three estimators that know the simulated day's future, to tell what error is left to any real one
 * (`npm run sim -- --oracle`):
 * - known: everything, the length of every visit included: the office played forward once with
 *   what will really happen. Its error is what the model of the office (simulate-wait.ts, the
 *   call-next policy) gets wrong about the engine: none, on the reference days (sim.test.ts).
 * - bound: everything except how long the visits not yet begun will last, which it draws from the
 *   simulator's own distributions; the median of many such plays. It knows more than any estimate
 *   can (who will come, when, for what, who will not show up or give up, the end of every visit in
 *   progress, every break), so no estimator that does not know visit lengths in advance can expect
 *   a smaller mean error: the median is the best guess of a wait under absolute error.
 * - fair: only what the office knows now (who waits, since when, for what, with which priority; the
 *   counters, since when each visit has lasted, the shifts and breaks of the day, the appointments
 *   booked) and the simulator's own laws for the rest, drawn afresh in each play: visit lengths,
 *   visits in progress given how long they have lasted, no-shows, transfers, who gives up, the
 *   walk-ins still to come. The best a real estimate could do if it knew the laws exactly.
 */

const MIN = 60_000;

export const ORACLES = ['known', 'bound', 'fair'] as const;
export type OracleName = (typeof ORACLES)[number];

export interface OracleState {
  now: number;
  counters: SimCounter[];
  /** The waiting tickets (those asked about) and then everybody still to come. */
  waiting: QueuedCitizen[];
  future: QueuedCitizen[];
  /** Service code → id, and each service's mean visit minutes (the simulator's own). */
  serviceId: (code: string) => string;
  meanMinutes: (code: string) => number;
}

function play(s: OracleState, visitMinutes: (code: string, real: number) => number): Float64Array {
  const tickets = [...s.waiting, ...s.future].map((t) => playedTicket(t, s.serviceId, visitMinutes));
  return playForward(s.counters, tickets, { watch: s.waiting.length }).calledAt;
}

/** The median of each watched ticket's wait over `runs` plays; plays where it gave up are left out. */
function medianWaits(now: number, ids: readonly string[], runs: number, playOnce: () => Float64Array): Map<string, number> {
  const waits = ids.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    const calledAt = playOnce();
    ids.forEach((_id, i) => {
      if (calledAt[i]! >= now) waits[i]!.push((calledAt[i]! - now) / MIN);
    });
  }
  return new Map(
    ids.map((id, i) => {
      const w = waits[i]!.sort((a, b) => a - b);
      const n = w.length;
      return [id, n === 0 ? NaN : n % 2 ? w[(n - 1) / 2]! : (w[n / 2 - 1]! + w[n / 2]!) / 2];
    }),
  );
}

/** Minutes until each waiting ticket is called if everything goes as it will (NaN: not called). */
export function knownWaits(s: OracleState): Map<string, number> {
  const calledAt = play(s, (_code, real) => real);
  return new Map(s.waiting.map((t, i) => [t.id, calledAt[i]! >= s.now ? (calledAt[i]! - s.now) / MIN : NaN]));
}

/**
 * The median wait of `runs` plays with the visits not yet begun drawn afresh; runs where a ticket
 * gave up are left out (it will be called: the bound may know that too).
 */
export function boundWaits(s: OracleState, runs: number, rng: Rng = seeded(1)): Map<string, number> {
  const ids = s.waiting.map((t) => t.id);
  return medianWaits(s.now, ids, runs, () => play(s, (code) => lognormal(rng, s.meanMinutes(code), SERVICE_CV)));
}

/**
 * What the fair estimator may be told for analysis: when the visits in progress end, what the
 * waiting citizens will do (no-show, transfer, give up), who is still to come.
 */
export const ORACLE_TRUTHS = ['visits', 'waiting', 'future'] as const;
export type OracleTruth = (typeof ORACLE_TRUTHS)[number];

/** A visit under way as the office sees it: the citizen's service, when called and when started, a recall. */
export interface VisitUnderWay {
  serviceCode: string;
  calledAt: number;
  startedAt: number | null;
  recalled: boolean;
}

/** What the office knows now, for the fair estimator. */
export interface KnownNow {
  now: number;
  /**
   * The counters as the oracle's state has them (open now, then later shifts); where `visits` has
   * a visit under way, the counter's freeAt is the truth, which fair draws afresh instead.
   */
  counters: readonly SimCounter[];
  visits: readonly (VisitUnderWay | null)[];
  waiting: {
    id: string;
    serviceId: string;
    serviceCode: string;
    score: number;
    arrivedAt: number;
    leg: 1 | 2;
    walkIn: boolean;
  }[];
  /** Walk-ins still to come in one possible future (the simulator's law for the rest of the day). */
  drawWalkIns: (rng: Rng) => { serviceCode: string; arriveAt: number; score: number }[];
  /** Appointments booked and not checked in: their slot and service. */
  booked: { at: number; serviceCode: string; score: number }[];
  mix: ServiceMix;
  serviceId: (code: string) => string;
  /** The parts taken from what will happen instead of drawn (visit lengths still drawn, as the bound's). */
  truth?: { state: OracleState; use: ReadonlySet<OracleTruth> };
}

/**
 * A citizen's unknowns drawn by the simulator's laws (sim/day.ts): no-show and transfer (at the
 * first call only), visit length, patience given the minutes already waited.
 */
function drawUnknowns(k: KnownNow, rng: Rng, code: string, leg: 1 | 2, walkIn: boolean, waited: number) {
  const transfer =
    leg === 1 && chance(rng, TRANSFER_SHARE) ? { toCode: pick(rng, k.mix.mix), firstMinutes: 1 + 3 * rng() } : null;
  const walkUp = lognormal(rng, WALK_UP_MINUTES.mean, WALK_UP_MINUTES.cv);
  const service = lognormal(rng, k.mix.mean.get(transfer ? transfer.toCode : code)!, SERVICE_CV);
  // Patience is a least one + an exponential (day.ts): past the least, those still here who have
  // one have as much left as a newcomer beyond it; they are fewer among those still waiting.
  const least = WALK_AWAY.leastPatienceMinutes;
  let patience: number | null = null;
  if (walkIn) {
    const stillHere = waited <= least ? 1 : Math.exp(-(waited - least) / WALK_AWAY.meanPatienceMinutes);
    const share = (WALK_AWAY.share * stillHere) / (1 - WALK_AWAY.share + WALK_AWAY.share * stillHere);
    if (chance(rng, share)) patience = Math.max(least, waited) + exponential(rng, WALK_AWAY.meanPatienceMinutes);
  }
  return { noShow: leg === 1 && chance(rng, NO_SHOW_SHARE), transfer, walkUp, service, patience };
}

function fairTicket(
  k: KnownNow,
  rng: Rng,
  id: string,
  code: string,
  score: number,
  arrivesAt: number,
  leg: 1 | 2,
  walkIn: boolean,
  waited: number,
): SimTicket {
  const u = drawUnknowns(k, rng, code, leg, walkIn, waited);
  // In line now (arrivesAt −∞) or when they come.
  const leavesAt = u.patience !== null ? Math.max(arrivesAt, k.now) + (u.patience - waited) * MIN : undefined;
  const serviceId = k.serviceId(code);
  if (u.noShow) return simTicket(id, serviceId, score, arrivesAt, NO_SHOW_MINUTES.givenUp * MIN, { leavesAt });
  if (u.transfer) {
    const then = { serviceId: k.serviceId(u.transfer.toCode), occupancy: (u.walkUp + u.service) * MIN };
    return simTicket(id, serviceId, score, arrivesAt, (u.walkUp + u.transfer.firstMinutes) * MIN, { leavesAt, then });
  }
  return simTicket(id, serviceId, score, arrivesAt, (u.walkUp + u.service) * MIN, { leavesAt });
}

/** The fair estimator: the median of `runs` plays of one possible rest of the day each. */
export function fairWaits(k: KnownNow, runs: number, rng: Rng): Map<string, number> {
  const ids = k.waiting.map((t) => t.id);
  const truth = k.truth;
  const drawnLength = (code: string) => lognormal(rng, k.mix.mean.get(code)!, SERVICE_CV);
  return medianWaits(k.now, ids, runs, () => {
    const counters: SimCounter[] = k.counters.map((c, i) => {
      const visit = k.visits[i];
      if (!visit || truth?.use.has('visits')) return c;
      // A recalled citizen is a no-show in the simulator: given up soon after.
      if (visit.recalled) return { ...c, freeAt: visit.calledAt + NO_SHOW_MINUTES.givenUp * MIN };
      const mean = k.mix.mean.get(visit.serviceCode)!;
      if (visit.startedAt === null) {
        // Called and not at the desk yet: the rest of the walk up (given it has lasted this long), then the visit.
        const walkedUp = lognormalAbove(rng, WALK_UP_MINUTES.mean, WALK_UP_MINUTES.cv, (k.now - visit.calledAt) / MIN);
        return { ...c, freeAt: visit.calledAt + (walkedUp + lognormal(rng, mean, SERVICE_CV)) * MIN };
      }
      const lasted = (k.now - visit.startedAt) / MIN;
      return { ...c, freeAt: visit.startedAt + lognormalAbove(rng, mean, SERVICE_CV, lasted) * MIN };
    });
    const tickets: SimTicket[] = k.waiting.map((t, i) =>
      truth?.use.has('waiting')
        ? playedTicket(truth.state.waiting[i]!, truth.state.serviceId, drawnLength)
        : fairTicket(
            k,
            rng,
            t.id,
            t.serviceCode,
            t.score,
            -Infinity,
            t.leg,
            t.walkIn && t.leg === 1,
            (k.now - t.arrivedAt) / MIN,
          ),
    );
    if (truth?.use.has('future')) {
      for (const t of truth.state.future) tickets.push(playedTicket(t, truth.state.serviceId, drawnLength));
      return playForward(counters, tickets, { watch: ids.length }).calledAt;
    }
    // Ticket ids of those still to come sort after today's (UUID v7 from now on).
    k.drawWalkIns(rng).forEach((c, i) =>
      tickets.push(fairTicket(k, rng, `~w${i}`, c.serviceCode, c.score, c.arriveAt, 1, true, 0)),
    );
    k.booked.forEach((b, i) => {
      if (!chance(rng, APPOINTMENT_SHOW_UP)) return;
      const arriveAt = b.at + checkInOffsetMinutes(rng) * MIN;
      // Not checked in yet: a citizen who would have come already does not come.
      if (arriveAt > k.now) tickets.push(fairTicket(k, rng, `~a${i}`, b.serviceCode, b.score, arriveAt, 1, false, 0));
    });
    return playForward(counters, tickets, { watch: ids.length }).calledAt;
  });
}
