import type { z } from 'zod';
import type { Colleague, MyService } from '../contract/auth';
import type { Category, Service, servicesQuery } from '../contract/catalog';
import { textIn, type LocalizedText } from '../contract/lang';
import { textOf } from './db/texts';
import { requestableOnline } from './procedures/online-link';
import { rt } from './runtime';

/** Active services for the kiosk and the booking pages, in kiosk order. */
export async function listServices(q: z.infer<typeof servicesQuery>): Promise<Service[]> {
  const services = await rt().db.service.findMany({
    where: { active: true, officeId: q.officeId, mode: q.mode },
    include: { category: true, office: { select: { id: true, name: true } } },
    orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
  });
  const named = (text: LocalizedText) => ({ name: textIn(text, q.lang), names: text });
  return services.map((s) => ({
    id: s.id,
    code: s.code,
    prefix: s.prefix,
    ...named(textOf(s.name)),
    keywords: s.keywords,
    mode: s.mode,
    officeId: s.officeId,
    office: { id: s.office.id, ...named(textOf(s.office.name)) },
    expectedMinutes: s.expectedMinutes,
    online: requestableOnline(s.onlineIdentity),
    category: { id: s.category.id, slug: s.category.slug, ...named(textOf(s.category.name)), icon: s.category.icon },
  }));
}

/** Categories that have at least one active service (of the office, when given). */
export async function listCategories(officeId?: string): Promise<Category[]> {
  const rows = await rt().db.category.findMany({
    where: { services: { some: { active: true, ...(officeId ? { officeId } : {}) } } },
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    select: { id: true, slug: true, name: true, icon: true, sortOrder: true },
  });
  return rows.map((c) => ({ ...c, name: textOf(c.name) }));
}

/** Services a clerk may serve, with their skill weight. */
export async function servicesOfStaff(staffId: string): Promise<MyService[]> {
  const skills = await rt().db.skill.findMany({
    where: { staffId, service: { active: true } },
    include: { service: { include: { category: true } } },
    orderBy: [{ service: { category: { sortOrder: 'asc' } } }, { service: { sortOrder: 'asc' } }],
  });
  return skills.map((k) => ({
    id: k.service.id,
    name: textOf(k.service.name),
    prefix: k.service.prefix,
    officeId: k.service.officeId,
    mode: k.service.mode,
    weight: k.weight,
    category: { name: textOf(k.service.category.name) },
  }));
}

export async function listColleagues(officeId?: string): Promise<Colleague[]> {
  const staff = await rt().db.staff.findMany({
    where: { active: true, ...(officeId ? { skills: { some: { service: { officeId } } } } : {}) },
    include: { counter: { select: { id: true, number: true, name: true } } },
    orderBy: { displayName: 'asc' },
  });
  return staff.map((s) => ({ id: s.id, displayName: s.displayName, counter: s.counter }));
}
