import { log } from '../log';
import { sendMail, type Sent } from '../mail/send';
import { dirOf, textIn } from '../../contract/lang';
import { textOf } from '../db/texts';
import { rt } from '../runtime';
import { formatBookingCode } from './codes';
import { appointmentIcs } from './ics';
import { manageTokenFor, manageUrl } from './manage-token';
import { bookLang, bookTexts, spokenDateTime } from './texts';
import { changeDeadline, type AppointmentFull } from './views';

/**
 * The e-mails of an appointment, in the citizen's language: the request to confirm an online
 * booking (with the confirmation link, confirm.ts), confirmation (with the calendar file), moved
 * (with the updated calendar file), cancelled, reminder (with the cancel link), new link (after
 * the office revoked the old ones). Nothing is sent without an address; a mail failure never
 * undoes the booking, it is only logged.
 */
export type MailKind = 'confirm_request' | 'confirmation' | 'rescheduled' | 'cancelled' | 'reminder' | 'new_link';
/** The confirmation link, only for `confirm_request` (its secret is never stored). */
export type MailExtra = { confirmUrl?: string };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function composeAppointmentMail(kind: MailKind, a: AppointmentFull, extra: MailExtra = {}) {
  const lang = bookLang(a.lang);
  const t = bookTexts(lang);
  const office = textIn(textOf(a.office.name), lang);
  const service = textIn(textOf(a.service.name), lang);
  const { date, time } = spokenDateTime(a.startsAt, a.office.timeZone, lang);
  const deadline = spokenDateTime(changeDeadline(a.startsAt), a.office.timeZone, lang);
  const url = kind === 'confirm_request' ? (extra.confirmUrl ?? '') : manageUrl(manageTokenFor(a));
  const code = formatBookingCode(a.code);
  const { checkinEarlyMinutes: early, checkinLateMinutes: late } = rt().config.appointments;
  const values = {
    service,
    office,
    date,
    time,
    code,
    name: a.name ?? '',
    address: a.office.address,
    url,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    early,
    late,
    minutes: rt().config.booking.confirmMinutes,
  };

  const subject = t(`email.${kind}.subject`, values);
  const paragraphs = [
    t('email.greeting', { name: a.name ?? '' }),
    t(`email.${kind}.intro`, values),
    ...(kind === 'cancelled'
      ? []
      : kind === 'confirm_request'
        ? [t('email.details', values), t('email.confirm_request.ignore')]
        : [
            t('email.details', values),
            t('email.codeLine', values),
            t('email.checkIn', values),
            t(kind === 'reminder' ? 'email.reminder.cancelHint' : 'email.manageHint', values),
          ]),
    t('email.signature'),
  ];
  const text = paragraphs.join('\n\n') + '\n';
  // Arabic reads right to left: the whole message says so; the link and the booking code keep their
  // own left-to-right order inside it (dir="ltr", <bdi>). The long link breaks anywhere: unbroken, it
  // would widen the message past a phone's screen (and, right to left, push the text out of view).
  const dir = dirOf(lang);
  const paragraph = (p: string) => {
    let html = escape(p)
      .replace(/\n/g, '<br>')
      .replace(escape(url), `<a href="${escape(url)}" dir="ltr" style="word-break:break-all">${escape(url)}</a>`);
    if (code) html = html.replace(escape(code), `<bdi>${escape(code)}</bdi>`);
    return `<p>${html}</p>`;
  };
  const html = `<!doctype html><html lang="${lang}" dir="${dir}"><body dir="${dir}" style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#111;text-align:start">${paragraphs
    .map(paragraph)
    .join('')}</body></html>`;
  const attachments =
    kind === 'confirmation' || kind === 'rescheduled'
      ? [
          {
            filename: `appointment-${a.code}.ics`,
            content: appointmentIcs(a, lang),
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          },
        ]
      : undefined;
  return { subject, text, html, attachments };
}

export async function sendAppointmentMail(kind: MailKind, a: AppointmentFull, extra: MailExtra = {}): Promise<Sent | null> {
  if (!a.email) return null;
  const m = composeAppointmentMail(kind, a, extra);
  return sendMail({ to: a.email, ...m });
}

/** After the commit, never failing the caller: the booking stands even if the mail does not go. */
export function notifyInBackground(kind: MailKind, a: AppointmentFull, extra: MailExtra = {}): void {
  if (!a.email) return;
  void sendAppointmentMail(kind, a, extra).catch((err: unknown) =>
    log.error({ err, appointmentId: a.id, kind }, 'appointment e-mail not sent'),
  );
}
