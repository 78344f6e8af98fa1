import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('cover the current schema (run `npm run db:migration -- <name>` after changing it)', () => {
    const root = 'prisma/migrations';
    const last = fs
      .readdirSync(root)
      .filter((d) => fs.existsSync(path.join(root, d, 'migration.sql')))
      .sort()
      .at(-1) as string;
    expect(last).toBeDefined();
    expect(fs.readFileSync(path.join(root, last, 'schema.prisma'), 'utf8')).toBe(fs.readFileSync('prisma/schema.prisma', 'utf8'));
  });
});
