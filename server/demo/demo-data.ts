/**
 * The demo town's data (the invented "Comune di Valdoria"): JSON files in prisma/demo/, read only
 * by the demo seed (seed-demo.ts) when it seeds. Every file is checked against the schemas below
 * and every slug or code it names must exist, so a mistake stops the seed with the file and the
 * place named instead of seeding half a town.
 *
 * The main files are written in Italian; prisma/demo/translations/<lang>.json gives the other
 * languages of the catalogue (office, category and service names, display notices, the patron
 * saint), keyed by slug or code. They are folded into LocalizedText values here.
 */
import { certificateKindSchema } from '../../contract/certificates';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { formInput } from '../../contract/forms';
import { isLanguage, type Lang, type LocalizedText } from '../../contract/lang';

// From the project folder, like the migrations: the compiled server (dist/server) is elsewhere.
export const DEMO_DATA_DIR = path.resolve('prisma/demo');

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"');
const text = z.string().trim().min(1);
const order = z.number().int();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

const officeSchema = z.strictObject({
  slug,
  name: text,
  address: z.string(),
  isOneStop: z.boolean(),
  sortOrder: order,
  counters: z.array(z.strictObject({ number: z.number().int().positive(), name: text })),
});

const categorySchema = z.strictObject({ slug, name: text, icon: z.string(), sortOrder: order });

const serviceSchema = z.strictObject({
  code: slug,
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  name: text,
  keywords: z.string(),
  categorySlug: slug,
  officeSlug: slug,
  mode: z.enum(['desk', 'appointment']),
  expectedMinutes: z.number().int().positive(),
  targetWaitMinutes: z.number().int().positive(),
  sortOrder: order,
  /** Requested online through the portal: the identity it needs and its legal deadline in days. */
  online: z
    .strictObject({
      identity: z.enum(['email', 'strong']),
      deadlineDays: z.number().int().min(1).max(365),
      /** Completing it issues this certificate (contract/certificates.ts). */
      certificate: certificateKindSchema.optional(),
    })
    .optional(),
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
  ticker: z.array(text),
});

/** One language of the catalogue: every key names a slug or code of the main files. */
const translationSchema = z.strictObject({
  categories: z.record(z.string(), text).default({}),
  offices: z.record(z.string(), text).default({}),
  services: z.record(z.string(), text).default({}),
  /** The display's notices, in the order of its Italian ones. */
  displays: z.record(z.string(), z.array(text)).default({}),
  patronDay: text.optional(),
});

const settingsSchema = z.strictObject({
  /** The password of every demo account. */
  staffPassword: text,
  /** The town's patron saint: a closed day every year at the specialist offices. */
  patronDay: z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: z.string() }),
  /** When the specialist offices take appointments (ISO weekday 1 = Monday), local time. */
  appointmentHours: z.array(z.strictObject({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })),
});

type Localized<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends string[] ? LocalizedText[] : LocalizedText };
export type DemoOffice = Localized<z.infer<typeof officeSchema>, 'name'>;
export type DemoCategory = Localized<z.infer<typeof categorySchema>, 'name'>;
export type DemoService = Localized<z.infer<typeof serviceSchema>, 'name'>;
export type DemoDisplay = Localized<z.infer<typeof displaySchema>, 'ticker'>;
type Settings = z.infer<typeof settingsSchema>;
export type DemoSettings = Omit<Settings, 'patronDay'> & { patronDay: Localized<Settings['patronDay'], 'name'> };
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
  /** Online forms by service code (their labels carry every language already). */
  forms: Record<string, z.infer<typeof formInput>>;
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

type Translation = z.infer<typeof translationSchema>;

/**
 * translations/<lang>.json of every language there: each file must be named after a language of
 * contract/lang.ts other than Italian, name only slugs and codes of the main files, and give a
 * display as many notices as it has in Italian. A missing name is allowed: it falls back.
 */
function readTranslations(
  dir: string,
  known: { categories: Set<string>; offices: Set<string>; services: Set<string>; displays: Map<string, number> },
): Map<Lang, Translation> {
  const out = new Map<Lang, Translation>();
  const folder = path.join(dir, 'translations');
  if (!fs.existsSync(folder)) return out;
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const lang = file.slice(0, -'.json'.length);
    const where = `translations/${file}`;
    check(where, isLanguage(lang) && lang !== 'it', `"${lang}" is not a language of contract/lang.ts other than Italian`);
    const t = readFile(dir, where, translationSchema);
    for (const kind of ['categories', 'offices', 'services'] as const)
      for (const key of Object.keys(t[kind])) check(where, known[kind].has(key), `${kind}: no "${key}" in the main files`);
    for (const [slug, lines] of Object.entries(t.displays)) {
      check(where, known.displays.has(slug), `displays: no "${slug}" in displays.json`);
      check(where, lines.length === known.displays.get(slug), `displays: ${slug} needs one line per Italian notice`);
    }
    out.set(lang as Lang, t);
  }
  return out;
}

/** Reads and checks the demo data files of `dir` (prisma/demo by default). */
export function loadDemoData(dir = DEMO_DATA_DIR): DemoData {
  const offices = readFile(dir, 'offices.json', z.array(officeSchema));
  const categories = readFile(dir, 'categories.json', z.array(categorySchema));
  const services = readFile(dir, 'services.json', z.array(serviceSchema));
  const staff = readFile(dir, 'staff.json', z.array(staffSchema));
  const displays = readFile(dir, 'displays.json', z.array(displaySchema));
  const settings = readFile(dir, 'settings.json', settingsSchema);
  const forms = readFile(dir, 'forms.json', z.record(z.string(), formInput));

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
  const serviceCodes = new Set(services.map((s) => s.code));
  for (const code of Object.keys(forms)) check('forms.json', serviceCodes.has(code), `no service "${code}"`);
  unique(
    'staff.json',
    staff.map((p) => p.username),
    'username',
  );

  const translations = readTranslations(dir, {
    categories: categorySlugs,
    offices: officeSlugs,
    services: new Set(services.map((s) => s.code)),
    displays: new Map(displays.map((d) => [d.slug, d.ticker.length])),
  });
  const localized = (it: string, pick: (t: Translation) => string | undefined): LocalizedText => {
    const text: Record<string, string> = { it };
    for (const [lang, t] of translations) {
      const value = pick(t);
      if (value) text[lang] = value;
    }
    return text as LocalizedText;
  };

  return {
    forms,
    offices: offices.map((o) => ({ ...o, name: localized(o.name, (t) => t.offices[o.slug]) })),
    categories: categories.map((c) => ({ ...c, name: localized(c.name, (t) => t.categories[c.slug]) })),
    services: services.map((s) => ({ ...s, name: localized(s.name, (t) => t.services[s.code]) })),
    displays: displays.map((d) => ({ ...d, ticker: d.ticker.map((line, i) => localized(line, (t) => t.displays[d.slug]?.[i])) })),
    settings: {
      ...settings,
      patronDay: { ...settings.patronDay, name: localized(settings.patronDay.name, (t) => t.patronDay) },
    },
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
