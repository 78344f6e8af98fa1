import fs from 'node:fs';
import net from 'node:net';
import type { Redis } from 'ioredis';

/**
 * CPU seconds spent by the app process, the database's backends of this run and the load
 * generator. Throughput on a shared 2-core machine depends on whatever else runs; the CPU each
 * ticket or visit costs depends less, and tells what the machine could do: at c ms of CPU per
 * operation, two cores manage at most 2,000 / c operations per second. Also the commands Redis
 * has run: a count does not move with the machine's speed at all, so it shows a change of work on
 * a busy host too.
 */
export interface CpuSample {
  app: number;
  db: number;
  /** The whole Redis server: shared with whatever else uses it, so exact only on a quiet machine. */
  redis: number;
  generator: number;
  /** Commands run by the whole Redis server (INFO commandstats), likewise. */
  redisCommands: number;
  /**
   * Seconds the same processes' threads were ready to run and waited for a core (the kernel's
   * run-queue wait, /proc/<pid>/task/<tid>/schedstat), all four together: on two cores shared by
   * the app, PostgreSQL, Redis and the load generator, every request waits whenever they all want
   * a core at once, wherever it is.
   */
  waitedForCore: number;
  /** Of that, the app process's threads. */
  appWaitedForCore: number;
}

const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts in 1/100 s on Linux

function processSeconds(pid: string | number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0; // gone meanwhile
  }
}

/** Seconds the process's threads waited on the run queue; 0 where the kernel does not say. */
function runQueueSeconds(pid: string | number): number {
  let total = 0;
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0; // gone meanwhile
  }
  for (const tid of tasks) {
    try {
      // "time on the cpu (ns) time waiting on a runqueue (ns) timeslices"
      total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
    } catch {
      // the thread ended meanwhile, or no scheduler statistics in this kernel
    }
  }
  return total;
}

/** The pids of every process whose command line passes `matches`. */
function processesMatching(matches: (cmdline: string) => boolean): string[] {
  const pids: string[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (matches(cmdline)) pids.push(pid);
  }
  return pids;
}

export async function cpuSample(appPids: number[], databaseUrl: string, redis: Redis): Promise<CpuSample> {
  const usage = process.cpuUsage();
  const info = await redis.info('commandstats');
  let redisCommands = 0;
  for (const m of info.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)) redisCommands += Number(m[1]);
  // PostgreSQL's backends serving this run's database (their process title names it).
  const database = ` ${new URL(databaseUrl).pathname.slice(1)} `;
  const dbPids = processesMatching((c) => c.startsWith('postgres:') && c.includes(database));
  // The whole local Redis server (the bench's Redis is the local one).
  const redisPids = processesMatching((c) => c.startsWith('redis-server'));
  const sum = (pids: (string | number)[], of: (pid: string | number) => number) =>
    pids.reduce<number>((s, pid) => s + of(pid), 0);
  const appWaitedForCore = sum(appPids, runQueueSeconds);
  return {
    redisCommands,
    app: sum(appPids, processSeconds),
    db: sum(dbPids, processSeconds),
    redis: sum(redisPids, processSeconds),
    generator: (usage.user + usage.system) / 1e6,
    appWaitedForCore,
    waitedForCore: appWaitedForCore + sum([...dbPids, ...redisPids, process.pid], runQueueSeconds),
  };
}

/** Milliseconds of CPU, and Redis commands, per operation between two samples. */
export function cpuPerOperation(before: CpuSample, after: CpuSample, operations: number): CpuSample {
  const per = (k: keyof CpuSample) => ((after[k] - before[k]) * 1000) / operations;
  return {
    app: per('app'),
    db: per('db'),
    redis: per('redis'),
    generator: per('generator'),
    redisCommands: (after.redisCommands - before.redisCommands) / operations,
    waitedForCore: per('waitedForCore'),
    appWaitedForCore: per('appWaitedForCore'),
  };
}

/**
 * How fast this machine's cores are right now: a fixed piece of JavaScript (JSON in and out),
 * timed. The same build measured twice on one virtual machine differed by a third as its host got
 * busier (3 December 2026: this loop took 860–1,330 ms within an hour), so the bench prints it
 * before and after: CPU per operation divided by it compares runs taken at different moments.
 */
export function referenceLoopMs(): number {
  const o = { a: [1, 2, 3, { b: 'hello world', c: [1.5, 2.5] }], d: 'x'.repeat(50), e: { f: true, g: null } };
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < 300_000; i++) n += (JSON.parse(JSON.stringify(o)) as typeof o).a.length;
  if (n !== 1_200_000) throw new Error('reference loop miscounted');
  return performance.now() - t0;
}

/**
 * How dear this machine's system calls are right now: the mean time of a 64-byte round trip over
 * a loopback TCP connection inside this process (four socket calls and two turns of the event
 * loop). The reference loop above only runs JavaScript; the app's requests are mostly socket
 * writes and reads (issue 10's profile of one clerk: `writev` alone 8 % of the process). On
 * 4 December 2026 one host of the same size met every target with the reference loop at
 * 592–617 ms; the next, at 517–685 ms, missed seven figures, and its kernel isolates page
 * tables (PTI, below), which makes every system call dearer (whether the first one did is not
 * on record).
 */
export async function loopbackRoundTripMicros(roundTrips = 20_000): Promise<number> {
  const server = net.createServer((s) => s.on('data', (d) => s.write(d)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const client = net.connect(port, '127.0.0.1');
  client.setNoDelay(true);
  await new Promise<void>((r) => client.once('connect', r));
  const payload = Buffer.alloc(64, 1);
  const once = () =>
    new Promise<void>((r) => {
      client.once('data', () => r());
      client.write(payload);
    });
  for (let i = 0; i < 1_000; i++) await once();
  const t0 = performance.now();
  for (let i = 0; i < roundTrips; i++) await once();
  const micros = ((performance.now() - t0) * 1000) / roundTrips;
  client.destroy();
  await new Promise((r) => server.close(r));
  return micros;
}

/** The kernel's answer to Meltdown (Linux): "Mitigation: PTI" makes system calls dearer; empty when unknown. */
export async function meltdownMitigation(): Promise<string> {
  return (await fs.promises.readFile('/sys/devices/system/cpu/vulnerabilities/meltdown', 'utf8').catch(() => '')).trim();
}
