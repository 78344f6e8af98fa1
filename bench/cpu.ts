import fs from 'node:fs';

/**
 * CPU seconds spent by the app process, the database's backends of this run and the load
 * generator. Throughput on a shared 2-core machine depends on whatever else runs; the CPU each
 * ticket or visit costs does not, and tells what the machine could do: at c ms of CPU per
 * operation, two cores manage at most 2,000 / c operations per second.
 */
export interface CpuSample {
  app: number;
  db: number;
  /** The whole Redis server: shared with whatever else uses it, so exact only on a quiet machine. */
  redis: number;
  generator: number;
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

/** CPU seconds of every process whose command line passes `matches`. */
function secondsOfProcesses(matches: (cmdline: string) => boolean): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (matches(cmdline)) total += processSeconds(pid);
  }
  return total;
}

export function cpuSample(appPids: number[], databaseUrl: string): CpuSample {
  const usage = process.cpuUsage();
  return {
    app: appPids.reduce((s, pid) => s + processSeconds(pid), 0),
    // PostgreSQL's backends serving this run's database (their process title names it).
    db: secondsOfProcesses((c) => c.startsWith('postgres:') && c.includes(` ${new URL(databaseUrl).pathname.slice(1)} `)),
    // The whole local Redis server (the bench's Redis is the local one).
    redis: secondsOfProcesses((c) => c.startsWith('redis-server')),
    generator: (usage.user + usage.system) / 1e6,
  };
}

/** Milliseconds of CPU per operation between two samples. */
export function cpuPerOperation(before: CpuSample, after: CpuSample, operations: number): CpuSample {
  const per = (k: keyof CpuSample) => ((after[k] - before[k]) * 1000) / operations;
  return { app: per('app'), db: per('db'), redis: per('redis'), generator: per('generator') };
}
