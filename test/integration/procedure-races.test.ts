/**
 * Conflicting moves on one procedure, sent at the same moment through the HTTP API: a clerk
 * completes while a colleague rejects and the citizen withdraws it; two clerks take it at once.
 * Each procedure's rows say one story: of the closing moves exactly one wins and the others are
 * refused with 409 (never a 5xx), the events chain from status to status without a gap, and a
 * certificate exists only when completing won.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk } from '../helpers/sportello';

const ROUNDS = 9;

let space: TestSpace;
let app: TestApp;
let certificate: string;
let anna: ApiClient;
let op1: ApiClient;
let op2: ApiClient;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space, { RATE_LIMIT_PER_MINUTE: '0' });
  certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
  anna = await signedInCitizen(app, 'races@example.org');
  [op1, op2] = await Promise.all([clerk(app.url, 'operatore1'), clerk(app.url, 'operatore2')]);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function submitted(): Promise<string> {
  const r = await anna.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/** The procedure's events as `from>to`, checked to chain without a gap. */
async function chain(id: string): Promise<string[]> {
  const events = await space.db.procedureEvent.findMany({ where: { procedureId: id }, orderBy: { id: 'asc' } });
  for (let i = 1; i < events.length; i++) expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
  return events.map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}`);
}

describe('conflicting moves on one procedure at once', () => {
  it('completing, rejecting and the citizen withdrawing: exactly one wins', async () => {
    // op2 must be allowed to work the desk's procedures, or its refusals would not be races.
    const probe = await submitted();
    expect((await op2.post(`/api/procedures/${probe}/take`, {})).status).toBe(200);

    const wins: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const id = await submitted();
      expect((await op1.post(`/api/procedures/${id}/take`, {})).status).toBe(200);
      const moves = {
        completed: () => op1.post(`/api/procedures/${id}/complete`, { citizenNote: 'Certificato pronto' }),
        rejected: () => op2.post(`/api/procedures/${id}/reject`, { citizenNote: 'Manca un documento' }),
        withdrawn: () => anna.post(`/api/procedures/${id}/withdraw`, { citizenNote: 'Non serve più' }),
      };
      // A different one sent first in each round.
      const order = (Object.keys(moves) as (keyof typeof moves)[]).map((_, k, all) => all[(k + round) % all.length]!);
      const answers = await Promise.all(order.map(async (m) => ({ move: m, status: (await moves[m]()).status })));
      const won = answers.filter((a) => a.status < 300);
      expect(won, JSON.stringify(answers)).toHaveLength(1);
      expect(answers.filter((a) => a.status >= 300).map((a) => a.status)).toEqual([409, 409]);
      const winner = won[0]!.move;
      wins[winner] = (wins[winner] ?? 0) + 1;

      const row = await space.db.procedure.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe(winner);
      expect(row.closedAt).not.toBeNull();
      expect(await chain(id)).toEqual(['->submitted', 'submitted>in_progress', `in_progress>${winner}`]);
      const documents = await space.db.document.count({ where: { procedureId: id } });
      if (winner === 'completed') expect(documents).toBeGreaterThan(0);
      else expect(documents).toBe(0);
    }
    expect(Object.keys(wins).length, JSON.stringify(wins)).toBeGreaterThan(1);
  }, 120_000);

  it('two clerks taking it at once: both answered, one after the other, the last one responsible', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await submitted();
      const [a, b] = await Promise.all([op1.post(`/api/procedures/${id}/take`, {}), op2.post(`/api/procedures/${id}/take`, {})]);
      // Taking over from a colleague is allowed while it is worked: neither is refused.
      expect([a.status, b.status]).toEqual([200, 200]);
      const events = await space.db.procedureEvent.findMany({ where: { procedureId: id }, orderBy: { id: 'asc' } });
      expect(await chain(id)).toEqual(['->submitted', 'submitted>in_progress', 'in_progress>in_progress']);
      const row = await space.db.procedure.findUniqueOrThrow({ where: { id } });
      expect(row.responsibleStaffId).toBe(events.at(-1)!.staffId);
    }
  }, 120_000);
});
