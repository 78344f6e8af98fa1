/** Search in the list of bookable services (the booking page and the clerk's booking dialog). */
import type { BookableService } from '../../contract/appointments';

/** Lower case without accents, so "identita" finds "identità". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function searchServices(list: BookableService[], query: string): BookableService[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((s) => {
    const hay = fold(`${s.nameIt} ${s.nameEn} ${s.keywords} ${s.category.nameIt} ${s.category.nameEn}`).split(/[^a-z0-9]+/);
    return words.every((w) => hay.some((h) => h.startsWith(w)));
  });
}
