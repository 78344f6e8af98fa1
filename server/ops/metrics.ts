import client from 'prom-client';
import { queueInfos } from '../estimates/queue-infos';
import { rt } from '../runtime';
import { requestsInFlight } from '../foreground';

/**
 * Prometheus metrics, served at GET /metrics (server/ops/metrics-endpoint.ts). Queue figures are
 * read from PostgreSQL at scrape time (the same numbers the displays show), so they are right
 * whichever process is scraped; with several app processes every process reports the same queue
 * gauges, so aggregate them with max(), not sum(). Screens, HTTP requests and job failures are
 * counted per process: sum() them.
 */
export type ScreenKind = 'display' | 'kiosk' | 'counter' | 'ticket' | 'supervisor';

interface Metrics {
  registry: client.Registry;
  screens: client.Gauge<'kind'>;
  jobFailures: client.Counter<'queue' | 'job'>;
  httpRequests: client.Counter<'method' | 'status'>;
  httpDuration: client.Histogram<'method'>;
}

// One set per process even if this module is bundled twice (custom server and Next handlers).
const holder = globalThis as typeof globalThis & { __sportelloMetrics?: Metrics };

type QueueRow = {
  office: string;
  service: string;
  prefix: string;
  waiting: number;
  oldestSeconds: number;
  estimateMinutes: number;
};
let pending: { at: number; rows: Promise<QueueRow[]> } | null = null;

/** One database pass per scrape, shared by the queue gauges (the endpoint starts each scrape afresh). */
function queueRows(): Promise<QueueRow[]> {
  if (pending && Date.now() - pending.at < 5000) return pending.rows;
  const rows = (async () => {
    const { db } = rt();
    const offices = await db.office.findMany({ select: { id: true, slug: true } });
    const services = await db.service.findMany({ where: { active: true }, select: { id: true, code: true } });
    const code = new Map(services.map((s) => [s.id, s.code]));
    const out: QueueRow[] = [];
    for (const o of offices) {
      for (const q of await queueInfos(o.id)) {
        out.push({
          office: o.slug,
          service: code.get(q.serviceId) ?? q.serviceId,
          prefix: q.prefix,
          waiting: q.waiting,
          oldestSeconds: q.oldestWaitMinutes * 60,
          estimateMinutes: q.estimatedWaitMinutes,
        });
      }
    }
    return out;
  })();
  pending = { at: Date.now(), rows };
  rows.catch(() => (pending = null));
  return rows;
}

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'sportello_' });
  const labelNames = ['office', 'service', 'prefix'] as const;
  new client.Gauge({
    name: 'sportello_queue_waiting',
    help: 'Tickets waiting, per service queue',
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await queueRows()) this.set({ office: r.office, service: r.service, prefix: r.prefix }, r.waiting);
    },
  });
  new client.Gauge({
    name: 'sportello_queue_oldest_wait_seconds',
    help: 'How long the oldest waiting ticket has waited, per service queue (whole minutes, in seconds)',
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await queueRows()) this.set({ office: r.office, service: r.service, prefix: r.prefix }, r.oldestSeconds);
    },
  });
  new client.Gauge({
    name: 'sportello_queue_estimated_wait_minutes',
    help: 'Estimated wait for a ticket taken now, per service queue',
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await queueRows()) this.set({ office: r.office, service: r.service, prefix: r.prefix }, r.estimateMinutes);
    },
  });
  new client.Gauge({
    name: 'sportello_api_requests_in_flight',
    help: 'API requests under way, which background work (the office feed, the wait estimate) gives way to',
    registers: [registry],
    collect() {
      this.set(requestsInFlight());
    },
  });
  new client.Gauge({
    name: 'sportello_counters',
    help: 'Counters by office and state',
    labelNames: ['office', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const { db } = rt();
      const [offices, rows] = await Promise.all([
        db.office.findMany({ select: { id: true, slug: true } }),
        db.counter.groupBy({ by: ['officeId', 'state'], _count: { _all: true } }),
      ]);
      const slug = new Map(offices.map((o) => [o.id, o.slug]));
      for (const r of rows) this.set({ office: slug.get(r.officeId) ?? r.officeId, state: r.state }, r._count._all);
    },
  });
  const screens = new client.Gauge({
    name: 'sportello_screens_connected',
    help: 'Screens subscribed on this process, by kind (a socket counts once per kind)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  for (const kind of ['display', 'kiosk', 'counter', 'ticket', 'supervisor'] satisfies ScreenKind[]) screens.set({ kind }, 0);
  const jobFailures = new client.Counter({
    name: 'sportello_job_failures_total',
    help: 'Background jobs that failed (BullMQ "failed" events), by queue and job name',
    labelNames: ['queue', 'job'] as const,
    registers: [registry],
  });
  const httpRequests = new client.Counter({
    name: 'sportello_http_requests_total',
    help: 'HTTP requests answered, by method and status code',
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: 'sportello_http_request_duration_seconds',
    help: 'Time to answer HTTP requests (pages, API and assets; not WebSocket traffic)',
    labelNames: ['method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, screens, jobFailures, httpRequests, httpDuration };
}

/** The text of all metrics, with queue figures read now (not left over from an earlier scrape). */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  pending = null;
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

export function metrics(): Metrics {
  return (holder.__sportelloMetrics ??= create());
}

export function jobFailed(queue: string, job: string): void {
  metrics().jobFailures.inc({ queue, job });
}

/** A socket subscribed as a screen of this kind (counted once per socket, until it disconnects). */
export function screenJoined(kinds: Set<ScreenKind>, kind: ScreenKind): void {
  if (kinds.has(kind)) return;
  kinds.add(kind);
  metrics().screens.inc({ kind });
}

export function screensLeft(kinds: Set<ScreenKind>): void {
  for (const kind of kinds) metrics().screens.dec({ kind });
  kinds.clear();
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function httpAnswered(method: string | undefined, status: number, seconds: number): void {
  // Bounded label values: unknown methods are folded into one.
  const m = method && HTTP_METHODS.has(method) ? method : 'OTHER';
  metrics().httpRequests.inc({ method: m, status: String(status) });
  metrics().httpDuration.observe({ method: m }, seconds);
}
