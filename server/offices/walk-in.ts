import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { walkInStatusAt, type WalkInRules, type WalkInStatus } from './opening';

/** Loads the walk-in rules of offices: weekly hours, margin, closures and patron day. */
const rulesInclude = {
  hours: { select: { weekday: true, opens: true, closes: true } },
  closures: { select: { fromDay: true, toDay: true, reason: true } },
  patronDay: true,
} as const;

type OfficeWithRules = {
  timeZone: string;
  lastTicketMinutes: number;
  hours: { weekday: number; opens: string; closes: string }[];
  closures: { fromDay: string; toDay: string; reason: string }[];
  patronDay: { month: number; day: number; name: string } | null;
};

export function walkInRules(o: OfficeWithRules): WalkInRules {
  return {
    timeZone: o.timeZone,
    hours: o.hours,
    lastTicketMinutes: o.lastTicketMinutes,
    closures: { closures: o.closures, patron: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: o.patronDay.name } : null },
  };
}

/** Whether the office's kiosk may issue a walk-in ticket now. */
export async function walkInStatus(officeId: string, now = new Date()): Promise<WalkInStatus> {
  const office = await rt().db.office.findUnique({ where: { id: officeId }, include: rulesInclude });
  if (!office) throw notFound('Office');
  return walkInStatusAt(walkInRules(office), now);
}

/** The walk-in status of every office, for the public office list the kiosk loads. */
export async function walkInStatuses(now = new Date()): Promise<Map<string, WalkInStatus>> {
  const offices = await rt().db.office.findMany({ include: rulesInclude });
  return new Map(offices.map((o) => [o.id, walkInStatusAt(walkInRules(o), now)]));
}

/** Refuses a walk-in ticket while the office is closed or past its last-ticket time. */
export async function assertWalkInOpen(officeId: string, now = new Date()): Promise<void> {
  const status = await walkInStatus(officeId, now);
  if (status.open) return;
  throw new AppError(409, 'office_closed', 'The office is closed for walk-in tickets', { nextOpensAt: status.nextOpensAt ?? null, reason: status.reason });
}
