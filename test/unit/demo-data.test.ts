import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR, loadDemoData } from '../../server/demo/demo-data';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-data-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the demo data with one file changed. */
function withFile(file: string, change: (data: unknown) => unknown): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'copy-'));
  fs.cpSync(DEMO_DATA_DIR, dir, { recursive: true });
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
  fs.writeFileSync(path.join(dir, file), JSON.stringify(change(data)));
  return dir;
}
type Rows = Record<string, unknown>[];

describe('demo data files', () => {
  it('are valid, and skill rules expand to services', () => {
    const d = loadDemoData();
    expect(d.offices.filter((o) => o.isOneStop)).toHaveLength(1);
    expect(d.services.length).toBeGreaterThan(100);
    const byName = new Map(d.staff.map((p) => [p.username, p.skills]));
    // "all": every service once, weight 1.
    expect(byName.get('admin')).toHaveLength(d.services.length);
    // deskOf: the one-stop desk's desk services, weighted by category.
    const desk = d.services.filter((s) => s.mode === 'desk' && s.officeSlug === 'sportello-unico');
    const giulia = byName.get('operatore1') ?? [];
    expect(giulia.map((k) => k.serviceCode)).toEqual(desk.map((s) => s.code));
    const weightOf = (category: string) =>
      giulia.find((k) => k.serviceCode === desk.find((s) => s.categorySlug === category)?.code)?.weight;
    expect([weightOf('anagrafe'), weightOf('elettorale'), weightOf('tributi')]).toEqual([3, 2, 1]);
    // servicesOf: every service of that office.
    expect(byName.get('tributi1')?.map((k) => k.serviceCode)).toEqual(
      d.services.filter((s) => s.officeSlug === 'tributi').map((s) => s.code),
    );
  });

  it('are refused, naming the file and the place, when a field is wrong or unknown', () => {
    const badMode = withFile('services.json', (rows) => (rows as Rows).map((s, i) => (i === 3 ? { ...s, mode: 'phone' } : s)));
    expect(() => loadDemoData(badMode)).toThrow(/services\.json is not valid:\n {2}3\.mode:/);
    const typo = withFile('offices.json', (rows) => (rows as Rows).map((o, i) => (i === 0 ? { ...o, adress: 'x' } : o)));
    expect(() => loadDemoData(typo)).toThrow(/offices\.json is not valid:[\s\S]*adress/);
    const broken = withFile('displays.json', (rows) => rows);
    fs.writeFileSync(path.join(broken, 'displays.json'), '[{');
    expect(() => loadDemoData(broken)).toThrow(/displays\.json: .*JSON/);
  });

  it('are refused when they name an office, category or service that does not exist, or one twice', () => {
    const noCategory = withFile('services.json', (rows) =>
      (rows as Rows).map((s, i) => (i === 0 ? { ...s, categorySlug: 'astrologia' } : s)),
    );
    expect(() => loadDemoData(noCategory)).toThrow(/services\.json: certificato-residenza: no category "astrologia"/);
    const twice = withFile('services.json', (rows) => [...(rows as Rows), (rows as Rows)[0]]);
    expect(() => loadDemoData(twice)).toThrow(/service "certificato-residenza" appears twice/);
    const noOffice = withFile('staff.json', (rows) =>
      (rows as Rows).map((p) => (p.username === 'tributi1' ? { ...p, skills: { servicesOf: 'catasto' } } : p)),
    );
    expect(() => loadDemoData(noOffice)).toThrow(/staff\.json: tributi1: no office "catasto"/);
    const noDisplayCategory = withFile('displays.json', (rows) =>
      (rows as Rows).map((d, i) => (i === 0 ? { ...d, categorySlugs: ['oroscopo'] } : d)),
    );
    expect(() => loadDemoData(noDisplayCategory)).toThrow(/displays\.json: sala-attesa: no category "oroscopo"/);
  });

  it('are refused when a translation names what does not exist, misses a notice, or is not a language of the town', () => {
    const noService = withFile('translations/ro.json', (t) => ({
      ...(t as Record<string, object>),
      services: { ...(t as { services: object }).services, oroscopo: 'Horoscop' },
    }));
    expect(() => loadDemoData(noService)).toThrow(/translations\/ro\.json: services: no "oroscopo"/);
    const shortTicker = withFile('translations/en.json', (t) => ({
      ...(t as Record<string, object>),
      displays: { 'sala-attesa': ['Only one'] },
    }));
    expect(() => loadDemoData(shortTicker)).toThrow(
      /translations\/en\.json: displays: sala-attesa needs one line per Italian notice/,
    );
    const french = withFile('translations/ro.json', (t) => t);
    fs.copyFileSync(path.join(french, 'translations/ro.json'), path.join(french, 'translations/fr.json'));
    expect(() => loadDemoData(french)).toThrow(/translations\/fr\.json: "fr" is not a language/);
  });
});
