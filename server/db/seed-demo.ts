import { hashPassword } from '../auth/password';
import type { Db } from './client';
import { DEMO_PASSWORD, demoCategories, demoOffices, demoServices, demoStaff } from '../../prisma/demo-data';

/**
 * The demo town's one-stop desk. Idempotent: upserts by natural keys (slugs, codes, usernames),
 * so running it again updates names and adds what is missing without touching tickets. Staff
 * passwords and skill weights are set only when first created.
 */
export async function seedDemo(db: Db, timeZone = 'Europe/Rome'): Promise<{ staff: { username: string; role: string }[] }> {
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
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of demoStaff) {
    const staff = await db.staff.upsert({
      where: { username: p.username },
      create: { username: p.username, displayName: p.displayName, role: p.role, passwordHash },
      update: { displayName: p.displayName, role: p.role },
    });
    const skills = p.skills === 'all' ? demoServices.map((s) => ({ serviceCode: s.code, weight: 1 })) : p.skills;
    // Weights are set when a skill is first created; later changes belong to the admin.
    await db.skill.createMany({
      data: skills.map((k) => ({ staffId: staff.id, serviceId: serviceIds.get(k.serviceCode) as string, weight: k.weight })),
      skipDuplicates: true,
    });
  }
  return { staff: demoStaff.map((s) => ({ username: s.username, role: s.role })) };
}

export { DEMO_PASSWORD };
