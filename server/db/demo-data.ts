/**
 * The demo town's data (the invented "Comune di Valdoria"): JSON files in prisma/demo/, read only
 * by the demo seed (seed-demo.ts) when it seeds. Every file is checked against the schemas below
 * and every slug or code it names must exist, so a mistake stops the seed with the file and the
 * place named instead of seeding half a town.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEMO_DATA_DIR = fileURLToPath(new URL('../../prisma/demo/', import.meta.url));

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"');
const text = z.string().trim().min(1);
const order = z.number().int();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

const officeSchema = z.strictObject({
  slug,
  name: text,
  nameEn: text,
  address: z.string(),
  isOneStop: z.boolean(),
  sortOrder: order,
  counters: z.array(z.strictObject({ number: z.number().int().positive(), name: text })),
});

const categorySchema = z.strictObject({ slug, nameIt: text, nameEn: text, icon: z.string(), sortOrder: order });

const serviceSchema = z.strictObject({
  code: slug,
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  nameIt: text,
  nameEn: text,
  keywords: z.string(),
  categorySlug: slug,
  officeSlug: slug,
  mode: z.enum(['desk', 'appointment']),
  expectedMinutes: z.number().int().positive(),
  targetWaitMinutes: z.number().int().positive(),
  sortOrder: order,
});

const weight = z.number().int().min(1).max(5);
const staffSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]+$/),
  displayName: text,
  role: z.enum(['operator', 'supervisor', 'admin']),
  /**
   * `all`: every service, weight 1. `deskOf`: every desk service of that office, weighted by
   * category (1 when not listed). `servicesOf`: every service of that office, weight 1.
   */
  skills: z.union([
    z.literal('all'),
    z.strictObject({ deskOf: slug, weights: z.record(slug, weight) }),
    z.strictObject({ servicesOf: slug }),
  ]),
});

const displaySchema = z.strictObject({
  slug,
  officeSlug: slug,
  name: text,
  /** Categories shown (the union with services); none = the whole office. */
  categorySlugs: z.array(slug),
  /** tickerEn[i] is the English of tickerIt[i]. */
  tickerIt: z.array(text),
  tickerEn: z.array(text),
});

const settingsSchema = z.strictObject({
  /** The password of every demo account. */
  staffPassword: text,
  /** The town's patron saint: a closed day every year at the specialist offices. */
  patronDay: z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: z.string() }),
  /** When the specialist offices take appointments (ISO weekday 1 = Monday), local time. */
  appointmentHours: z.array(z.strictObject({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })),
});

export type DemoOffice = z.infer<typeof officeSchema>;
export type DemoCategory = z.infer<typeof categorySchema>;
export type DemoService = z.infer<typeof serviceSchema>;
export type DemoDisplay = z.infer<typeof displaySchema>;
export type DemoSettings = z.infer<typeof settingsSchema>;
export interface DemoStaff extends Omit<z.infer<typeof staffSchema>, 'skills'> {
  skills: { serviceCode: string; weight: number }[];
}

export interface DemoData {
  offices: DemoOffice[];
  categories: DemoCategory[];
  services: DemoService[];
  staff: DemoStaff[];
  displays: DemoDisplay[];
  settings: DemoSettings;
}

function readFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const where = path.join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(where, 'utf8'));
  } catch (err) {
    throw new Error(`Demo data ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`Demo data ${where} is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Fails on the first name that is used twice or refers to nothing. */
function check(file: string, ok: boolean, what: string): void {
  if (!ok) throw new Error(`Demo data ${file}: ${what}`);
}

function unique(file: string, values: string[], what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    check(file, !seen.has(v), `${what} "${v}" appears twice`);
    seen.add(v);
  }
}

/** Reads and checks the demo data files of `dir` (prisma/demo by default). */
export function loadDemoData(dir = DEMO_DATA_DIR): DemoData {
  const offices = readFile(dir, 'offices.json', z.array(officeSchema));
  const categories = readFile(dir, 'categories.json', z.array(categorySchema));
  const services = readFile(dir, 'services.json', z.array(serviceSchema));
  const staff = readFile(dir, 'staff.json', z.array(staffSchema));
  const displays = readFile(dir, 'displays.json', z.array(displaySchema));
  const settings = readFile(dir, 'settings.json', settingsSchema);

  const officeSlugs = new Set(offices.map((o) => o.slug));
  const categorySlugs = new Set(categories.map((c) => c.slug));
  unique(
    'offices.json',
    offices.map((o) => o.slug),
    'office',
  );
  for (const o of offices)
    unique(
      'offices.json',
      o.counters.map((c) => String(c.number)),
      `${o.slug}: counter number`,
    );
  unique(
    'categories.json',
    categories.map((c) => c.slug),
    'category',
  );
  unique(
    'services.json',
    services.map((s) => s.code),
    'service',
  );
  for (const s of services) {
    check('services.json', categorySlugs.has(s.categorySlug), `${s.code}: no category "${s.categorySlug}"`);
    check('services.json', officeSlugs.has(s.officeSlug), `${s.code}: no office "${s.officeSlug}"`);
  }
  unique(
    'displays.json',
    displays.map((d) => d.slug),
    'display',
  );
  for (const d of displays) {
    check('displays.json', officeSlugs.has(d.officeSlug), `${d.slug}: no office "${d.officeSlug}"`);
    for (const c of d.categorySlugs) check('displays.json', categorySlugs.has(c), `${d.slug}: no category "${c}"`);
  }
  unique(
    'staff.json',
    staff.map((p) => p.username),
    'username',
  );

  return {
    offices,
    categories,
    services,
    displays,
    settings,
    staff: staff.map(({ skills, ...person }) => {
      if (skills === 'all') return { ...person, skills: services.map((s) => ({ serviceCode: s.code, weight: 1 })) };
      if ('servicesOf' in skills) {
        check('staff.json', officeSlugs.has(skills.servicesOf), `${person.username}: no office "${skills.servicesOf}"`);
        const mine = services.filter((s) => s.officeSlug === skills.servicesOf);
        return { ...person, skills: mine.map((s) => ({ serviceCode: s.code, weight: 1 })) };
      }
      check('staff.json', officeSlugs.has(skills.deskOf), `${person.username}: no office "${skills.deskOf}"`);
      for (const c of Object.keys(skills.weights))
        check('staff.json', categorySlugs.has(c), `${person.username}: no category "${c}"`);
      const desk = services.filter((s) => s.mode === 'desk' && s.officeSlug === skills.deskOf);
      return { ...person, skills: desk.map((s) => ({ serviceCode: s.code, weight: skills.weights[s.categorySlug] ?? 1 })) };
    }),
  };
}
