import { describe, expect, it } from 'vitest';
import {
  DIRECT_BOOST_MS,
  PRIORITY_HEAD_START_MINUTES,
  pickNext,
  queueScore,
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
    expect(pickNext([{ id: 'b', score: s, boostMs: 0 }, { id: 'a', score: s, boostMs: 0 }])?.id).toBe('a');
    expect(pickNext([])).toBeUndefined();
  });
});
