import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../contract/lang';
import { loadDemoData } from '../../server/demo/demo-data';

/**
 * The demo town's catalogue in every language besides Italian (prisma/demo/translations) covers
 * exactly the demo catalogue, and the seed's data carries all seven languages.
 */
const dir = path.join(__dirname, '../../prisma/demo');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
const codes = {
  services: read<{ code: string }[]>('services.json').map((s) => s.code),
  categories: read<{ slug: string }[]>('categories.json').map((c) => c.slug),
  offices: read<{ slug: string }[]>('offices.json').map((o) => o.slug),
};
const displays = read<{ slug: string; ticker: string[] }[]>('displays.json');
const files = fs
  .readdirSync(path.join(dir, 'translations'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace('.json', ''));

describe('demo catalogue translations', () => {
  it('exist for every language besides Italian', () => {
    expect(files.sort()).toEqual(
      languages
        .map((l) => l.code)
        .filter((c) => c !== 'it')
        .sort(),
    );
  });

  for (const lang of files) {
    it(`${lang}: names every service, category and office, translates every notice and the patron saint, and nothing else`, () => {
      const t = read<
        Record<keyof typeof codes, Record<string, string>> & { displays: Record<string, string[]>; patronDay: string }
      >(`translations/${lang}.json`);
      for (const kind of Object.keys(codes) as (keyof typeof codes)[]) {
        expect(Object.keys(t[kind]).sort()).toEqual([...codes[kind]].sort());
        expect(Object.values(t[kind]).filter((name) => name.trim() === '')).toEqual([]);
      }
      expect(Object.fromEntries(Object.entries(t.displays).map(([slug, lines]) => [slug, lines.length]))).toEqual(
        Object.fromEntries(displays.map((d) => [d.slug, d.ticker.length])),
      );
      expect(t.patronDay.trim()).not.toBe('');
    });
  }

  it('are folded into the seed data: every name and notice in all seven languages', () => {
    const d = loadDemoData();
    const complete = (text: object) => expect(Object.keys(text).sort()).toEqual(languages.map((l) => l.code).sort());
    for (const x of [...d.offices, ...d.categories, ...d.services]) complete(x.name);
    for (const x of d.displays) x.ticker.forEach(complete);
    complete(d.settings.patronDay.name);
    expect(d.services.find((s) => s.code === 'certificato-residenza')?.name).toMatchObject({
      it: 'Certificato di residenza',
      en: 'Certificate of residence',
      ro: 'Certificat de rezidență',
    });
  });
});
