import { describe, expect, it } from 'vitest';
import { playForward, type SimCounter, type SimTicket } from '../../server/estimates/simulate-wait';
import { DIRECT_BOOST_MS, skillBoostMs } from '../../server/queue/policy';
import { seeded } from '../../server/estimates/random';
import { playForwardReference } from '../helpers/play-forward-reference';

const MIN = 60_000;
const counter = (id: string, services: Record<string, number>, freeAt = 0, extra: Partial<SimCounter> = {}): SimCounter => ({
  id,
  staffId: `staff-${id}`,
  services: new Map(Object.entries(services)),
  freeAt,
  closesAt: Infinity,
  ...extra,
});
/** `minutes` of counter time, arriving `arrives` minutes after 0 (ranked by it unless `extra.score`). */
const ticket = (id: string, serviceId: string, minutes: number, arrives = 0, extra: Partial<SimTicket> = {}): SimTicket => ({
  id,
  serviceId,
  score: arrives * MIN,
  arrivesAt: arrives * MIN,
  occupancy: minutes * MIN,
  ...extra,
});
const calls = (counters: SimCounter[], tickets: SimTicket[]) => {
  const r = playForward(counters, tickets);
  return tickets.map((t, i) => [t.id, r.calledAt[i]! / MIN, r.counter[i]!]);
};

describe('the office played forward by the call-next policy', () => {
  it('one counter calls in rank order, after its current visit', () => {
    expect(
      calls([counter('c1', { A: 0 }, 2 * MIN)], [ticket('t1', 'A', 5), ticket('t2', 'A', 5, 1), ticket('t3', 'A', 5, 2)]),
    ).toEqual([
      ['t1', 2, 0],
      ['t2', 7, 0],
      ['t3', 12, 0],
    ]);
  });

  it('two counters share the line', () => {
    const r = calls(
      [counter('c1', { A: 0 }), counter('c2', { A: 0 })],
      ['t1', 't2', 't3', 't4', 't5'].map((id, i) => ticket(id, 'A', 6, i / 10)),
    );
    expect(r.map((x) => x[1])).toEqual([0, 0.1, 6, 6.1, 12]);
  });

  it('a ticket only another counter serves does not delay this one', () => {
    const r = calls(
      [counter('c1', { A: 0 }), counter('c2', { B: 0 })],
      [ticket('b1', 'B', 20), ticket('b2', 'B', 20, 0.1), ticket('a1', 'A', 4, 0.2)],
    );
    expect(r).toEqual([
      ['b1', 0, 1],
      ['b2', 20, 1],
      ['a1', 0.2, 0],
    ]);
  });

  it("a clerk's skill weight lets a later ticket of their speciality go first, by at most its head start", () => {
    // Weight 3 = 10 minutes of head start for B at c1.
    const c1 = counter('c1', { A: 0, B: skillBoostMs(3) }, 5 * MIN);
    const r = calls([c1], [ticket('a', 'A', 5, 0), ticket('b-soon', 'B', 5, 4), ticket('b-late', 'B', 5, 11)]);
    // At 5: b-soon (rank 4 − 10) beats a (0). At 10: a (0) beats b-late (11 − 10 = 1).
    expect(r).toEqual([
      ['a', 10, 0],
      ['b-soon', 5, 0],
      ['b-late', 15, 0],
    ]);
  });

  it('a priority head start and an appointment ranked by its booked time', () => {
    const r = calls(
      [counter('c1', { A: 0 }, 10 * MIN)],
      [
        ticket('walk-in', 'A', 5, 0),
        // Arrived at 5 with a 10-minute head start: ranks at −5.
        ticket('elderly', 'A', 5, 5, { score: -5 * MIN }),
        // Checked in at 2 for a slot at 30: not callable before 30.
        ticket('appointment', 'A', 5, 2, { score: 30 * MIN }),
      ],
    );
    expect(r).toEqual([
      ['walk-in', 15, 0],
      ['elderly', 10, 0],
      ['appointment', 30, 0],
    ]);
  });

  it('a ticket transferred to one counter or clerk goes only there, first', () => {
    const r = calls(
      [counter('c1', { A: 0 }), counter('c2', { A: 0 }, 3 * MIN)],
      [
        ticket('a1', 'A', 10, 0),
        ticket('a2', 'A', 10, 0.1),
        ticket('to-c2', 'A', 10, 1, { targetCounterId: 'c2' }),
        ticket('to-staff-c1', 'A', 10, 2, { targetStaffId: 'staff-c1' }),
      ],
    );
    expect(DIRECT_BOOST_MS).toBeGreaterThan(60 * MIN);
    expect(r).toEqual([
      ['a1', 0, 0],
      ['a2', 13, 1],
      ['to-c2', 3, 1],
      ['to-staff-c1', 10, 0],
    ]);
  });

  it('a probe finds the time a newcomer would be called and changes nobody else', () => {
    const counters = [counter('c1', { A: 0 })];
    const line = [ticket('t1', 'A', 5), ticket('t2', 'A', 5, 1)];
    const without = playForward(counters, line);
    const withProbe = playForward(counters, [...line, ticket('probe', 'A', 99, 2, { probe: true })]);
    expect(withProbe.calledAt[2]! / MIN).toBe(10);
    expect([...withProbe.calledAt.slice(0, 2)]).toEqual([...without.calledAt.slice(0, 2)]);
  });

  it('breaks, closing, draining the last session, a transfer and a citizen who gives up', () => {
    const c1 = counter('c1', { A: 0, B: 0 }, 0, { closesAt: 30 * MIN, drain: true, breaks: [{ from: 4 * MIN, ms: 15 * MIN }] });
    const r = playForward(
      [c1],
      [
        ticket('t1', 'A', 5, 0, { then: { serviceId: 'B', occupancy: 4 * MIN } }),
        ticket('gives-up', 'A', 5, 1, { leavesAt: 15 * MIN }),
        ticket('t3', 'A', 5, 2),
        ticket('after-closing', 'A', 5, 31),
      ],
    );
    // t1 at 0 (till 5), then the break due at 4 (5–20); the transfer's second leg (rank 0) at 20 (till 24); t3 at 24;
    // the citizen who left at 15 is never called; after closing nobody new is called.
    expect([...r.calledAt].slice(0, 4).map((x) => x / MIN)).toEqual([0, -Infinity, 24, NaN]);
    expect(r.extra).toHaveLength(1);
    expect(r.calledAt[4]! / MIN).toBe(20);
    expect(r.breaks).toEqual([{ counter: 0, from: 5 * MIN, to: 20 * MIN }]);
    expect(r.lastFree[0]! / MIN).toBe(29);
  });

  it('a draining counter serves the second part of a transfer that comes back after closing: the citizen was in line before', () => {
    const c1 = counter('c1', { A: 0, B: 0 }, 0, { closesAt: 10 * MIN, drain: true });
    const r = playForward(
      [c1],
      [
        ticket('t1', 'A', 12, 0, { then: { serviceId: 'B', occupancy: 3 * MIN } }),
        ticket('t2', 'A', 5, 1),
        // Sent here after closing time and new to the line: not served.
        ticket('t3', 'A', 5, 11),
      ],
    );
    // t1 at 0 (till 12, after closing at 10); its second part (rank 0, in line since 0) at 12, before t2 (rank 1) at 15.
    expect(r.extra).toHaveLength(1);
    expect(r.calledAt[3]! / MIN).toBe(12);
    expect([...r.calledAt].slice(0, 3).map((x) => x / MIN)).toEqual([0, 15, NaN]);
  });

  it('a service no counter serves is never called', () => {
    expect(calls([counter('c1', { A: 0 })], [ticket('b', 'B', 5)])).toEqual([['b', NaN, -1]]);
  });
});

describe('the fast play-forward', () => {
  it('calls exactly as the plain version, call for call, on a thousand random offices', () => {
    const rng = seeded(20261202);
    const int = (n: number) => Math.floor(rng() * n);
    const services = ['A', 'B', 'C', 'D'];
    for (let trial = 0; trial < 1000; trial++) {
      const counters: SimCounter[] = Array.from({ length: 1 + int(5) }, (_, i) => {
        const served = services.filter(() => rng() < 0.6);
        return counter(
          `c${i}`,
          Object.fromEntries((served.length ? served : ['A']).map((s) => [s, int(3) * 5 * MIN])),
          int(10) * MIN,
          {
            closesAt: rng() < 0.3 ? (20 + int(60)) * MIN : Infinity,
            drain: rng() < 0.5,
            breaks: rng() < 0.3 ? [{ from: int(40) * MIN, ms: (5 + int(15)) * MIN }] : undefined,
          },
        );
      });
      const tickets: SimTicket[] = Array.from({ length: int(60) }, (_, i) => {
        const arrives = int(90) - 20;
        const kind = rng();
        return ticket(`t${String(int(1000)).padStart(3, '0')}-${i}`, services[int(4)]!, 1 + int(15), arrives, {
          // Priorities rank before their arrival, appointments at their booked time (maybe later), some equal ranks.
          score: (kind < 0.2 ? arrives - 10 : kind < 0.3 ? arrives + int(20) : kind < 0.35 ? 0 : arrives) * MIN,
          leavesAt: rng() < 0.25 ? (arrives + int(40)) * MIN : undefined,
          probe: rng() < 0.05,
          targetCounterId: rng() < 0.05 ? `c${int(counters.length)}` : null,
          targetStaffId: rng() < 0.03 ? `staff-c${int(counters.length)}` : null,
          then: rng() < 0.1 ? { serviceId: services[int(4)]!, occupancy: (1 + int(10)) * MIN } : undefined,
        });
      });
      const opts = {
        watch: rng() < 0.5 ? int(tickets.length + 1) : undefined,
        horizon: rng() < 0.2 ? int(120) * MIN : undefined,
      };
      expect(playForward(counters, tickets, opts), `trial ${trial}`).toEqual(playForwardReference(counters, tickets, opts));
    }
  });
});
