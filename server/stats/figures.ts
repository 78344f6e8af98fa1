import type { StatsFigures } from '../../contract/stats';

/**
 * The figures of the statistics, and how each one is defined. Everything is computed from the
 * TicketEvent log (plus the static names and targets of services, counters and staff), never
 * from the tickets' mutable state, so a report can always be re-derived and checked.
 *
 * Each figure is attributed to the event that defines it: its time (local day or hour in the
 * office's time zone), its service, counter and clerk.
 * - issued: `issued` events.
 * - served: `completed` events (including visits the day close completed).
 * - noShow, cancelled, transferred: `no_show`, `cancelled`, `transferred` events (a transfer by a
 *   clerk and a move by a supervisor alike; a ticket transferred twice counts twice).
 * - called: tickets called for the first time (the ticket's first `called` event).
 * - wait: minutes from the ticket's `issued` event to its first `called` event; attributed to
 *   that call (its service, counter, clerk and time), even when the ticket was issued before the
 *   range. Recalls and calls after a transfer do not count again.
 * - service time: minutes from the start of the visit to its `completed` event; the start is the
 *   visit's `started` event, or its `called` event when the clerk completed without starting (the
 *   visit = the events since the last `called` before the completion). Attributed to the
 *   completion.
 * - p50 / p90: continuous percentiles, exactly PostgreSQL's percentile_cont: sort the n values,
 *   take position p·(n−1) (0-based) and interpolate linearly between the two neighbours.
 *   null when there is no value.
 * - serviceLevel: share of first calls whose wait was within the service's targetWaitMinutes
 *   (wait ≤ target), withinTarget / called; null when nobody was called.
 *
 * Appointments: each appointment row records its transitions once, with their time, and never
 * undoes them (booked → checked in | cancelled | no-show; server/appointments), so those
 * write-once times are the appointments' event log. Like tickets, each counts at its own time:
 * - apptBooked: appointments booked (createdAt; online, at the kiosk or by a clerk, whose
 *   staff id it carries).
 * - apptCheckedIn: check-ins at the kiosk (checkedInAt); the ticket then counts as issued too.
 * - apptCancelled: cancellations (cancelledAt).
 * - apptNoShow: appointments nobody checked in for, by the end of the late window (noShowAt).
 * A day's appointments that took place are apptCheckedIn + apptNoShow of that day.
 */
export type FigureKind = 'count' | 'minutes' | 'share';

/** Column order of the CSV and the table. */
export const FIGURES: readonly { key: keyof StatsFigures; csv: string; kind: FigureKind }[] = [
  { key: 'issued', csv: 'issued', kind: 'count' },
  { key: 'served', csv: 'served', kind: 'count' },
  { key: 'noShow', csv: 'no_show', kind: 'count' },
  { key: 'cancelled', csv: 'cancelled', kind: 'count' },
  { key: 'transferred', csv: 'transferred', kind: 'count' },
  { key: 'called', csv: 'called', kind: 'count' },
  { key: 'withinTarget', csv: 'within_target', kind: 'count' },
  { key: 'serviceLevel', csv: 'service_level', kind: 'share' },
  { key: 'waitP50', csv: 'wait_p50_min', kind: 'minutes' },
  { key: 'waitP90', csv: 'wait_p90_min', kind: 'minutes' },
  { key: 'serviceP50', csv: 'service_p50_min', kind: 'minutes' },
  { key: 'serviceP90', csv: 'service_p90_min', kind: 'minutes' },
  { key: 'apptBooked', csv: 'appointments_booked', kind: 'count' },
  { key: 'apptCheckedIn', csv: 'appointments_checked_in', kind: 'count' },
  { key: 'apptCancelled', csv: 'appointments_cancelled', kind: 'count' },
  { key: 'apptNoShow', csv: 'appointments_no_show', kind: 'count' },
];

export function emptyFigures(): StatsFigures {
  return {
    issued: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 0,
    called: 0,
    withinTarget: 0,
    serviceLevel: null,
    waitP50: null,
    waitP90: null,
    serviceP50: null,
    serviceP90: null,
    apptBooked: 0,
    apptCheckedIn: 0,
    apptCancelled: 0,
    apptNoShow: 0,
  };
}
