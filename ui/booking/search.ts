/** Search in the list of bookable services (the booking page and the clerk's booking dialog). */
import type { BookableService } from '../../contract/appointments';

/** Lower case without accents, so "identita" finds "identità". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Services whose names (in any language: a resident may know the Italian word), keywords or
 * category start a word with each word typed. Chinese writes no spaces: a Han word matches anywhere.
 */
export function searchServices(list: BookableService[], query: string): BookableService[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((s) => {
    const text = fold([...Object.values(s.name), s.keywords, ...Object.values(s.category.name)].join(' '));
    const hay = text.split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => hay.some((h) => h.startsWith(w)) || (/\p{Script=Han}/u.test(w) && text.includes(w)));
  });
}
