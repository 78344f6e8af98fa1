import type { BookableService } from '../../contract/appointments';
import { rt } from '../runtime';

/**
 * Services that can be booked: active services with at least one active schedule, with the
 * offices that take them, in kiosk order (category, then service). Appointment-mode services come
 * first in meaning, but a desk service with a schedule can be booked too.
 */
export async function bookableServices(): Promise<BookableService[]> {
  const schedules = await rt().db.schedule.findMany({
    where: { active: true, service: { active: true }, hours: { some: {} } },
    include: {
      office: { select: { id: true, name: true, nameEn: true, address: true, sortOrder: true } },
      service: { include: { category: true } },
    },
  });
  const byService = new Map<
    string,
    { service: (typeof schedules)[number]['service']; offices: (typeof schedules)[number]['office'][] }
  >();
  for (const s of schedules) {
    const entry = byService.get(s.serviceId) ?? { service: s.service, offices: [] };
    entry.offices.push(s.office);
    byService.set(s.serviceId, entry);
  }
  return [...byService.values()]
    .sort(
      (a, b) =>
        a.service.category.sortOrder - b.service.category.sortOrder ||
        a.service.sortOrder - b.service.sortOrder ||
        a.service.nameIt.localeCompare(b.service.nameIt),
    )
    .map(({ service: s, offices }) => ({
      id: s.id,
      code: s.code,
      nameIt: s.nameIt,
      nameEn: s.nameEn,
      keywords: s.keywords,
      mode: s.mode,
      expectedMinutes: s.expectedMinutes,
      category: {
        id: s.category.id,
        slug: s.category.slug,
        nameIt: s.category.nameIt,
        nameEn: s.category.nameEn,
        icon: s.category.icon,
        sortOrder: s.category.sortOrder,
      },
      offices: offices
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn, address: o.address })),
    }));
}
