/**
 * `npm run sim`: simulated office days through the real engine, and how right each wait estimator
 * was. Each day runs in a database and Redis key space of its own (like a test), created and
 * dropped here: PostgreSQL and Redis as the tests find them (TEST_PG_ADMIN_URL, TEST_REDIS_URL).
 *
 *   npm run sim                        reference, quiet and overloaded days
 *   npm run sim -- --days reference --seed 7 --weeks 4 --sample 3 --until 11:30
 *   npm run sim -- --days reference --oracle [--oracle-truth visits,waiting,future]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeAppointmentQueue } from '../server/appointments/jobs';
import { useInProcessRuntime } from '../test/helpers/runtime';
import { createTestSpace } from '../test/helpers/services';
import type { Accuracy } from './accuracy';
import { runEngineDay, type DayResult, type EngineDayOptions } from './engine-day';
import { ORACLE_TRUTHS, type OracleTruth } from './oracle';
import { ESTIMATORS } from './estimators';
import { writeHistory } from './history';
import { prepareOffice } from './office';
import { DAY_PLANS, type DayKind } from './scenario';

/** A Tuesday (a long day) with no holiday in the eight weeks before it. */
export const SIM_DAY = '2026-03-10';

export interface SimOptions {
  kind: DayKind;
  seed: number;
  /** Weeks of history written before the day. */
  weeks: number;
  sampleEveryMinutes: number;
  until?: string;
  /** The estimators that know the future (sim/oracle.ts); none: not run. */
  oracle?: EngineDayOptions['oracle'];
}

/** One simulated day in a fresh space; the space is dropped afterwards. */
export async function simulateDay(opts: SimOptions): Promise<DayResult & { historyTickets: number }> {
  const space = await createTestSpace({ asyncCommit: true });
  try {
    useInProcessRuntime(space);
    const office = await prepareOffice(space.db);
    const historyTickets = await writeHistory(space.databaseUrl, office, {
      before: SIM_DAY,
      weeks: opts.weeks,
      seed: opts.seed + 1,
    });
    const result = await runEngineDay(office, {
      plan: DAY_PLANS[opts.kind],
      day: SIM_DAY,
      seed: opts.seed,
      sampleEveryMinutes: opts.sampleEveryMinutes,
      until: opts.until,
      oracle: opts.oracle,
    });
    return { ...result, historyTickets };
  } finally {
    await closeAppointmentQueue();
    await space.drop();
  }
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const min = (x: number) => x.toFixed(1);

/** The accuracy table in Markdown (also pasted into the README). */
export function table(kind: DayKind, r: DayResult): string {
  const lines = [
    `**${kind}** day: ${r.visits} visits, mean service ${min(r.meanServiceMinutes)} min, mean wait ${min(r.meanWaitMinutes)} min, ${r.leftBeforeCalled} left before their turn; ${r.accuracy.new.count} estimates shown (${r.atIssue.new.count} at issue).`,
    '',
    '| estimator | mean abs. error (min) | bias (min) | within ±5 min | real wait inside the range | at issue: MAE / within ±5 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const e of ESTIMATORS) {
    const a = r.accuracy[e];
    const i = r.atIssue[e];
    lines.push(
      `| ${e} | ${min(a.meanAbsoluteError)} | ${a.bias >= 0 ? '+' : ''}${min(a.bias)} | ${pct(a.withinFive)} | ${pct(a.rangeCoverage)} | ${min(i.meanAbsoluteError)} / ${pct(i.withinFive)} |`,
    );
  }
  // The table's tenths hide changes of a few hundredths, which is what one change to the model moves.
  const [nw, usual] = [r.accuracy.new.meanAbsoluteError, r.accuracy.usual.meanAbsoluteError];
  lines.push(
    '',
    `New against usual: ${nw.toFixed(3)} against ${usual.toFixed(3)} min, ${((100 * (nw - usual)) / usual).toFixed(1)} %.`,
  );
  return lines.join('\n');
}

/** The range's factor the calibration learned through the day (DEFAULT_SPREAD until 30 real waits). */
export function spreadLine(r: DayResult): string {
  const learned = r.spreads.filter((s) => s.samples >= 30);
  if (learned.length === 0) return 'Range factor: never calibrated (fewer than 30 real waits).';
  const sorted = learned.map((s) => s.spread).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.round((sorted.length - 1) * p)]!.toFixed(2);
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return (
    `Range factor learned: from ${clock(learned[0]!.at)} UTC, median ${q(0.5)} (10–90 %: ${q(0.1)}–${q(0.9)}), ` +
    `first ${learned[0]!.spread.toFixed(2)}, last ${learned.at(-1)!.spread.toFixed(2)} (${learned.at(-1)!.samples} real waits).`
  );
}

/** What the estimators that know the future (sim/oracle.ts) got wrong, beside the new one and the usual formula. */
export function oracleLines(r: DayResult): string {
  const o = r.oracle!;
  const usual = r.accuracy.usual.meanAbsoluteError;
  const vs = (x: number) => `${((100 * (x - usual)) / usual).toFixed(1)} % vs usual`;
  const line = (name: string, a: Accuracy) =>
    `- ${name}: mean abs. error ${a.meanAbsoluteError.toFixed(3)} min (${vs(a.meanAbsoluteError)}), bias ${a.bias.toFixed(2)}, within ±5 ${pct(a.withinFive)}, ${a.count} estimates`;
  return [
    'Estimators that know the future (sim/oracle.ts):',
    line('known (everything, visit lengths too)', o.known),
    line('bound (everything but the lengths of visits not begun)', o.bound),
    line("fair (what the office knows now, and the simulator's laws)", o.fair),
    line('new', r.accuracy.new),
    ...(o.missing > 0 ? [`- ${o.missing} estimates the oracle could not make (left out above)`] : []),
  ].join('\n');
}

/** Plays per estimate of the bound and the fair estimator (the new estimate makes 120). */
const ORACLE_RUNS = 200;

function oracleTruth(list: string | undefined): OracleTruth[] {
  const parts = list ? list.split(',').map((p) => p.trim()) : [];
  for (const p of parts)
    if (!(ORACLE_TRUTHS as readonly string[]).includes(p))
      throw new Error(`Unknown --oracle-truth "${p}": ${ORACLE_TRUTHS.join(', ')}`);
  return parts as OracleTruth[];
}

async function main() {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: 'reference,quiet,overloaded' },
      seed: { type: 'string', default: '13' },
      weeks: { type: 'string', default: '8' },
      sample: { type: 'string', default: '3' },
      until: { type: 'string' },
      /**
       * Write every estimate shown (per estimator; the new one with its quantiles, people ahead
       * and open counters) and every call to this JSON file (for analysis), one file per day kind.
       */
      dump: { type: 'string' },
      /** Also the estimators that know the future (sim/oracle.ts): how much error any estimate must make. */
      oracle: { type: 'boolean' },
      /** With --oracle: what the fair one is told instead of drawing it (visits,waiting,future). */
      'oracle-truth': { type: 'string' },
    },
  });
  const kinds = values.days.split(',').map((d) => d.trim()) as DayKind[];
  for (const kind of kinds) {
    if (!(kind in DAY_PLANS)) throw new Error(`Unknown day "${kind}": reference, quiet or overloaded`);
    const r = await simulateDay({
      kind,
      seed: Number(values.seed),
      weeks: Number(values.weeks),
      sampleEveryMinutes: Number(values.sample),
      until: values.until,
      oracle: values.oracle ? { runs: ORACLE_RUNS, truth: oracleTruth(values['oracle-truth']) } : undefined,
    });
    console.log(table(kind, r));
    if (r.oracle) console.log(`\n${oracleLines(r)}`);
    console.log(`\n${spreadLine(r)}`);
    if (values.dump)
      fs.writeFileSync(
        values.dump.replace('.json', `-${kind}.json`),
        JSON.stringify({ ...r.samples, calls: r.calls, spreads: r.spreads }),
      );
    console.log(`\n(${r.historyTickets} past tickets learned from; simulated in ${r.seconds.toFixed(1)} s)\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
