import { spawn } from 'node:child_process';
import { percentile } from './measure';

/**
 * A separate Node process that does nothing but sleep 1 ms again and again, and notes how late
 * each wake-up comes. It has no work of its own, so a late wake-up is time it waited for a core:
 * the machine's other processes (the app, PostgreSQL, Redis, the load generator) had both cores,
 * or the virtual machine's host did not run it. A request handled at that moment waits the same way,
 * wherever in the app, the database or the generator it happens to be.
 */
const probeSource = (lateMs: number) => `
const late = [], slow = [];
const tick = () => {
  const s = performance.now();
  setTimeout(() => {
    const l = performance.now() - s - 1;
    late.push(l);
    if (l >= ${lateMs}) slow.push([performance.timeOrigin + s, l]);
    if (!done) tick();
  }, 1);
};
let done = false;
process.stdin.on('end', () => {
  done = true;
  process.stdout.write(JSON.stringify({ late, slow }), () => process.exit(0));
});
process.stdin.resume();
tick();
`;

/** A wake-up at least this late counts as the probe having waited for a core. */
export const LATE_MS = 2;

export interface IdleProbeResult {
  /** How late a 1 ms sleep woke: p99 and the longest, ms. */
  p99: number;
  longest: number;
  /** Wake-ups at least LATE_MS late: when the sleep began (epoch ms) and how late it woke. */
  late: [start: number, ms: number][];
}

export function startIdleProbe(): { stop(): Promise<IdleProbeResult> } {
  const child = spawn(process.execPath, ['-e', probeSource(LATE_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
  return {
    async stop() {
      child.stdin.end();
      await exited;
      if (!out) throw new Error('the idle probe ended without a result');
      const { late, slow } = JSON.parse(out) as { late: number[]; slow: [number, number][] };
      return { p99: percentile(late, 99), longest: Math.max(...late), late: slow };
    },
  };
}

/**
 * The share of `calls` (start, epoch ms, and duration) during which the probe woke late at least
 * once: for the slowest calls against all of them, it tells whether the slow ones are the ones
 * that fell on a moment with no core free.
 */
export function shareOverlappingLate(calls: readonly [start: number, ms: number][], late: IdleProbeResult['late']): number {
  if (calls.length === 0) return NaN;
  let hits = 0;
  for (const [start, ms] of calls) {
    // The probe waited from its sleep's due time (start + 1 ms) to its late wake-up.
    if (late.some(([s, l]) => s + 1 < start + ms && s + 1 + l > start)) hits++;
  }
  return (100 * hits) / calls.length;
}
