/**
 * The contract builds its schemas with contract/zod.ts, which turns zod's JIT off in the browser
 * (its `new Function` probe is a CSP violation there). A contract module importing zod directly
 * would build its schemas before that flag is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../contract');
const files = (fs.readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && f !== 'zod.ts')
  .map((f) => path.join(root, f));

describe('contract/ and zod', () => {
  it('every contract module takes z from contract/zod.ts (type-only imports aside)', () => {
    expect(files.length).toBeGreaterThan(10);
    const direct = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'zod(?:\/[^']*)?';/m.test(fs.readFileSync(f, 'utf8')));
    expect(direct.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('in a browser-like global the flag is set before the schemas are built', async () => {
    const g = globalThis as { window?: unknown };
    g.window = {};
    try {
      const { z } = await import('../../contract/zod');
      expect(z.config().jitless).toBe(true);
    } finally {
      delete g.window;
    }
  });
});
