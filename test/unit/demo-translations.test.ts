import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The demo town's catalogue names in the other languages cover exactly the demo catalogue. */
const dir = path.join(__dirname, '../../prisma/demo');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
const codes = {
  services: read<{ code: string }[]>('services.json').map((s) => s.code),
  categories: read<{ slug: string }[]>('categories.json').map((c) => c.slug),
  offices: read<{ slug: string }[]>('offices.json').map((o) => o.slug),
};
const languages = fs
  .readdirSync(path.join(dir, 'translations'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace('.json', ''));

describe('demo catalogue translations', () => {
  it('exist for the five languages besides Italian and English', () => {
    expect(languages.sort()).toEqual(['ar', 'ro', 'sq', 'uk', 'zh']);
  });

  for (const lang of languages) {
    it(`${lang}: names every service, category and office, and nothing else`, () => {
      const t = read<Record<keyof typeof codes, Record<string, string>>>(`translations/${lang}.json`);
      for (const kind of Object.keys(codes) as (keyof typeof codes)[]) {
        expect(Object.keys(t[kind]).sort()).toEqual([...codes[kind]].sort());
        expect(Object.values(t[kind]).filter((name) => name.trim() === '')).toEqual([]);
      }
    });
  }
});
