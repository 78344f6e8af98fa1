/** The office look-ups of the public screens and APIs (imported as `server/offices`). */
import { notFound } from '../errors';
import { textOf } from '../db/texts';
import { rt } from '../runtime';
import { walkInStatusAt } from './opening';
import { walkInRules, walkInRulesInclude } from './walk-in';

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
  const offices = await rt().db.office.findMany({
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    include: walkInRulesInclude(now),
  });
  return offices.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: textOf(o.name),
    address: o.address,
    isOneStop: o.isOneStop,
    timeZone: o.timeZone,
    walkIn: walkInStatusAt(walkInRules(o), now),
  }));
}
