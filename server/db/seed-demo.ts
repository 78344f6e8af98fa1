import { hashPassword } from '../auth/password';
import type { Db } from './client';
import { DEMO_PASSWORD, demoCategories, demoDisplays, demoOffices, demoServices, demoStaff } from '../../prisma/demo-data';

/**
 * The demo town's one-stop desk. Idempotent: upserts by natural keys (slugs, codes, usernames),
 * so running it again updates names and adds what is missing without touching tickets. Staff
 * passwords and skill weights are set only when first created.
 *
 * The demo accounts (`accounts`, default true) share the published DEMO_PASSWORD. They are marked
 * `demoPassword` rather than "must change", so the demo, the e2e tests and the screenshot scripts
 * log straight in; instead the start banner and the staff screens say loudly that this is a demo
 * (server/auth/me.ts). Never on a production database: boot.ts seeds them only into the embedded
 * one, and a production installation gets its first admin from `npm run create-admin`.
 */
export async function seedDemo(
  db: Db,
  timeZone = 'Europe/Rome',
  opts: { accounts?: boolean } = {},
): Promise<{ staff: { username: string; role: string }[] }> {
  const officeIds = new Map<string, string>();
  for (const o of demoOffices) {
    const data = { name: o.name, nameEn: o.nameEn, address: o.address, isOneStop: o.isOneStop, sortOrder: o.sortOrder, timeZone };
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
  for (const c of demoCategories) {
    const data = { nameIt: c.nameIt, nameEn: c.nameEn, icon: c.icon, sortOrder: c.sortOrder };
    const cat = await db.category.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data });
    categoryIds.set(c.slug, cat.id);
  }
  const serviceIds = new Map<string, string>();
  for (const s of demoServices) {
    const data = {
      prefix: s.prefix,
      nameIt: s.nameIt,
      nameEn: s.nameEn,
      keywords: s.keywords,
      mode: s.mode,
      expectedMinutes: s.expectedMinutes,
      targetWaitMinutes: s.targetWaitMinutes,
      sortOrder: s.sortOrder,
      categoryId: categoryIds.get(s.categorySlug) as string,
      officeId: officeIds.get(s.officeSlug) as string,
    };
    const svc = await db.service.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
    serviceIds.set(s.code, svc.id);
  }
  const accounts = opts.accounts === false ? [] : demoStaff;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of accounts) {
    const staff = await db.staff.upsert({
      where: { username: p.username },
      create: { username: p.username, displayName: p.displayName, role: p.role, passwordHash, demoPassword: true },
      update: { displayName: p.displayName, role: p.role },
    });
    const skills = p.skills === 'all' ? demoServices.map((s) => ({ serviceCode: s.code, weight: 1 })) : p.skills;
    // Weights are set when a skill is first created; later changes belong to the admin.
    await db.skill.createMany({
      data: skills.map((k) => ({ staffId: staff.id, serviceId: serviceIds.get(k.serviceCode) as string, weight: k.weight })),
      skipDuplicates: true,
    });
  }
  await seedDemoSchedules(db, officeIds, serviceIds);
  await seedDemoDisplays(db, officeIds, categoryIds);
  return { staff: accounts.map((s) => ({ username: s.username, role: s.role })) };
}

/** The demo town's patron saint (a closed day for appointments every year). */
export const DEMO_PATRON = { month: 8, day: 7, name: 'San Donato' };

/**
 * Appointment schedules of the specialist offices: Monday to Friday 9:00–12:30, Tuesday and
 * Thursday also 14:30–17:00; 15-minute slots (30 or 60 for the longer services); as many
 * citizens per slot as the office has counters (1–2). Created only when missing, like the
 * patron day: what an admin changed later is kept.
 */
async function seedDemoSchedules(db: Db, officeIds: Map<string, string>, serviceIds: Map<string, string>) {
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '09:00', closes: '12:30' },
    ...(weekday === 2 || weekday === 4 ? [{ weekday, opens: '14:30', closes: '17:00' }] : []),
  ]);
  for (const s of demoServices.filter((x) => x.mode === 'appointment')) {
    const officeId = officeIds.get(s.officeSlug) as string;
    const serviceId = serviceIds.get(s.code) as string;
    const existing = await db.schedule.findUnique({ where: { officeId_serviceId: { officeId, serviceId } } });
    if (existing) continue;
    const office = demoOffices.find((o) => o.slug === s.officeSlug);
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
  for (const o of demoOffices.filter((x) => !x.isOneStop)) {
    const officeId = officeIds.get(o.slug) as string;
    await db.patronDay.upsert({ where: { officeId }, create: { officeId, ...DEMO_PATRON }, update: {} });
  }
}

/** Demo waiting-room displays, created only when missing: what an admin changed later is kept. */
async function seedDemoDisplays(db: Db, officeIds: Map<string, string>, categoryIds: Map<string, string>) {
  for (const d of demoDisplays) {
    if (await db.display.findUnique({ where: { slug: d.slug }, select: { id: true } })) continue;
    await db.display.create({
      data: {
        slug: d.slug,
        officeId: officeIds.get(d.officeSlug) as string,
        name: d.name,
        categoryIds: d.categorySlugs.map((c) => categoryIds.get(c) as string),
        tickerIt: d.tickerIt,
        tickerEn: d.tickerEn,
      },
    });
  }
}

export { DEMO_PASSWORD };
