/**
 * Seeded randomness for the wait estimate's simulations and the day simulator: the same seed
 * gives the same answer, so estimates do not flicker and simulated days repeat exactly.
 */
export type Rng = () => number;

/** mulberry32: small, fast, and good enough for simulated arrivals. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/** Standard normal by Box–Muller. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A right-skewed duration with the given mean and coefficient of variation (standard deviation
 * ÷ mean), as service times are: most visits short, a few very long.
 */
export function lognormal(rng: Rng, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * normal(rng));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One of `items`, each as likely as its weight. */
export function pick<T>(rng: Rng, items: readonly { item: T; weight: number }[]): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = rng() * total;
  for (const i of items) {
    r -= i.weight;
    if (r < 0) return i.item;
  }
  const last = items.at(-1);
  if (!last) throw new Error('pick from an empty list');
  return last.item;
}

/**
 * Arrival minutes (from midnight) of a Poisson process whose rate changes by the quarter hour:
 * `perHour` gives the mean arrivals per hour at each minute of the day (0 when closed).
 */
export function arrivals(rng: Rng, perHour: (minute: number) => number, fromMinute: number, toMinute: number): number[] {
  const out: number[] = [];
  const peak = Math.max(...Array.from({ length: toMinute - fromMinute }, (_, i) => perHour(fromMinute + i)));
  if (peak <= 0) return out;
  // Thinning (Lewis–Shedler): candidates at the peak rate, each kept with rate(t) ÷ peak.
  let t = fromMinute;
  for (;;) {
    t += exponential(rng, 60 / peak);
    if (t >= toMinute) return out;
    if (rng() < perHour(Math.floor(t)) / peak) out.push(t);
  }
}
