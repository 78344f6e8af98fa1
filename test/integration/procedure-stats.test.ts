/**
 * Procedure statistics reconciled with a history written by hand: nine procedures of the demo
 * office with events at known times (March 2026, Europe/Rome), the figures worked out
 * independently below, including the legal clock stopping while waiting for the citizen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureEventType, ProcedureStatus } from '../../contract/enums';
import { procedureStatsCsv } from '../../server/stats/csv';
import { procedureStats } from '../../server/stats/procedures';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;

beforeAll(async () => {
  space = await createTestSpace();
  useInProcessRuntime(space);
});

afterAll(async () => {
  await space?.drop();
});

/** 09:00 in Rome (UTC+1 until 29 March) on a day of 2026 (month 1-based). */
const rome = (month: number, day: number, hour = 9) => new Date(Date.UTC(2026, month - 1, day, hour - 1));

const MOVES: Record<ProcedureEventType, ProcedureStatus> = {
  submitted: 'submitted',
  taken: 'in_progress',
  info_requested: 'waiting_citizen',
  replied: 'in_progress',
  completed: 'completed',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

let seq = 0;
async function procedure(
  serviceId: string,
  officeId: string,
  citizenId: string,
  deadlineDays: number,
  events: [ProcedureEventType, Date][],
) {
  const last = MOVES[events.at(-1)![0]];
  seq++;
  await space.db.procedure.create({
    data: {
      protocolNumber: `2026/${String(seq).padStart(6, '0')}`,
      trackingCode: `stats${String(seq).padStart(11, 'a')}`,
      officeId,
      serviceId,
      citizenId,
      channel: 'online',
      status: last,
      data: {},
      deadlineDays,
      submittedAt: events[0][1],
      updatedAt: events.at(-1)![1],
      events: { create: events.map(([type, at]) => ({ type, at, toStatus: MOVES[type] })) },
    },
  });
}

describe('procedure statistics', () => {
  it('match the figures worked out by hand, per service and in total, and the backlog now', async () => {
    const a = await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } });
    const b = await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } });
    const officeId = a.officeId;
    const c = await space.db.citizen.create({ data: { email: 'stats@example.org' } });
    const p = (svc: string, deadline: number, ev: [ProcedureEventType, Date][]) => procedure(svc, officeId, c.id, deadline, ev);

    // P1: completed 3 days and 1 hour after submission, within 30.
    await p(a.id, 30, [
      ['submitted', rome(3, 2)],
      ['taken', rome(3, 3)],
      ['completed', rome(3, 5, 10)],
    ]);
    // P2: 24 calendar days, but 16 of them waiting for the citizen: 8 days used of 10.
    await p(a.id, 10, [
      ['submitted', rome(3, 1)],
      ['taken', rome(3, 2)],
      ['info_requested', rome(3, 4)],
      ['replied', rome(3, 20)],
      ['completed', rome(3, 25)],
    ]);
    // P3: rejected after 10 days, deadline 5: late.
    await p(b.id, 5, [
      ['submitted', rome(3, 2)],
      ['taken', rome(3, 2, 11)],
      ['rejected', rome(3, 12)],
    ]);
    // P4: withdrawn.
    await p(b.id, 30, [
      ['submitted', rome(3, 10)],
      ['withdrawn', rome(3, 11)],
    ]);
    // P5: submitted in February, completed in March after 11 days.
    await p(a.id, 30, [
      ['submitted', rome(2, 20)],
      ['taken', rome(2, 21)],
      ['completed', rome(3, 3)],
    ]);
    // Open at the end of March: P6 young, P7 overdue (submitted in February), P8 due in 4 days, P9 waiting for the citizen.
    await p(a.id, 30, [['submitted', rome(3, 29)]]);
    await p(a.id, 30, [['submitted', rome(2, 27)]]);
    await p(b.id, 30, [
      ['submitted', rome(3, 5)],
      ['taken', rome(3, 6)],
    ]);
    await p(b.id, 30, [
      ['submitted', rome(3, 15)],
      ['taken', rome(3, 15, 10)],
      ['info_requested', rome(3, 16)],
    ]);

    const now = new Date(Date.UTC(2026, 2, 31, 10)); // 31 March, 12:00 in Rome (summer time)
    const r = await procedureStats({ from: '2026-03-01', to: '2026-03-31', officeId }, now);

    expect(r.total).toEqual({
      opened: 7, // P1 P2 P3 P4 P6 P8 P9
      completed: 3, // P1 P2 P5
      rejected: 1,
      withdrawn: 1,
      medianDaysToComplete: 11, // 3.04, 11, 24
      withinDeadline: 3, // P1 P2 P5, not P3
      withinDeadlineShare: 0.75,
    });
    const row = (id: string) => r.rows.find((x) => x.serviceId === id);
    expect(row(a.id)).toMatchObject({
      opened: 3,
      completed: 3,
      rejected: 0,
      withdrawn: 0,
      withinDeadline: 3,
      withinDeadlineShare: 1,
    });
    expect(row(b.id)).toMatchObject({
      opened: 4,
      completed: 0,
      rejected: 1,
      withdrawn: 1,
      withinDeadline: 0,
      withinDeadlineShare: 0,
    });
    expect(r.backlog).toEqual({ open: 4, waitingCitizen: 1, dueSoon: 1, overdue: 1 });

    // The CSV: a row per service, then the total.
    const csv = procedureStatsCsv(r, 'en')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe(
      'service_id,service,opened,completed,rejected,withdrawn,median_days_to_complete,within_deadline,within_deadline_share',
    );
    expect(csv.at(-1)).toBe('total,,7,3,1,1,11,3,0.75');
    expect(csv.find((l) => l.startsWith(`${b.id},`))).toBe(`${b.id},Family composition certificate,4,0,1,1,,0,0`);

    // A range that holds nothing of it.
    const empty = await procedureStats({ from: '2026-04-01', to: '2026-04-30', officeId }, now);
    expect(empty.total).toMatchObject({ opened: 0, medianDaysToComplete: null, withinDeadlineShare: null });
  });
});
