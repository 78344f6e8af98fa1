/**
 * How right a wait estimate was: every estimate shown to a citizen (at issue and as the queue
 * moved) against the wait they really had.
 */
export interface EstimateShown {
  /** Minutes shown. */
  estimate: number;
  /** The displayed range. */
  low: number;
  high: number;
  /** Minutes the citizen really waited from that moment until called. */
  actual: number;
}

export interface Accuracy {
  count: number;
  /** Mean absolute error, minutes. */
  meanAbsoluteError: number;
  /** Mean of estimate − actual: positive = estimates too long. */
  bias: number;
  /** Share of estimates within ±5 minutes of the real wait. */
  withinFive: number;
  /** Share of real waits inside the displayed range. */
  rangeCoverage: number;
}

export function accuracy(samples: readonly EstimateShown[]): Accuracy {
  const n = samples.length;
  if (n === 0) return { count: 0, meanAbsoluteError: 0, bias: 0, withinFive: 0, rangeCoverage: 0 };
  let abs = 0;
  let signed = 0;
  let within = 0;
  let inside = 0;
  for (const s of samples) {
    const err = s.estimate - s.actual;
    abs += Math.abs(err);
    signed += err;
    if (Math.abs(err) <= 5) within++;
    if (s.actual >= s.low && s.actual <= s.high) inside++;
  }
  return { count: n, meanAbsoluteError: abs / n, bias: signed / n, withinFive: within / n, rangeCoverage: inside / n };
}
