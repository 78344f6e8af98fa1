import type { Block, PrintLayout } from './layout';
import { pickName, printedDateTime, printTexts, type PrintLang } from './texts';

/**
 * What an appointment slip shows. Appointments are not stored yet (issue 3 adds them), so the
 * slip is laid out from this plain input; the booking flow fills it in.
 */
export interface AppointmentSlipInput {
  lang: PrintLang;
  bookingCode: string;
  office: { name: string; nameEn: string; address?: string; timeZone: string };
  service: { nameIt: string; nameEn: string };
  startsAt: Date;
  /** The appointment's page (printed as a QR code): see, move or cancel it. */
  url: string;
  /** Documents to bring, one per line, when the service says so. */
  whatToBring?: { it: string; en: string } | null;
  locationHint?: string;
}

/** Booking code, office, date and time, QR code, what to bring, footer, cut. */
export function appointmentSlipLayout(input: AppointmentSlipInput): PrintLayout {
  const t = printTexts(input.lang);
  const { date, time } = printedDateTime(input.startsAt, input.office.timeZone);
  const blocks: Block[] = [
    { type: 'text', text: t('slipTitle'), bold: true },
    { type: 'text', text: pickName(input.lang, input.office.name, input.office.nameEn), bold: true },
  ];
  if (input.office.address?.trim()) blocks.push({ type: 'text', text: input.office.address.trim() });
  blocks.push(
    { type: 'rule' },
    { type: 'text', text: pickName(input.lang, input.service.nameIt, input.service.nameEn), bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: t('slipWhen', { date, time }), scale: 2, bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: t('slipBookingCode') },
    { type: 'text', text: input.bookingCode, scale: 2, bold: true },
    { type: 'feed', lines: 1 },
    { type: 'qr', data: input.url },
    { type: 'text', text: t('slipQrHint') },
  );
  const bring = (input.whatToBring ? pickName(input.lang, input.whatToBring.it, input.whatToBring.en) : '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (bring.length > 0) {
    blocks.push({ type: 'rule' }, { type: 'text', text: t('slipWhatToBring'), bold: true, align: 'left' });
    for (const item of bring) blocks.push({ type: 'text', text: `- ${item}`, align: 'left' });
  }
  if (input.locationHint?.trim())
    blocks.push({ type: 'feed', lines: 1 }, { type: 'text', text: input.locationHint.trim(), bold: true });
  blocks.push({ type: 'rule' }, { type: 'text', text: t('slipFooter') }, { type: 'cut' });
  return { kind: 'appointment_slip', lang: input.lang, title: input.bookingCode, blocks };
}
