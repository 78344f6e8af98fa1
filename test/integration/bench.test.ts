import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run';

/**
 * The short version of `npm run bench` (CI): every part runs against a real app, real
 * PostgreSQL, Redis and Chromium, and the behaviour under that load is checked — never the
 * timings, which depend on the machine (the README gives them, measured on demand).
 */
describe('npm run bench -- --quick', () => {
  it('runs every part and, under load, never calls a ticket twice or refuses a subscription', async () => {
    const sections = await runBench({ quick: true });
    expect(sections.map((s) => s.title)).toEqual([
      expect.stringMatching(/^One app process/),
      expect.stringMatching(/^Two app processes/),
    ]);
    const figures = sections.flatMap((s) => s.figures);
    for (const f of figures) expect(Number.isFinite(f.value), f.name).toBe(true);
    const named = (pattern: RegExp) => figures.filter((f) => pattern.test(f.name));
    expect(named(/tickets called twice/).map((f) => f.value)).toEqual([0, 0]);
    expect(named(/subscriptions refused/).map((f) => f.value)).toEqual([0]);
    // Every figure of issue 10 is there, each with its target.
    for (const part of [
      /^issuing, 50/,
      /20 clerks, call next/,
      /^one clerk/,
      /call event on \d+ displays, p99/,
      /Chromium display page, p99/,
      /sockets subscribing at once/,
      /event-loop lag/,
      /idle memory/,
      /kiosk page JavaScript/,
      /kiosk first paint/,
    ])
      expect(named(part).filter((f) => f.target).length, String(part)).toBeGreaterThan(0);
    // And the figures that explain them: a click after a quiet spell, and the cores' queue.
    for (const part of [/^one clerk after \d+ s without a click/, /waited for a core per visit/, /idle process's 1 ms sleep/])
      expect(named(part).length, String(part)).toBeGreaterThan(0);
  }, 600_000);
});
