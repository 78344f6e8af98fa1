/**
 * The e-mails a citizen gets when their procedure moves in a way they should know about, in their
 * language, with the tracking link. Their own actions (reply, withdraw) send nothing.
 */
import { createTranslator } from 'use-intl/core';
import type { ProcedureEventType } from '../../contract/enums';
import { textIn, toLanguage } from '../../contract/lang';
import { messages } from '../../i18n/messages';
import { textOf } from '../db/texts';
import { sendMail, type Sent } from '../mail/send';
import { rt } from '../runtime';

export const NOTIFIED: readonly ProcedureEventType[] = ['submitted', 'taken', 'info_requested', 'completed', 'rejected'];
type Notified = 'submitted' | 'taken' | 'info_requested' | 'completed' | 'rejected';

export const trackingUrl = (trackingCode: string) => `${rt().baseUrl}/portale/track/${trackingCode}`;

/** Sends the e-mail of one event; null when there is nothing to send (no address, not a notified kind). */
export async function sendProcedureMail(eventId: bigint): Promise<Sent | null> {
  const e = await rt().db.procedureEvent.findUnique({
    where: { id: eventId },
    include: {
      staff: { select: { displayName: true } },
      procedure: {
        include: {
          citizen: true,
          service: { select: { name: true } },
          responsible: { select: { displayName: true } },
          _count: { select: { documents: true } },
        },
      },
    },
  });
  const to = e?.procedure.citizen.email;
  if (!e || !to || !NOTIFIED.includes(e.type)) return null;
  const p = e.procedure;
  const lang = toLanguage(p.citizen.lang);
  const t = createTranslator({ locale: lang, messages: messages[lang], namespace: 'portal.email' });
  const kind = e.type as Notified;
  const values = {
    protocol: p.protocolNumber,
    service: textIn(textOf(p.service.name), lang),
    days: p.deadlineDays,
    officer: e.staff?.displayName ?? p.responsible?.displayName ?? '',
  };
  const lines = [
    t('greeting'),
    '',
    t(`${kind}.intro`, values),
    ...(e.citizenNote ? ['', t('note', { note: e.citizenNote })] : []),
    // Completed with documents: where to download them (signed in: only the citizen may).
    ...(kind === 'completed' && p._count.documents > 0
      ? ['', t('documents', { count: p._count.documents, url: `${rt().baseUrl}/portale?p=${p.id}` })]
      : []),
    '',
    t('protocol', values),
    t('track', { url: trackingUrl(p.trackingCode) }),
  ];
  return sendMail({ to, subject: t(`${kind}.subject`, values), text: lines.join('\n') });
}
