import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { loadDemoData, type DemoData } from './demo-data';

export interface DemoSeeded {
  /** The password of every demo account. */
  password: string;
  staff: { username: string; role: string }[];
}

/**
 * The demo town's one-stop desk and offices, from the data files in prisma/demo (demo-data.ts).
 * Idempotent: upserts by natural keys (slugs, codes, usernames), so running it again updates
 * names and adds what is missing without touching tickets. Staff passwords and skill weights are
 * set only when first created.
 *
 * The demo accounts (`accounts`, default true) share the published password. They are marked
 * `demoPassword` rather than "must change", so the demo, the e2e tests and the screenshot scripts
 * log straight in; instead the start banner and the staff screens say loudly that this is a demo
 * (server/auth/me.ts). Never on a production database: boot.ts seeds them only into the embedded
 * one, and a production installation gets its first admin from `npm run create-admin`.
 */
export async function seedDemo(
  db: Db,
  timeZone = 'Europe/Rome',
  data: DemoData = loadDemoData(),
  opts: { accounts?: boolean } = {},
): Promise<DemoSeeded> {
  const officeIds = new Map<string, string>();
  for (const o of data.offices) {
    const data = { name: o.name, address: o.address, isOneStop: o.isOneStop, sortOrder: o.sortOrder, timeZone };
    const office = await db.office.upsert({ where: { slug: o.slug }, create: { slug: o.slug, ...data }, update: data });
    officeIds.set(o.slug, office.id);
    for (const c of o.counters) {
      await db.counter.upsert({
        where: { officeId_number: { officeId: office.id, number: c.number } },
        create: { officeId: office.id, number: c.number, name: c.name },
        update: { name: c.name },
      });
    }
  }
  const categoryIds = new Map<string, string>();
  for (const c of data.categories) {
    const data = { name: c.name, icon: c.icon, sortOrder: c.sortOrder };
    const cat = await db.category.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data });
    categoryIds.set(c.slug, cat.id);
  }
  const serviceIds = new Map<string, string>();
  for (const s of data.services) {
    const data = {
      prefix: s.prefix,
      name: s.name,
      keywords: s.keywords,
      mode: s.mode,
      expectedMinutes: s.expectedMinutes,
      targetWaitMinutes: s.targetWaitMinutes,
      sortOrder: s.sortOrder,
      onlineIdentity: s.online?.identity ?? null,
      legalDeadlineDays: s.online?.deadlineDays ?? 30,
      certificate: s.online?.certificate ?? null,
      categoryId: categoryIds.get(s.categorySlug) as string,
      officeId: officeIds.get(s.officeSlug) as string,
    };
    const svc = await db.service.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
    serviceIds.set(s.code, svc.id);
  }
  // A form's first version only: later versions belong to the admin.
  for (const [code, form] of Object.entries(data.forms)) {
    const serviceId = serviceIds.get(code) as string;
    if ((await db.serviceForm.count({ where: { serviceId } })) === 0)
      await db.serviceForm.create({ data: { serviceId, version: 1, fields: form.fields } });
  }
  const accounts = opts.accounts === false ? [] : data.staff;
  const passwordHash = await hashPassword(data.settings.staffPassword);
  for (const p of accounts) {
    const staff = await db.staff.upsert({
      where: { username: p.username },
      create: { username: p.username, displayName: p.displayName, role: p.role, passwordHash, demoPassword: true },
      update: { displayName: p.displayName, role: p.role },
    });
    // Weights are set when a skill is first created; later changes belong to the admin.
    await db.skill.createMany({
      data: p.skills.map((k) => ({ staffId: staff.id, serviceId: serviceIds.get(k.serviceCode) as string, weight: k.weight })),
      skipDuplicates: true,
    });
  }
  await seedDemoSchedules(db, data, officeIds, serviceIds);
  await seedDemoDisplays(db, data, officeIds, categoryIds);
  return { password: data.settings.staffPassword, staff: accounts.map((s) => ({ username: s.username, role: s.role })) };
}

/**
 * Appointment schedules of the specialist offices, in the demo's appointment hours; 15-minute
 * slots (30 or 60 for the longer services); as many citizens per slot as the office has counters
 * (1–2). Created only when missing, like the patron day: what an admin changed later is kept.
 */
async function seedDemoSchedules(db: Db, data: DemoData, officeIds: Map<string, string>, serviceIds: Map<string, string>) {
  const hours = data.settings.appointmentHours;
  for (const s of data.services.filter((x) => x.mode === 'appointment')) {
    const officeId = officeIds.get(s.officeSlug) as string;
    const serviceId = serviceIds.get(s.code) as string;
    const existing = await db.schedule.findUnique({ where: { officeId_serviceId: { officeId, serviceId } } });
    if (existing) continue;
    const office = data.offices.find((o) => o.slug === s.officeSlug);
    await db.schedule.create({
      data: {
        officeId,
        serviceId,
        slotMinutes: s.expectedMinutes <= 20 ? 15 : s.expectedMinutes <= 30 ? 30 : 60,
        capacity: Math.min(2, Math.max(1, office?.counters.length ?? 1)),
        horizonDays: 60,
        minNoticeMinutes: 120,
        hours: { create: hours },
      },
    });
  }
  for (const o of data.offices.filter((x) => !x.isOneStop)) {
    const officeId = officeIds.get(o.slug) as string;
    await db.patronDay.upsert({ where: { officeId }, create: { officeId, ...data.settings.patronDay }, update: {} });
  }
}

/** Demo waiting-room displays, created only when missing: what an admin changed later is kept. */
async function seedDemoDisplays(db: Db, data: DemoData, officeIds: Map<string, string>, categoryIds: Map<string, string>) {
  for (const d of data.displays) {
    if (await db.display.findUnique({ where: { slug: d.slug }, select: { id: true } })) continue;
    await db.display.create({
      data: {
        slug: d.slug,
        officeId: officeIds.get(d.officeSlug) as string,
        name: d.name,
        categoryIds: d.categorySlugs.map((c) => categoryIds.get(c) as string),
        ticker: d.ticker,
      },
    });
  }
}
