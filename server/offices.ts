import { notFound } from './errors';
import { walkInStatuses } from './offices/walk-in';
import { rt } from './runtime';

/** The office a public screen means: the given one, or the one-stop desk. */
export async function resolveOffice(officeId?: string) {
  const { db } = rt();
  const office = officeId
    ? await db.office.findUnique({ where: { id: officeId } })
    : await db.office.findFirst({ where: { isOneStop: true }, orderBy: { sortOrder: 'asc' } });
  if (!office) throw notFound('Office');
  return office;
}

/** The public office list; `walkIn` tells kiosks whether they may issue tickets now. */
export async function listOffices(now = new Date()) {
  const [offices, walkIn] = await Promise.all([
    rt().db.office.findMany({
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true, slug: true, name: true, nameEn: true, address: true, isOneStop: true, timeZone: true },
    }),
    walkInStatuses(now),
  ]);
  return offices.map((o) => ({ ...o, walkIn: walkIn.get(o.id) ?? { open: true } }));
}
