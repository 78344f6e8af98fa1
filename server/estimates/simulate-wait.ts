import { lognormal, seeded, type Rng } from './random';

/**
 * The wait estimate as a short simulation of the next minutes at the office: the tickets really
 * ahead (in the order the call-next policy will take them), the open counters with what each
 * serves and when each will be free, and each service's measured service-time distribution.
 * Counters take, as they free up, the first ticket ahead they may serve, as call_next.lua does,
 * until one takes this ticket. Many runs with service times drawn from the distributions give
 * the median (the estimate) and a range that holds the real wait in about 80 % of cases.
 */

export interface CounterState {
  /** Services this counter calls. */
  serviceIds: readonly string[];
  /** Minutes until it is free (0 = idle now), from the elapsed time of its current visit. */
  freeIn: number;
}

export interface ServiceTime {
  /** Mean minutes of a visit. */
  mean: number;
  /** Coefficient of variation (standard deviation ÷ mean); 0 = always the mean. */
  cv: number;
}

export interface WaitQuestion {
  /** The ticket's service. */
  serviceId: string;
  /** Services of the tickets that will be called before it, in the order they will be called. */
  ahead: readonly string[];
  counters: readonly CounterState[];
  serviceTime: (serviceId: string) => ServiceTime;
}

export interface WaitEstimate {
  /** Minutes, rounded up; null when no open counter serves the service. */
  minutes: number | null;
  low: number | null;
  high: number | null;
}

/** One run: minutes until a counter that serves `serviceId` takes the ticket. */
function runOnce(q: WaitQuestion, draw: (serviceId: string) => number): number {
  const free = q.counters.map((c) => c.freeIn);
  const queue = [...q.ahead, null]; // null = this ticket
  for (;;) {
    // The counter that frees up first (ties: the first listed) takes the first ticket it may serve.
    let best = -1;
    for (let c = 0; c < free.length; c++) {
      const serves = queue.some((s) =>
        s === null ? q.counters[c]!.serviceIds.includes(q.serviceId) : q.counters[c]!.serviceIds.includes(s),
      );
      if (serves && (best === -1 || free[c]! < free[best]!)) best = c;
    }
    if (best === -1) return Infinity;
    const counter = q.counters[best]!;
    const index = queue.findIndex((s) =>
      s === null ? counter.serviceIds.includes(q.serviceId) : counter.serviceIds.includes(s),
    );
    const taken = queue.splice(index, 1)[0];
    if (taken === null) return free[best]!;
    free[best] = free[best]! + draw(taken!);
  }
}

function quantile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * `runs` simulations with a fixed seed: the same question always gets the same answer, so the
 * estimate shown does not flicker between two identical queue states.
 */
export function simulateWait(q: WaitQuestion, runs = 200, rng: Rng = seeded(0x5eed)): WaitEstimate {
  if (!q.counters.some((c) => c.serviceIds.includes(q.serviceId))) return { minutes: null, low: null, high: null };
  const draw = (serviceId: string) => {
    const t = q.serviceTime(serviceId);
    return t.cv > 0 ? lognormal(rng, t.mean, t.cv) : t.mean;
  };
  const waits = Array.from({ length: runs }, () => runOnce(q, draw)).sort((a, b) => a - b);
  return {
    minutes: Math.ceil(quantile(waits, 0.5)),
    low: Math.floor(quantile(waits, 0.1)),
    high: Math.ceil(quantile(waits, 0.9)),
  };
}
