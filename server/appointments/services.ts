import type { BookableService } from '../../contract/appointments';
import { rt } from '../runtime';
import { textOf } from '../db/texts';
import { requestableOnline } from '../procedures/online-link';

/**
 * Services that can be booked: active services with at least one active schedule, with the
 * offices that take them, in kiosk order (category, then service). Appointment-mode services come
 * first in meaning, but a desk service with a schedule can be booked too.
 */
export async function bookableServices(): Promise<BookableService[]> {
  const schedules = await rt().db.schedule.findMany({
    where: { active: true, service: { active: true }, hours: { some: {} } },
    include: {
      office: { select: { id: true, name: true, address: true, sortOrder: true } },
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
        a.service.code.localeCompare(b.service.code),
    )
    .map(({ service: s, offices }) => ({
      id: s.id,
      code: s.code,
      name: textOf(s.name),
      keywords: s.keywords,
      mode: s.mode,
      expectedMinutes: s.expectedMinutes,
      online: requestableOnline(s.onlineIdentity),
      category: {
        id: s.category.id,
        slug: s.category.slug,
        name: textOf(s.category.name),
        icon: s.category.icon,
        sortOrder: s.category.sortOrder,
      },
      offices: offices
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((o) => ({ id: o.id, name: textOf(o.name), address: o.address })),
    }));
}
