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

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Inverse of the standard normal cumulative distribution (Acklam's rational approximation), 0 < p < 1. */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * A draw of the same right-skewed duration as `lognormal`, given that it is longer than `above`
 * (a visit already under way that long): exact, by the inverse of the distribution above that
 * point, so a visit that has lasted far longer than usual is expected to go on for a while yet
 * (the longer it lasted, the longer what is left), not to end at once.
 */
export function lognormalAbove(rng: Rng, mean: number, cv: number, above: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  if (above <= 0) return Math.exp(mu + sigma * normal(rng));
  const z0 = (Math.log(above) - mu) / sigma;
  // Far in the tail the normal beyond z0 is close to z0 + an exponential of rate z0.
  const z = z0 > 5 ? z0 + exponential(rng, 1) / z0 : normalQuantile(normalCdf(z0) + (1 - normalCdf(z0)) * rng());
  return Math.max(above, Math.exp(mu + sigma * z));
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
