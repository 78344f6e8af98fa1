/**
 * `npm run bench [-- --quick] [-- --one-process] [-- --profile DIR] [-- --heap-profile DIR]
 * [-- --only issuing,storm,…] [-- --node-args="--flag …"]`: the performance figures of the README, each
 * next to its target, measured through the real HTTP API and socket.io on this machine's
 * PostgreSQL and Redis (the load generator runs beside the app, as in production tests of one
 * small machine). Measures only: the tests check behaviour.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildIfStale } from '../test/helpers/global-setup';
import { formatFigure } from './measure';
import { runBench } from './run';
import { loopbackRoundTripMicros, meltdownMitigation, referenceLoopMs } from './cpu';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    'one-process': { type: 'boolean' },
    profile: { type: 'string' },
    'heap-profile': { type: 'string' },
    only: { type: 'string' },
    'node-args': { type: 'string' },
  },
});
buildIfStale();
const started = Date.now();
const speedBefore = referenceLoopMs();
const syscallsBefore = await loopbackRoundTripMicros();
const sections = await runBench({
  quick: values.quick,
  oneProcess: values['one-process'],
  only: values.only?.split(','),
  // CPU profiles and sampled allocations of the app processes (open them in Chrome DevTools or speedscope).
  nodeArgs: [
    ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
    ...(values['heap-profile'] ? ['--heap-prof', `--heap-prof-dir=${values['heap-profile']}`] : []),
    // Flags for the app processes only (V8 or Node options to try), e.g.
    // --node-args="--single-threaded-gc" (with =, as the value starts with a dash).
    ...(values['node-args']?.split(' ').filter(Boolean) ?? []),
  ],
  log: (l) => console.error(`… ${l}`),
});
const require = createRequire(import.meta.url);
const pkg = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
console.log(
  `\nSportello bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ` +
    `Next ${pkg('next')}, socket.io ${pkg('socket.io')}, Prisma ${pkg('@prisma/client')}${values.quick ? ' — QUICK (CI) sizes' : ''}`,
);
console.log(
  `Machine speed: the reference loop (bench/cpu.ts) took ${Math.round(speedBefore)} ms before the run and ${Math.round(referenceLoopMs())} ms after (lower is faster)`,
);
const mitigation = await meltdownMitigation();
console.log(
  `System calls: a loopback round trip took ${syscallsBefore.toFixed(1)} µs before the run and ${(await loopbackRoundTripMicros()).toFixed(1)} µs after` +
    (mitigation ? ` (kernel: meltdown ${mitigation})` : ''),
);
for (const s of sections) {
  console.log(`\n${s.title}`);
  for (const f of s.figures) console.log(formatFigure(f));
}
console.log(`\n(${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(0);
