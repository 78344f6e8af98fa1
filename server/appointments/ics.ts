import { createEvent } from 'ics';
import { textIn } from '../../contract/lang';
import { textOf } from '../db/texts';
import { bookTexts, type BookLang } from './texts';
import type { AppointmentFull } from './views';
import { manageTokenFor, manageUrl } from './manage-token';
import { formatBookingCode } from './codes';

/**
 * The appointment as an iCalendar file (RFC 5545), times in UTC so every calendar program shows
 * it at the right local time. The UID stays the same when the appointment is moved, and the
 * SEQUENCE grows, so a calendar updates the event instead of adding a second one.
 */
export function appointmentIcs(a: AppointmentFull, lang: BookLang): string {
  const t = bookTexts(lang);
  const office = textIn(textOf(a.office.name), lang);
  const service = textIn(textOf(a.service.name), lang);
  const url = manageUrl(manageTokenFor(a));
  const { error, value } = createEvent({
    uid: `${a.id}@sportello`,
    sequence: a.rescheduleCount,
    start: a.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: a.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: t('ics.title', { service, office }),
    description: t('ics.description', { code: formatBookingCode(a.code), url }),
    location: [office, a.office.address].filter(Boolean).join(', '),
    url,
    status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    productId: 'sportello/appointments',
    alarms: [{ action: 'display', description: t('ics.alarm', { service }), trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file');
  return value;
}
