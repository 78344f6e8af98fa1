import { describe, expect, it } from 'vitest';
import {
  DIRECT_BOOST_MS,
  isCallable,
  PRIORITY_HEAD_START_MINUTES,
  pickNext,
  queueScore,
  queueTime,
  skillBoostMs,
  SKILL_HEAD_START_MINUTES_PER_WEIGHT,
  type Candidate,
} from '../../server/queue/policy';

const MIN = 60_000;
const t0 = new Date('2026-11-26T09:00:00+01:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

describe('call-next ordering policy', () => {
  it('serves arrival order when nothing else differs', () => {
    const a: Candidate = { id: 'a', score: queueScore(at(0), 'none'), boostMs: 0 };
    const b: Candidate = { id: 'b', score: queueScore(at(1), 'none'), boostMs: 0 };
    expect(pickNext([b, a])?.id).toBe('a');
  });

  it('gives a priority ticket its head start, but no more', () => {
    const head = PRIORITY_HEAD_START_MINUTES.disability;
    const normal: Candidate = { id: 'normal', score: queueScore(at(0), 'none'), boostMs: 0 };
    const justInside: Candidate = { id: 'prio', score: queueScore(at(head - 1), 'disability'), boostMs: 0 };
    const tooLate: Candidate = { id: 'prio', score: queueScore(at(head + 1), 'disability'), boostMs: 0 };
    expect(pickNext([normal, justInside])?.id).toBe('prio');
    expect(pickNext([normal, tooLate])?.id).toBe('normal');
  });

  it('never starves a normal ticket: after the largest head start it beats every newcomer', () => {
    const maxHead = Math.max(...Object.values(PRIORITY_HEAD_START_MINUTES)) + 4 * SKILL_HEAD_START_MINUTES_PER_WEIGHT;
    const old: Candidate = { id: 'old', score: queueScore(at(0), 'none'), boostMs: 0 };
    // A stream of newer tickets with every priority and the maximum skill weight.
    const newcomers: Candidate[] = (['disability', 'pregnancy', 'elderly', 'none'] as const).map((p, i) => ({
      id: `new${i}`,
      score: queueScore(at(maxHead + 1), p),
      boostMs: skillBoostMs(5),
    }));
    expect(pickNext([...newcomers, old])?.id).toBe('old');
  });

  it('leans toward a clerk’s speciality by the skill weight', () => {
    expect(skillBoostMs(1)).toBe(0);
    expect(skillBoostMs(3)).toBe(2 * SKILL_HEAD_START_MINUTES_PER_WEIGHT * MIN);
    expect(skillBoostMs(99)).toBe(skillBoostMs(5));
    expect(skillBoostMs(0)).toBe(0);
    const general: Candidate = { id: 'general', score: queueScore(at(0), 'none'), boostMs: skillBoostMs(1) };
    const speciality: Candidate = { id: 'speciality', score: queueScore(at(8), 'none'), boostMs: skillBoostMs(3) };
    const tooNew: Candidate = { id: 'speciality', score: queueScore(at(12), 'none'), boostMs: skillBoostMs(3) };
    expect(pickNext([general, speciality])?.id).toBe('speciality');
    expect(pickNext([general, tooNew])?.id).toBe('general');
  });

  it('puts a personal transfer first in practice', () => {
    const waitingLong: Candidate = { id: 'long', score: queueScore(at(0), 'disability'), boostMs: skillBoostMs(5) };
    const direct: Candidate = { id: 'direct', score: queueScore(at(60), 'none'), boostMs: DIRECT_BOOST_MS };
    expect(pickNext([waitingLong, direct])?.id).toBe('direct');
  });

  it('breaks exact ties by id, the same way as the Lua script', () => {
    const s = queueScore(at(0), 'none');
    expect(
      pickNext([
        { id: 'b', score: s, boostMs: 0 },
        { id: 'a', score: s, boostMs: 0 },
      ])?.id,
    ).toBe('a');
    expect(pickNext([])).toBeUndefined();
  });

  it('ranks a checked-in appointment by its booked time: ahead of the walk-ins who came after it', () => {
    // Appointment at 09:30, checked in at 09:10 (early); walk-ins at 09:05 and 09:35.
    const appt: Candidate = { id: 'z-appt', score: queueScore(queueTime(at(10), at(30)), 'appointment'), boostMs: 0 };
    const before: Candidate = { id: 'before', score: queueScore(at(5), 'none'), boostMs: 0 };
    const after: Candidate = { id: 'after', score: queueScore(at(35), 'none'), boostMs: 0 };
    expect(queueTime(at(10), at(30))).toEqual(at(30));
    expect(queueTime(at(10), null)).toEqual(at(10));
    expect(pickNext([after, appt, before])?.id).toBe('before');
    expect(pickNext([after, appt])?.id).toBe('z-appt');
    // Late check-in (09:40 for 09:30): still ranked at 09:30, so before a walk-in of 09:35.
    const late: Candidate = { id: 'z-late', score: queueScore(queueTime(at(40), at(30)), 'appointment'), boostMs: 0 };
    expect(pickNext([after, late])?.id).toBe('z-late');
    // Earlier bookings first among appointments.
    const other: Candidate = { id: 'a-other', score: queueScore(queueTime(at(0), at(45)), 'appointment'), boostMs: 0 };
    expect(pickNext([other, appt])?.id).toBe('z-appt');
  });

  it('does not call an early appointment before its booked time', () => {
    const score = queueScore(queueTime(at(10), at(30)), 'appointment');
    expect(isCallable(score, at(20).getTime())).toBe(false);
    expect(isCallable(score, at(30).getTime())).toBe(true);
    // Walk-ins are always callable: their rank is at or before their arrival.
    expect(isCallable(queueScore(at(20), 'disability'), at(20).getTime())).toBe(true);
    expect(PRIORITY_HEAD_START_MINUTES.appointment).toBe(0);
  });
});
