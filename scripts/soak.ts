/**
 * `npm run soak -- [--minutes 5] [--fault-every 12] [--apps 2] [--seed N]`: a simulated office
 * day at high speed with random faults (test/helpers/soak.ts). Prints what happened and exits 1
 * when a ticket was lost, called twice or half-written, or when the API answered a 500.
 */
import { parseArgs } from 'node:util';
import { runSoak } from '../test/helpers/soak';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    'fault-every': { type: 'string', default: '12' },
    apps: { type: 'string', default: '2' },
    seed: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error('--minutes must be a positive number');
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;
console.log(`Soak: ${minutes} min, a fault every ~${values['fault-every']} s, ${values.apps} app processes, seed ${seed}`);
const r = await runSoak({
  seconds: minutes * 60,
  faultEverySeconds: Number(values['fault-every']),
  apps: Number(values.apps),
  seed,
  log: (line) => console.log(line),
});
const count = (f: string) => r.faults.filter((x) => x.fault === f).length;
console.log(`
faults injected   ${r.faults.length} (kill-app ${count('kill-app')}, restart-redis ${count('restart-redis')}, flush-redis ${count('flush-redis')}, restart-postgres ${count('restart-postgres')})
tickets issued    ${r.issued}
called            ${r.called}
completed         ${r.completed}
lost              ${r.lost}
doubly called     ${r.doublyCalled}
half-written      ${r.halfWritten}
numbering errors  ${r.sequenceMismatches}
unexpected        ${r.unexpected.length}${r.unexpected.length ? `\n  ${r.unexpected.slice(0, 20).join('\n  ')}` : ''}
answers           ${JSON.stringify(r.answers)}
${r.ok ? 'OK' : 'FAILED'}`);
process.exit(r.ok ? 0 : 1);
