// `npm run bench`: measures the walk-in path through the real HTTP API on this machine's
// PostgreSQL and Redis: ticket issuing, and 20 clerks calling and completing in parallel.
// Prints latency percentiles and throughput; asserts nothing (the tests check behaviour).
import { ApiClient } from '../test/helpers/api';
import { startApp } from '../test/helpers/app';
import { createTestSpace } from '../test/helpers/services';
import { hashPassword } from '../server/auth/password';
import buildIfStale from '../test/helpers/global-setup';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const CLERKS = Number(process.env.BENCH_CLERKS ?? 20);
const ISSUE_CONCURRENCY = 10;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
const fmt = (v: number[]) => `p50 ${pct(v, 50).toFixed(1)} ms, p95 ${pct(v, 95).toFixed(1)} ms, p99 ${pct(v, 99).toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>, into: number[]): Promise<T> {
  const t = performance.now();
  const r = await fn();
  into.push(performance.now() - t);
  return r;
}

buildIfStale();
const space = await createTestSpace();
const app = await startApp(space);
try {
  const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
  const services = await space.db.service.findMany({ where: { officeId: office.id, mode: 'desk' }, take: 5 });
  const hash = await hashPassword('bench');
  const clerks: ApiClient[] = [];
  for (let i = 0; i < CLERKS; i++) {
    const staff = await space.db.staff.create({ data: { username: `bench${i}`, displayName: `Bench ${i}`, passwordHash: hash } });
    await space.db.skill.createMany({ data: services.map((s) => ({ staffId: staff.id, serviceId: s.id, weight: 1 })) });
    const counter = await space.db.counter.create({ data: { officeId: office.id, number: 100 + i, name: `Bench ${i}` } });
    const c = new ApiClient(app.url);
    await c.login(`bench${i}`, 'bench');
    await c.post(`/api/counters/${counter.id}/open`);
    (c as ApiClient & { counterId?: string }).counterId = counter.id;
    clerks.push(c);
  }

  const issue: number[] = [];
  const kiosk = new ApiClient(app.url);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: ISSUE_CONCURRENCY }, async () => {
      while (next < TICKETS) {
        const i = next++;
        const r = await timed(
          () =>
            kiosk.post('/api/tickets', {
              serviceId: services[i % services.length].id,
              priority: i % 10 === 0 ? 'elderly' : 'none',
            }),
          issue,
        );
        if (r.status !== 201) throw new Error(`issue failed: ${r.status}`);
      }
    }),
  );
  const issueSeconds = (performance.now() - t0) / 1000;
  console.log(
    `issue ${TICKETS} tickets, ${ISSUE_CONCURRENCY} kiosks in parallel: ${(TICKETS / issueSeconds).toFixed(0)} tickets/s; ${fmt(issue)}`,
  );

  const call: number[] = [];
  const complete: number[] = [];
  let served = 0;
  const t1 = performance.now();
  await Promise.all(
    clerks.map(async (c) => {
      const id = (c as ApiClient & { counterId?: string }).counterId;
      for (;;) {
        const r = await timed(() => c.post(`/api/counters/${id}/call-next`), call);
        if (r.status === 204) return;
        if (r.status !== 200) throw new Error(`call-next failed: ${r.status} ${JSON.stringify(r.body)}`);
        await timed(() => c.post(`/api/tickets/${r.body.ticket.id}/complete`), complete);
        served++;
      }
    }),
  );
  const callSeconds = (performance.now() - t1) / 1000;
  console.log(
    `${CLERKS} clerks call-next + complete until empty: ${served} served, ${(served / callSeconds).toFixed(0)} visits/s`,
  );
  console.log(`  call-next: ${fmt(call)}`);
  console.log(`  complete:  ${fmt(complete)}`);
  const doubles = await space.db.$queryRaw<
    { n: bigint }[]
  >`SELECT COUNT(*) AS n FROM (SELECT "ticketId" FROM "TicketEvent" WHERE type = 'called' GROUP BY "ticketId" HAVING COUNT(*) > 1) x`;
  console.log(`  tickets called twice: ${doubles[0].n}`);
} catch (err) {
  console.error(app.output().slice(-4000));
  throw err;
} finally {
  await app.stop();
  await space.drop();
}
