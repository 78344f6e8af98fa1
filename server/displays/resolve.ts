import type { Display, Office } from '../db/generated/client';
import type { LocalizedText } from '../../contract/lang';
import { textsOf } from '../db/texts';
import { notFound } from '../errors';
import { resolveOffice } from '../offices';
import { rt } from '../runtime';

/** What a display screen asked for: a configured display (by slug or id), or a whole office. */
export interface DisplayTarget {
  office: Office;
  /** Null for `officeId=` (or nothing): the whole office, no ticker. May be inactive. */
  display: Display | null;
}

/**
 * An unknown display is a 404. An inactive one is returned, so a screen can still join its
 * office's room and come back by itself when an admin activates it again; the snapshot refuses it.
 */
export async function resolveDisplayTarget(p: { officeId?: string; display?: string }): Promise<DisplayTarget> {
  if (p.display) {
    const { db } = rt();
    const display =
      (await db.display.findUnique({ where: { slug: p.display } })) ??
      (await db.display.findUnique({ where: { id: p.display } }));
    if (!display) throw notFound('Display');
    return { office: await resolveOffice(display.officeId), display };
  }
  return { office: await resolveOffice(p.officeId), display: null };
}

/** Active displays with their screen path, for the startup banner. */
export async function activeDisplayLinks(): Promise<{ name: string; path: string }[]> {
  const rows = await rt().db.display.findMany({
    where: { active: true },
    orderBy: [{ office: { sortOrder: 'asc' } }, { name: 'asc' }],
    select: { name: true, slug: true },
  });
  return rows.map((d) => ({ name: d.name, path: `/display?display=${d.slug}` }));
}

/** The services a display shows: its services plus its categories' services in its office; null = all. */
export async function displayServiceIds(
  display: Pick<Display, 'officeId' | 'serviceIds' | 'categoryIds'>,
): Promise<string[] | null> {
  if (display.serviceIds.length === 0 && display.categoryIds.length === 0) return null;
  const rows = await rt().db.service.findMany({
    where: { officeId: display.officeId, OR: [{ id: { in: display.serviceIds } }, { categoryId: { in: display.categoryIds } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Ticker messages, each in every language it was written in. */
export function tickerOf(display: Pick<Display, 'ticker'>): LocalizedText[] {
  return textsOf(display.ticker);
}
