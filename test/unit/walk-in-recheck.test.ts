import { describe, expect, it } from 'vitest';
import { walkInRecheckDelay } from '../../ui/walkInRecheck';

const now = Date.parse('2026-11-26T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('when a screen looks at the walk-in status again', () => {
  it('one second after the next announced closing or opening', () => {
    expect(walkInRecheckDelay({ open: true, closesAt: at(10) }, now)).toBe(10 * 60_000 + 1000);
    expect(walkInRecheckDelay({ open: false, nextOpensAt: at(30) }, now)).toBe(30 * 60_000 + 1000);
  });

  it('at least hourly, also with nothing announced (no hours: always open)', () => {
    expect(walkInRecheckDelay({ open: false, nextOpensAt: at(60 * 20) }, now)).toBe(60 * 60_000);
    expect(walkInRecheckDelay({ open: true }, now)).toBe(60 * 60_000);
  });

  it('a boundary already past on this clock waits 15 s instead of looping', () => {
    expect(walkInRecheckDelay({ open: true, closesAt: at(-5) }, now)).toBe(15_000);
  });
});
