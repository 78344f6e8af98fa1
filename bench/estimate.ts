/**
 * `node --import tsx bench/estimate.ts [waiting]`: what one wait estimate costs (server/estimates/
 * wait-model.ts) for an office of 10 counters and `waiting` citizens (300), with transfers,
 * no-shows, citizens giving up and walk-ins to come: milliseconds per estimate, megabytes
 * allocated per estimate (V8's sampling heap profiler, collected objects included), and where they
 * were allocated. The office feed computes it after changes: its garbage is what the young
 * generation's collections copy around every click (issue 10). Prints only.
 */
import { Session } from 'node:inspector/promises';
import {
  estimateWaits,
  type LiveCounter,
  type OfficeHistory,
  type Staffing,
  type WaitState,
} from '../server/estimates/wait-model';

const MIN = 60_000;
const NOW = 600 * MIN;
const waiting = Number(process.argv[2] ?? 300);
const staffing: Staffing = { days: 0, working: () => undefined, pauses: () => [], pauseMinutes: 10 };
const history: OfficeHistory = {
  occupancy: () => ({ mean: 7, cv: 0.6 }),
  noShow: { rate: 0.05, minutes: 2 },
  transfer: { rate: 0.03, minutes: 3 },
  leavePerMinute: 0.002,
  walkInsPerHour: () => 40,
  serviceMix: [
    { item: 'A', weight: 1 },
    { item: 'B', weight: 1 },
  ],
  priorityMix: [{ item: 'none', weight: 1 }],
  showUp: 1,
  staffing,
};
const counters: LiveCounter[] = Array.from({ length: 10 }, (_, i) => ({
  id: `c${i}`,
  staffId: `s${i}`,
  services: new Map([
    ['A', 0],
    ['B', i % 2],
  ]),
  paused: false,
  pausedAt: null,
  busy: { serviceId: 'A', calledAt: NOW - 2 * MIN },
}));
const state: WaitState = {
  now: NOW,
  minuteOf: (ms) => ms / MIN,
  counters,
  closedCounters: [],
  pausedToday: new Map(),
  waiting: Array.from({ length: waiting }, (_, i) => ({
    id: `t${i}`,
    serviceId: i % 3 ? 'A' : 'B',
    priority: 'none' as const,
    queuedAt: NOW - (waiting - i) * 6000,
    targetCounterId: null,
    targetStaffId: null,
  })),
  appointments: [],
  walkInUntil: NOW + 3 * 60 * MIN,
  walkInsToday: 100,
  probes: ['A', 'B'],
  history,
};

const RUNS = 10;
for (let i = 0; i < 3; i++) estimateWaits(state); // compiled before timing
const t0 = performance.now();
for (let i = 0; i < RUNS; i++) estimateWaits(state);
const ms = (performance.now() - t0) / RUNS;

type Node = { callFrame: { functionName: string; url: string }; selfSize: number; children: Node[] };
const session = new Session();
session.connect();
// The flags keep what the collector took since: the garbage is what this measures. Node's types
// do not list them yet, hence the untyped call.
const post = session.post.bind(session) as (method: string, params?: object) => Promise<unknown>;
await post('HeapProfiler.startSampling', {
  samplingInterval: 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (let i = 0; i < RUNS; i++) estimateWaits(state);
const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: Node } };
const bySite = new Map<string, number>();
let total = 0;
const walk = (n: Node) => {
  total += n.selfSize;
  const site = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;
  bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
  n.children.forEach(walk);
};
walk(profile.head);
console.log(
  `${waiting} waiting at 10 counters: ${ms.toFixed(1)} ms per estimate, ${(total / RUNS / 1e6).toFixed(1)} MB allocated per estimate`,
);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 10))
  console.log(`  ${(bytes / RUNS / 1e6).toFixed(2).padStart(6)} MB  ${site}`);
