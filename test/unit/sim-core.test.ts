import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../server/demo/demo-data';
import { accuracy } from '../../sim/accuracy';
import { playedTicket, type Citizen } from '../../sim/day';
import { fairWaits, type KnownNow } from '../../sim/oracle';
import { NO_SHOW_MINUTES, SERVICE_WEIGHTS } from '../../sim/scenario';
import { arrivals, lognormal, pick, seeded } from '../../server/estimates/random';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('simulator randomness', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const a = seeded(42);
    const b = seeded(42);
    const c = seeded(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws right-skewed service times with the asked mean and spread', () => {
    const rng = seeded(7);
    const xs = Array.from({ length: 20_000 }, () => lognormal(rng, 7.5, 0.7));
    const m = mean(xs);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    expect(m).toBeGreaterThan(7.3);
    expect(m).toBeLessThan(7.7);
    expect(sd / m).toBeGreaterThan(0.64);
    expect(sd / m).toBeLessThan(0.76);
    const median = [...xs].sort((p, q) => p - q)[xs.length / 2]!;
    expect(median).toBeLessThan(m); // skewed: the median sits below the mean
  });

  it('picks by weight', () => {
    const rng = seeded(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        pick(rng, [
          { item: 'a' as const, weight: 3 },
          { item: 'b' as const, weight: 1 },
        ])
      ]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
  });

  it('brings arrivals at the rate of each hour and none when closed', () => {
    // 60/h from 9:00 to 10:00, 20/h from 10:00 to 11:00, closed at lunch, 30/h 14:00–15:00; 200 days.
    const rate = (m: number) => (m < 600 ? 60 : m < 660 ? 20 : m >= 840 && m < 900 ? 30 : 0);
    const rng = seeded(3);
    const days = Array.from({ length: 200 }, () => arrivals(rng, rate, 540, 900));
    const per = (from: number, to: number) => mean(days.map((d) => d.filter((t) => t >= from && t < to).length));
    expect(per(540, 600)).toBeGreaterThan(57);
    expect(per(540, 600)).toBeLessThan(63);
    expect(per(600, 660)).toBeGreaterThan(18);
    expect(per(600, 660)).toBeLessThan(22);
    expect(per(660, 840)).toBe(0);
    expect(per(840, 900)).toBeGreaterThan(28);
    for (const d of days) expect([...d].sort((p, q) => p - q)).toEqual(d);
  });
});

describe('estimate accuracy', () => {
  it('computes mean absolute error, bias, the share within five minutes and the range coverage', () => {
    const a = accuracy([
      { estimate: 10, low: 8, high: 12, actual: 12 },
      { estimate: 20, low: 15, high: 25, actual: 30 },
      { estimate: 5, low: 4, high: 6, actual: 2 },
      { estimate: 0, low: 0, high: 0, actual: 0 },
    ]);
    expect(a).toEqual({ count: 4, meanAbsoluteError: 15 / 4, bias: -9 / 4, withinFive: 3 / 4, rangeCoverage: 2 / 4 });
  });

  it('is empty for no samples', () => {
    expect(accuracy([]).count).toBe(0);
  });
});

describe('simulated catalogue', () => {
  it('names only services the demo one-stop desk offers at the counter', () => {
    const desk = loadDemoData().services.filter((s) => s.officeSlug === 'sportello-unico' && s.mode === 'desk');
    const codes = new Set(desk.map((s) => s.code));
    // A listed service missing from the demo would stop `npm run sim` (sim/office.ts).
    for (const code of Object.keys(SERVICE_WEIGHTS)) expect(codes.has(code), code).toBe(true);
  });
});

describe('a simulated citizen played forward (sim/day.ts playedTicket)', () => {
  const MIN = 60_000;
  const citizen: Citizen = {
    arriveAt: 1_000 * MIN,
    serviceCode: 'anagrafe',
    priority: 'none',
    walkUp: 1.5,
    service: 8,
    noShow: false,
    transfer: null,
    patience: 20,
    appointmentAt: null,
  };
  const queued = (c: Citizen, leg: 1 | 2 = 1) => ({
    id: 't1',
    serviceId: `id-${c.serviceCode}`,
    score: 5,
    arrivesAt: c.arriveAt,
    citizen: c,
    leg,
  });
  const idOf = (code: string) => `id-${code}`;

  it('holds the counter from the call: walking up and the visit', () => {
    const t = playedTicket(queued(citizen), idOf);
    expect(t.occupancy).toBe(9.5 * MIN);
    expect(t.leavesAt).toBe(citizen.arriveAt + 20 * MIN);
    expect(t.then).toBeUndefined();
  });

  it('frees the counter as the engine does for a no-show: when given up after the call, whatever the walk up', () => {
    const t = playedTicket(queued({ ...citizen, noShow: true, walkUp: 3 }), idOf);
    expect(t.occupancy).toBe(NO_SHOW_MINUTES.givenUp * MIN);
    expect(t.then).toBeUndefined();
  });

  it('sends a transferred citizen on, and their second part keeps the first one’s place in line', () => {
    const moved = { ...citizen, transfer: { toCode: 'tributi', firstMinutes: 2 } };
    const first = playedTicket(queued(moved), idOf);
    expect(first.occupancy).toBe(3.5 * MIN);
    expect(first.then).toEqual({ serviceId: 'id-tributi', occupancy: 9.5 * MIN });
    const second = playedTicket(
      { ...queued(moved, 2), serviceId: 'id-tributi', inLineSince: citizen.arriveAt },
      idOf,
      (_c, real) => real * 2,
    );
    expect(second.occupancy).toBe((1.5 + 16) * MIN);
    expect(second.inLineSince).toBe(citizen.arriveAt);
    expect(second.leavesAt).toBeUndefined();
  });
});

describe('the fair oracle (sim/oracle.ts fairWaits)', () => {
  const MIN = 60_000;
  const now = 1_000 * MIN;
  /** One counter busy with a citizen called `calledAgo` minutes ago (started `startedAgo` ago, or not yet), one ticket next in line. */
  const office = (calledAgo: number, startedAgo: number | null): KnownNow => ({
    now,
    counters: [{ id: 'c1', staffId: null, services: new Map([['s1', 0]]), freeAt: now, closesAt: Infinity }],
    visits: [
      {
        serviceCode: 'visit',
        calledAt: now - calledAgo * MIN,
        startedAt: startedAgo === null ? null : now - startedAgo * MIN,
        recalled: false,
      },
    ],
    // A second part: no no-show or transfer drawn for it, and not a walk-in who may give up.
    waiting: [{ id: 't1', serviceId: 's1', serviceCode: 'visit', score: now - MIN, arrivedAt: now - MIN, leg: 2, walkIn: false }],
    drawWalkIns: () => [],
    booked: [],
    mix: { mix: [{ item: 'visit', weight: 1 }], mean: new Map([['visit', 10]]) },
    serviceId: () => 's1',
  });
  const waitOf = (k: KnownNow) => fairWaits(k, 20_000, seeded(5)).get('t1')!;

  it('waits for the rest of a called citizen’s walk up to the desk before their visit', () => {
    const justStarted = waitOf(office(0.6, 0));
    const stillWalking = waitOf(office(0.1, null));
    // The visit's median (10 min, spread 0.6: 8.6 min) either way; still walking adds the rest of a
    // walk up of 0.6 min on average, given it has lasted 0.1.
    expect(justStarted).toBeGreaterThan(8.2);
    expect(justStarted).toBeLessThan(9.0);
    expect(stillWalking - justStarted).toBeGreaterThan(0.3);
    expect(stillWalking - justStarted).toBeLessThan(0.9);
  });
});
