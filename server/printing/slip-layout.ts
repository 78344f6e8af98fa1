import { textIn, type LocalizedText } from '../../contract/lang';
import type { Block, PrintLayout } from './layout';
import { printedDateTime, printTexts, type PrintLang } from './texts';

/**
 * What an appointment slip shows. Appointments are not stored yet (issue 3 adds them), so the
 * slip is laid out from this plain input; the booking flow fills it in.
 */
export interface AppointmentSlipInput {
  lang: PrintLang;
  bookingCode: string;
  office: { name: LocalizedText; address?: string; timeZone: string };
  service: { name: LocalizedText };
  startsAt: Date;
  /** The appointment's page (printed as a QR code): see, move or cancel it. */
  url: string;
  /** Documents to bring, one per line, when the service says so. */
  whatToBring?: LocalizedText | null;
  locationHint?: LocalizedText | null;
}

/** Booking code, office, date and time, QR code, what to bring, footer, cut. */
export function appointmentSlipLayout(input: AppointmentSlipInput): PrintLayout {
  const t = printTexts(input.lang);
  const { date, time } = printedDateTime(input.startsAt, input.office.timeZone);
  const blocks: Block[] = [
    { type: 'text', text: t('slipTitle'), bold: true },
    { type: 'text', text: textIn(input.office.name, input.lang), bold: true },
  ];
  if (input.office.address?.trim()) blocks.push({ type: 'text', text: input.office.address.trim() });
  blocks.push(
    { type: 'rule' },
    { type: 'text', text: textIn(input.service.name, input.lang), bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: t('slipWhen', { date, time }), scale: 2, bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: t('slipBookingCode') },
    { type: 'text', text: input.bookingCode, scale: 2, bold: true },
    { type: 'feed', lines: 1 },
    { type: 'qr', data: input.url },
    { type: 'text', text: t('slipQrHint') },
  );
  const bring = (input.whatToBring ? textIn(input.whatToBring, input.lang) : '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (bring.length > 0) {
    blocks.push({ type: 'rule' }, { type: 'text', text: t('slipWhatToBring'), bold: true, align: 'left' });
    for (const item of bring) blocks.push({ type: 'text', text: `- ${item}`, align: 'left' });
  }
  const hint = input.locationHint ? textIn(input.locationHint, input.lang).trim() : '';
  if (hint) blocks.push({ type: 'feed', lines: 1 }, { type: 'text', text: hint, bold: true });
  blocks.push({ type: 'rule' }, { type: 'text', text: t('slipFooter') }, { type: 'cut' });
  return { kind: 'appointment_slip', lang: input.lang, title: input.bookingCode, blocks };
}
