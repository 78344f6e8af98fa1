/**
 * A short soak for CI (`npm run soak` runs longer ones): a busy office day of 40 seconds on two
 * app processes, a private PostgreSQL and a private Redis, with a fault every ~8 s and at least
 * one of each kind (an app process killed and restarted, Redis restarted, Redis flushed,
 * PostgreSQL crashed and restarted). Nothing may be lost, called twice or half-written, and the API never answers 500.
 */
import { describe, expect, it } from 'vitest';
import { FAULTS, runSoak } from '../helpers/soak';

describe('soak with random faults', () => {
  it('loses no ticket and calls none twice', { timeout: 600_000 }, async () => {
    const r = await runSoak({
      seconds: 40,
      faultEverySeconds: 8,
      minFaults: FAULTS.length,
      seed: 20261202,
      log: (line) => console.info(`soak ${line}`),
    });
    console.info(
      `soak: ${r.faults.map((f) => `${f.at}s ${f.fault}`).join(', ')}; issued ${r.issued}, called ${r.called}, ` +
        `completed ${r.completed}, lost ${r.lost}, doubly called ${r.doublyCalled}; answers ${JSON.stringify(r.answers)}`,
    );
    expect(new Set(r.faults.map((f) => f.fault))).toEqual(new Set(FAULTS));
    expect(r.unexpected).toEqual([]);
    expect(r.audit.lost).toEqual([]);
    expect(r.audit.doubleCalled).toEqual([]);
    expect(r.audit.halfWritten).toEqual([]);
    expect(r.audit.sequenceMismatches).toEqual([]);
    expect(r.completed).toBe(r.issued);
  });
});
