import type { Prisma } from '../db/generated/client';
import { textOrNull } from '../db/texts';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { walkInStatusAt, type WalkInRules, type WalkInStatus } from './opening';

/**
 * What to load with an office to judge its walk-in status: weekly hours, margin, patron day and
 * the closures that have not ended (a past closure can close neither today nor a later day; the
 * day before in UTC is early enough for any office time zone).
 */
export function walkInRulesInclude(now: Date) {
  const dayBefore = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  return {
    hours: { select: { weekday: true, opens: true, closes: true } },
    closures: { where: { toDay: { gte: dayBefore } }, select: { fromDay: true, toDay: true, reason: true } },
    patronDay: true,
  } as const;
}

type OfficeWithRules = {
  timeZone: string;
  lastTicketMinutes: number;
  hours: { weekday: number; opens: string; closes: string }[];
  closures: { fromDay: string; toDay: string; reason: Prisma.JsonValue }[];
  patronDay: { month: number; day: number; name: Prisma.JsonValue } | null;
};

export function walkInRules(o: OfficeWithRules): WalkInRules {
  return {
    timeZone: o.timeZone,
    hours: o.hours,
    lastTicketMinutes: o.lastTicketMinutes,
    closures: {
      closures: o.closures.map((c) => ({ fromDay: c.fromDay, toDay: c.toDay, reason: textOrNull(c.reason) })),
      patron: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: textOrNull(o.patronDay.name) } : null,
    },
  };
}

/** Whether the office's kiosk may issue a walk-in ticket now. */
export async function walkInStatus(officeId: string, now = new Date()): Promise<WalkInStatus> {
  const office = await rt().db.office.findUnique({ where: { id: officeId }, include: walkInRulesInclude(now) });
  if (!office) throw notFound('Office');
  return walkInStatusAt(walkInRules(office), now);
}

/**
 * Refuses a walk-in ticket while the office is closed or past its last-ticket time. Takes the
 * office already loaded (with walkInRulesInclude), so issuing a ticket costs no extra query.
 */
export function assertWalkInOpen(office: OfficeWithRules, now: Date): void {
  const status = walkInStatusAt(walkInRules(office), now);
  if (status.open) return;
  throw new AppError(409, 'office_closed', 'The office is closed for walk-in tickets', {
    nextOpensAt: status.nextOpensAt ?? null,
    reason: status.reason,
  });
}
