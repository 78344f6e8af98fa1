import { describe, expect, it } from 'vitest';
import type { Service } from '../../contract/catalog';
import { normalize, searchServices } from '../../kiosk/search';
import { loadDemoData } from '../../server/demo/demo-data';

const demo = loadDemoData();
const services: Service[] = demo.services.map((s) => {
  const c = demo.categories.find((x) => x.slug === s.categorySlug)!;
  return {
    id: s.code,
    code: s.code,
    prefix: s.prefix,
    name: s.name.it,
    names: s.name,
    keywords: s.keywords,
    category: { id: c.slug, slug: c.slug, name: c.name.it, names: c.name, icon: c.icon },
    mode: s.mode,
    officeId: s.officeSlug,
    office: { id: s.officeSlug, name: s.officeSlug, names: { it: s.officeSlug } },
    expectedMinutes: s.expectedMinutes,
    online: false,
  };
});

describe('kiosk service search', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normalize('Carta d’Identità  ELETTRONICA')).toBe('carta d identita elettronica');
  });

  it('finds the identity card in Italian and English, best match first', () => {
    expect(searchServices(services, 'carta identita', 'it')[0]?.names.it).toMatch(/carta d.identit/i);
    expect(searchServices(services, 'identity card', 'en')[0]?.names.en).toMatch(/identity card/i);
  });

  it("finds a service by its name in the screen's language, and by its Italian name in any language", () => {
    expect(searchServices(services, 'certificat rezidenta', 'ro')[0]?.code).toBe('certificato-residenza');
    expect(searchServices(services, 'certificato residenza', 'ar')[0]?.code).toBe('certificato-residenza');
    expect(searchServices(services, 'посвідчення', 'uk').map((s) => s.code)).toContain('carta-identita-elettronica');
  });

  it('finds the waste tax by its everyday word', () => {
    const hits = searchServices(services, 'rifiuti', 'it').map((s) => s.code);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((c) => services.find((s) => s.code === c)!.category.slug === 'tributi')).toBe(true);
  });

  it('requires every word and returns nothing for nonsense or an empty query', () => {
    expect(searchServices(services, 'certificato zzzz', 'it')).toEqual([]);
    expect(searchServices(services, '   ', 'it')).toEqual([]);
  });
});
