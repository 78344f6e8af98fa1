import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** One benchmark figure, printed next to its target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, and whether bigger is better. */
  target?: { value: number; atLeast: boolean };
  note?: string;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export async function timed<T>(fn: () => Promise<T>, into: number[]): Promise<T> {
  const t = performance.now();
  const r = await fn();
  into.push(performance.now() - t);
  return r;
}

/** Runs `work` from `clients` loops in parallel until it returns false. */
export async function inParallel(clients: number, work: (client: number) => Promise<boolean>): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (await work(i));
    }),
  );
}

/** Resident memory of a process (Linux /proc), in MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * The app's event-loop delay p99 (ms) since the previous scrape: prom-client's default
 * metrics reset their histogram at every collection, so scraping once before a phase and once
 * after gives the phase's own figure.
 */
export async function eventLoopP99Ms(url: string): Promise<number> {
  return (await eventLoopLagMs(url)).p99;
}

/** The app's event-loop delay since the last scrape (prom-client starts it again at each), ms. */
export async function eventLoopLagMs(url: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => {
    const m = new RegExp(`^sportello_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) * 1000 : NaN;
  };
  return { p99: read('p99'), max: read('max') };
}

/**
 * The load generator's own event-loop delay, ms, between start() and stop(). The latencies are
 * timed in this process: a turn held up here (its garbage collection, thousands of storm sockets)
 * lengthens every figure measured meanwhile, without the app being any slower.
 */
export function ownLoopDelay(): { start(): void; stop(): number } {
  const h = monitorEventLoopDelay({ resolution: 1 });
  return {
    start: () => h.enable(),
    stop: () => {
      h.disable();
      return h.percentile(99) / 1e6;
    },
  };
}

/** The same around `work`: its result and the p99 meanwhile. */
export async function withOwnLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; p99: number }> {
  const own = ownLoopDelay();
  own.start();
  const result = await work().catch((err: unknown) => {
    own.stop();
    throw err;
  });
  return { result, p99: own.stop() };
}

export function formatFigure(f: Figure): string {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 1 ? 2 : f.value < 10 ? 1 : 0);
  const target = f.target ? `${f.target.atLeast ? '≥' : '≤'} ${f.target.value} ${f.unit}` : '';
  const met = f.target ? ((f.target.atLeast ? f.value >= f.target.value : f.value <= f.target.value) ? 'met' : 'MISSED') : '';
  return `  ${f.name.padEnd(58)} ${`${v} ${f.unit}`.padStart(14)}   ${target.padEnd(14)} ${met}${f.note ? `  (${f.note})` : ''}`;
}
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
