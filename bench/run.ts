import os from 'node:os';
import { startApp, type TestApp } from '../test/helpers/app';
import { createTestSpace, type TestSpace } from '../test/helpers/services';
import { displayPage, firstPaintMs, pageScripts } from './browser';
import {
  benchOffice,
  calledTwice,
  closeCounters,
  issueTickets,
  openCounters,
  serveAll,
  serveOne,
  type BenchOffice,
} from './desk';
import { eventLoopLagMs, eventLoopP99Ms, ownLoopDelay, percentile, rssMb, withOwnLoopDelay, type Figure } from './measure';
import { closeAll, connect, reconnectStorm, subscribeDisplay } from './sockets';
import { cpuPerOperation, cpuSample } from './cpu';
import { LATE_MS, shareOverlappingLate, startIdleProbe } from './idle-probe';

export interface BenchOptions {
  /** The short version (CI): fewer tickets and sockets, same sections. */
  quick?: boolean;
  /** Skip the second section (two app processes). */
  oneProcess?: boolean;
  /** Only these parts of the first section (e.g. to profile one): see SECTION_PARTS. */
  only?: string[];
  log?: (line: string) => void;
  /** Extra Node.js options for the app processes (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export interface BenchSection {
  title: string;
  figures: Figure[];
}

const at = (value: number, atLeast: boolean) => ({ value, atLeast });

export const SECTION_PARTS = [
  'issuing',
  'storm',
  'clerks',
  'many-clerks',
  'one-clerk',
  'quiet-clerk',
  'displays',
  'kiosk',
] as const;

/** The figures of issue 10, each with its target; `npm run bench` prints them. */
export async function runBench(opts: BenchOptions = {}): Promise<BenchSection[]> {
  const log = opts.log ?? (() => undefined);
  const q = opts.quick ?? false;
  const sizes = {
    tickets: q ? 300 : 3000,
    warmTickets: q ? 100 : 1000,
    clerksTickets: q ? 300 : 3000,
    manyClerks: q ? 10 : 50,
    oneClerkTickets: q ? 50 : 600,
    quietCalls: q ? 1 : 3,
    // A real office's clerk calls every few minutes, not back to back: longer than the pool keeps
    // a spare database connection (10 s) and the session and counter caches what they read (30 s).
    quietMs: q ? 1_000 : 31_000,
    calls: q ? 10 : 300,
    warmCalls: q ? 2 : 10,
    displays: q ? 20 : 100,
    stormDisplays: q ? 50 : 2000,
    stormPhones: q ? 150 : 8000,
    paintRuns: q ? 1 : 5,
  };
  const space = await createTestSpace();
  const apps: TestApp[] = [];
  try {
    const sections: BenchSection[] = [];
    const app = await startApp(space, {}, opts.nodeArgs);
    apps.push(app);
    const office = await benchOffice(space);
    sections.push(await oneProcess(space, app, office, sizes, log, (part) => !opts.only || opts.only.includes(part)));
    if (!opts.oneProcess && !opts.only) {
      const second = await startApp(space, {}, opts.nodeArgs);
      apps.push(second);
      sections.push(await twoProcesses(space, [app, second], office, sizes, log));
    }
    return sections;
  } catch (err) {
    for (const a of apps)
      console.error(
        `--- app ${a.url} (exit ${a.child.exitCode ?? a.child.signalCode ?? 'running'}):\n${a.output().slice(-3000)}`,
      );
    throw err;
  } finally {
    for (const a of apps) await a.stop();
    await space.drop();
  }
}

type Sizes = Record<
  | 'tickets'
  | 'warmTickets'
  | 'clerksTickets'
  | 'manyClerks'
  | 'oneClerkTickets'
  | 'quietCalls'
  | 'quietMs'
  | 'calls'
  | 'warmCalls'
  | 'displays'
  | 'stormDisplays'
  | 'stormPhones'
  | 'paintRuns',
  number
>;

async function oneProcess(
  space: TestSpace,
  app: TestApp,
  office: BenchOffice,
  n: Sizes,
  log: (l: string) => void,
  want: (part: (typeof SECTION_PARTS)[number]) => boolean,
): Promise<BenchSection> {
  const f: Figure[] = [];
  const pid = app.child.pid!;
  await new Promise((r) => setTimeout(r, 2000));
  f.push({ name: 'idle memory after start (RSS)', value: rssMb(pid), unit: 'MB', target: at(300, false) });
  f.push(...(await warmUp(space, [app.url], office, n, log)));

  let codes: string[] = [];
  if (want('issuing')) {
    log(`issuing ${n.tickets} tickets from 50 clients`);
    const issue: number[] = [];
    const cpu0 = await cpuSample([pid], space.databaseUrl, space.redis);
    const issued = await issueTickets([app.url], office, n.tickets, 50, issue);
    const cpu = cpuPerOperation(cpu0, await cpuSample([pid], space.databaseUrl, space.redis), n.tickets);
    codes = issued.codes;
    f.push({
      name: 'issuing, 50 concurrent clients',
      value: n.tickets / issued.seconds,
      unit: 'tickets/s',
      target: at(1000, true),
    });
    f.push({ name: '  issuing p50', value: percentile(issue, 50), unit: 'ms' });
    f.push({ name: '  issuing p99', value: percentile(issue, 99), unit: 'ms', target: at(100, false) });
    f.push(...cpuFigures('ticket', cpu));
  }

  if (want('storm')) await stormPart(app, office, n, codes, f, log);
  if (want('clerks')) await clerksPart(space, app, office, n, f, log);
  if (want('many-clerks')) await manyClerksPart(space, app, office, n, f, log);
  if (want('one-clerk') || want('quiet-clerk') || want('displays')) await oneClerkPart(space, app, office, n, f, log, want);
  f.push({ name: 'tickets called twice (all of the above)', value: await calledTwice(space), unit: '', target: at(0, false) });
  if (want('kiosk')) await kioskPart(app, n, f, log);
  return { title: `One app process (${os.cpus().length} cores)`, figures: f };
}

async function stormPart(
  app: TestApp,
  office: BenchOffice,
  n: Sizes,
  issuedCodes: string[],
  f: Figure[],
  log: (l: string) => void,
) {
  const pid = app.child.pid!;
  const codes = issuedCodes.length ? issuedCodes : (await issueTickets([app.url], office, n.tickets, 50)).codes;
  log(`${n.stormDisplays + n.stormPhones} sockets subscribing at once`);
  await eventLoopP99Ms(app.url);
  const storm = await reconnectStorm(app.url, office.officeId, n.stormDisplays, n.stormPhones, codes);
  const lag = await eventLoopP99Ms(app.url);
  f.push({
    name: `${storm.sockets.length} sockets subscribing at once: all answered`,
    value: storm.seconds,
    unit: 's',
    target: at(10, false),
  });
  f.push({ name: '  subscriptions refused', value: storm.failed, unit: '', target: at(0, false) });
  f.push({ name: '  event-loop lag p99 meanwhile', value: lag, unit: 'ms', target: at(100, false) });
  f.push({ name: '  memory with them connected (RSS)', value: rssMb(pid), unit: 'MB', target: at(600, false) });
  closeAll(storm.sockets);
  await new Promise((r) => setTimeout(r, 2000));
}

/**
 * Before anything is timed, the server does what an office's first minutes do: tickets issued,
 * called and completed. A process just started loads each API route's module at its first request
 * and compiles its hot code while it runs (a third of its CPU went to V8's compiler threads in
 * the first seconds); the targets are about a server at work, so the figures after this are those
 * of a warm process. The first requests' own latency is printed apart, so nothing is hidden.
 */
async function warmUp(
  space: TestSpace,
  urls: string[],
  office: BenchOffice,
  n: Sizes,
  log: (l: string) => void,
): Promise<Figure[]> {
  log(`warming up: ${n.warmTickets} tickets issued, called and completed`);
  const issue: number[] = [];
  const t0 = performance.now();
  await issueTickets(urls, office, n.warmTickets, 50, issue);
  const clerks = await openCounters(space, office, urls, 10);
  const call: number[] = [];
  await serveAll(clerks, call);
  await closeCounters(clerks);
  return [
    { name: `warm-up: first ${n.warmTickets} tickets after start, p99`, value: percentile(issue, 99), unit: 'ms' },
    { name: '  and their call-next p99 (10 clerks)', value: percentile(call, 99), unit: 'ms' },
    { name: '  warm-up took', value: (performance.now() - t0) / 1000, unit: 's' },
  ];
}

/** CPU per operation (cpu.ts): the figure the other jobs on the machine do not change. */
function cpuFigures(operation: string, cpu: ReturnType<typeof cpuPerOperation>): Figure[] {
  return [
    { name: `  CPU per ${operation}: app process`, value: cpu.app, unit: 'ms' },
    { name: `  CPU per ${operation}: PostgreSQL`, value: cpu.db, unit: 'ms' },
    { name: `  CPU per ${operation}: Redis (the whole server)`, value: cpu.redis, unit: 'ms' },
    { name: `  CPU per ${operation}: load generator`, value: cpu.generator, unit: 'ms' },
    { name: `  Redis commands per ${operation} (the whole server)`, value: cpu.redisCommands, unit: '' },
    // Ready to run with no core free: time a request spends in nobody's code.
    { name: `  waited for a core per ${operation}: all four`, value: cpu.waitedForCore, unit: 'ms' },
    { name: `    of it the app process`, value: cpu.appWaitedForCore, unit: 'ms' },
    // What the cores allow at that CPU: a throughput close to it is bound by the machine (only less
    // CPU per operation moves it), one far below it by waiting (locks, round trips, pacing).
    { name: `  most the ${cores} cores allow at this CPU`, value: ceiling(cpu, true), unit: `${operation}s/s` },
    { name: `    with the load generator on another machine`, value: ceiling(cpu, false), unit: `${operation}s/s` },
  ];
}

const cores = os.cpus().length;

/** Operations per second if every core did nothing but this work. */
function ceiling(cpu: ReturnType<typeof cpuPerOperation>, withGenerator: boolean): number {
  return (cores * 1000) / (cpu.app + cpu.db + cpu.redis + (withGenerator ? cpu.generator : 0));
}

/** Tickets waiting in the office now. */
const waitingNow = (space: TestSpace, office: BenchOffice) =>
  space.db.ticket.count({ where: { officeId: office.officeId, status: 'waiting' } });

async function clerksPart(space: TestSpace, app: TestApp, office: BenchOffice, n: Sizes, f: Figure[], log: (l: string) => void) {
  const pid = app.child.pid!;
  if ((await waitingNow(space, office)) === 0) await issueTickets([app.url], office, n.clerksTickets, 50);
  log('20 clerks calling and completing');
  const twenty = await openCounters(space, office, [app.url], 20);
  f.push({ name: 'memory with 20 clerks at their counters (RSS)', value: rssMb(pid), unit: 'MB' });
  log('20 clerks at their counters: serving');
  const call20: number[] = [];
  const cpu0 = await cpuSample([pid], space.databaseUrl, space.redis);
  await eventLoopLagMs(app.url); // starts the app's measure again
  const { result: served, ...own } = await withOwnLoopDelay(() => serveAll(twenty, call20));
  const lag = await eventLoopLagMs(app.url);
  const cpu = cpuPerOperation(cpu0, await cpuSample([pid], space.databaseUrl, space.redis), served.served);
  f.push({
    name: '20 clerks, call next + complete',
    value: served.served / served.seconds,
    unit: 'visits/s',
    target: at(600, true),
  });
  f.push({ name: '  call-next p50', value: percentile(call20, 50), unit: 'ms' });
  f.push({ name: '  call-next p99', value: percentile(call20, 99), unit: 'ms', target: at(50, false) });
  // What the app's own main thread held every request up by (its longest turns), apart from the cores' queue.
  f.push({ name: '  event-loop delay meanwhile, p99', value: lag.p99, unit: 'ms' });
  f.push({ name: '  event-loop delay meanwhile, longest', value: lag.max, unit: 'ms' });
  f.push({ name: "  the load generator's own event-loop delay, p99", value: own.p99, unit: 'ms' });
  f.push(...cpuFigures('visit', cpu));
  await closeCounters(twenty);
}

async function manyClerksPart(
  space: TestSpace,
  app: TestApp,
  office: BenchOffice,
  n: Sizes,
  f: Figure[],
  log: (l: string) => void,
) {
  log(`${n.manyClerks} clerks on ${n.clerksTickets} tickets`);
  await issueTickets([app.url], office, n.clerksTickets, 50);
  const many = await openCounters(space, office, [app.url], n.manyClerks);
  const manyServed = await serveAll(many);
  f.push({
    name: `${n.manyClerks} clerks, call next + complete`,
    value: manyServed.served / manyServed.seconds,
    unit: 'visits/s',
  });
  await closeCounters(many);
}

async function oneClerkPart(
  space: TestSpace,
  app: TestApp,
  office: BenchOffice,
  n: Sizes,
  f: Figure[],
  log: (l: string) => void,
  want: (part: (typeof SECTION_PARTS)[number]) => boolean,
) {
  const [one] = await openCounters(space, office, [app.url], 1);
  if (want('one-clerk')) {
    log('one clerk back to back');
    await issueTickets([app.url], office, n.oneClerkTickets, 10);
    const callOne: number[] = [];
    const callStarts: number[] = [];
    const probe = startIdleProbe();
    const cpu0 = await cpuSample([app.child.pid!], space.databaseUrl, space.redis);
    const { result: oneServed, ...own } = await withOwnLoopDelay(() => serveAll([one], callOne, callStarts));
    const cpu = cpuPerOperation(cpu0, await cpuSample([app.child.pid!], space.databaseUrl, space.redis), oneServed.served);
    const idle = await probe.stop();
    f.push({
      name: 'one clerk, call next + complete back to back',
      value: oneServed.served / oneServed.seconds,
      unit: 'visits/s',
      target: at(200, true),
    });
    f.push({ name: '  call-next p99', value: percentile(callOne, 99), unit: 'ms', target: at(10, false) });
    f.push({ name: "  the load generator's own event-loop delay, p99", value: own.p99, unit: 'ms' });
    f.push(...cpuFigures('visit', cpu));
    // Whether the slow calls are the ones that fell on a moment with no core free (idle-probe.ts).
    const calls = callStarts.map((start, i): [number, number] => [start, callOne[i]]);
    const p97 = percentile(callOne, 97);
    const slowest = calls.filter(([, ms]) => ms >= p97);
    f.push(
      { name: "  an idle process's 1 ms sleep meanwhile: woke late by, p99", value: idle.p99, unit: 'ms' },
      { name: '    the longest', value: idle.longest, unit: 'ms' },
      {
        name: `  calls during which it woke ≥ ${LATE_MS} ms late: of the slowest 3 %`,
        value: shareOverlappingLate(slowest, idle.late),
        unit: '%',
      },
      { name: '    of all calls', value: shareOverlappingLate(calls, idle.late), unit: '%' },
    );
  }
  if (want('quiet-clerk')) {
    log(`one clerk after ${n.quietMs / 1000} s without a click, ${n.quietCalls} times`);
    const quiet: number[] = [];
    for (let i = 0; i < n.quietCalls; i++) {
      await issueTickets([app.url], office, 1, 1);
      await new Promise((r) => setTimeout(r, n.quietMs));
      if (!(await serveOne(one, quiet))) throw new Error('the quiet call found nobody waiting');
    }
    f.push(
      {
        name: `one clerk after ${n.quietMs / 1000} s without a click: call-next, median`,
        value: percentile(quiet, 50),
        unit: 'ms',
      },
      { name: '  the longest', value: Math.max(...quiet), unit: 'ms' },
    );
  }
  if (want('displays')) {
    log(`call → event on ${n.displays} displays`);
    f.push(...(await callToDisplays([app.url], [app.url], office, one, n, true)));
  }
  await closeCounters([one]);
}

async function kioskPart(app: TestApp, n: Sizes, f: Figure[], log: (l: string) => void) {
  log('kiosk page');
  const js = await pageScripts(`${app.url}/kiosk`);
  f.push({
    name: `kiosk page JavaScript (${js.files} files, ${Math.round(js.bytes / 1024)} KB)`,
    value: js.gzipBytes / 1024,
    unit: 'KB gzip',
    target: at(150, false),
  });
  f.push({
    name: 'kiosk first paint (loopback, nothing cached)',
    value: await firstPaintMs(`${app.url}/kiosk`, n.paintRuns),
    unit: 'ms',
    target: at(1000, false),
  });
}

/**
 * One clerk (on `clerkUrls[0]`'s process) calls `n.calls` tickets one after the other; socket
 * displays on `displayUrls` in turn, and optionally a real Chromium display page, time the
 * delay from the click to the `call` event. The first `n.warmCalls` are not counted: they overlap
 * Chromium still settling after the page load, and the displays' first snapshots. Every call gives
 * one delay per display, so the p99 of 100 calls was the single slowest call; 300 make it the
 * third slowest.
 */
async function callToDisplays(
  displayUrls: string[],
  clerkUrls: string[],
  office: BenchOffice,
  clerk: { api: { post(p: string): Promise<{ status: number; body: any }> }; counterId: string }, // eslint-disable-line @typescript-eslint/no-explicit-any -- the test client's answers are untyped
  n: Sizes,
  withBrowser: boolean,
): Promise<Figure[]> {
  await issueTickets(clerkUrls, office, n.warmCalls + n.calls, 5);
  const sockets = displayUrls.length
    ? Array.from({ length: n.displays }, (_, i) => connect(displayUrls[i % displayUrls.length]))
    : [];
  await Promise.all(sockets.map((s) => subscribeDisplay(s, office.officeId)));
  const page = withBrowser ? await displayPage(displayUrls[0]) : null;
  const socketDelays: number[] = [];
  const pageDelays: number[] = [];
  let lag = { p99: NaN, max: NaN };
  const own = ownLoopDelay();
  let ownP99 = NaN;
  try {
    for (let i = -n.warmCalls; i < n.calls; i++) {
      const heard = sockets.map(
        (s) =>
          new Promise<{ number: string; at: number }>((resolve) =>
            s.once('call', (c: { number: string }) => resolve({ number: c.number, at: performance.now() })),
          ),
      );
      const asked = performance.now();
      const askedWall = Date.now();
      const r = await clerk.api.post(`/api/counters/${clerk.counterId}/call-next`);
      if (r.status !== 200) throw new Error(`call-next: ${r.status}`);
      const delays = (await Promise.all(heard)).map((h) => h.at - asked);
      const shown = page ? await page.shown(r.body.ticket.number as string, askedWall) : null;
      if (i >= 0) {
        socketDelays.push(...delays);
        if (shown !== null) pageDelays.push(shown);
      }
      await clerk.api.post(`/api/tickets/${r.body.ticket.id}/complete`);
      if (i === -1) {
        await eventLoopLagMs(clerkUrls[0]); // starts the app's measure again
        own.start();
      }
    }
    ownP99 = own.stop();
    lag = await eventLoopLagMs(clerkUrls[0]);
  } finally {
    closeAll(sockets);
    await page?.close();
  }
  const f: Figure[] = [
    { name: `call-next → call event on ${n.displays} displays, p50`, value: percentile(socketDelays, 50), unit: 'ms' },
    {
      name: `call-next → call event on ${n.displays} displays, p99`,
      value: percentile(socketDelays, 99),
      unit: 'ms',
      target: at(30, false),
    },
  ];
  // What the calling process's own main thread held the calls up by, apart from the cores' queue.
  f.push({ name: '  event-loop delay meanwhile, p99', value: lag.p99, unit: 'ms' });
  f.push({ name: '  event-loop delay meanwhile, longest', value: lag.max, unit: 'ms' });
  f.push({ name: "  the load generator's own event-loop delay, p99", value: ownP99, unit: 'ms' });
  if (page) {
    f.push({ name: '  in a real Chromium display page, p50', value: percentile(pageDelays, 50), unit: 'ms' });
    f.push({
      name: '  in a real Chromium display page, p99',
      value: percentile(pageDelays, 99),
      unit: 'ms',
      target: at(30, false),
    });
  }
  return f;
}

async function twoProcesses(
  space: TestSpace,
  apps: TestApp[],
  office: BenchOffice,
  n: Sizes,
  log: (l: string) => void,
): Promise<BenchSection> {
  const urls = apps.map((a) => a.url);
  const f: Figure[] = await warmUp(space, urls, office, n, log);
  log('two processes: issuing');
  const issue: number[] = [];
  const issued = await issueTickets(urls, office, n.tickets, 50, issue);
  f.push({ name: 'issuing, 50 concurrent clients over both', value: n.tickets / issued.seconds, unit: 'tickets/s' });
  f.push({ name: '  issuing p99', value: percentile(issue, 99), unit: 'ms' });
  log('two processes: 20 clerks');
  const twenty = await openCounters(space, office, urls, 20);
  const call: number[] = [];
  const served = await serveAll(twenty, call);
  f.push({ name: '20 clerks over both, call next + complete', value: served.served / served.seconds, unit: 'visits/s' });
  f.push({ name: '  call-next p99', value: percentile(call, 99), unit: 'ms' });
  await closeCounters(twenty);
  log('two processes: call on one, displays on the other');
  const [one] = await openCounters(space, office, [urls[0]], 1);
  f.push(...(await callToDisplays([urls[1]], [urls[0]], office, one, n, false)));
  await closeCounters([one]);
  f.push({ name: 'tickets called twice', value: await calledTwice(space), unit: '', target: at(0, false) });
  return { title: 'Two app processes on the same PostgreSQL and Redis', figures: f };
}
