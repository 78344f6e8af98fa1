import { textIn, type LocalizedText } from '../../contract/lang';
import type { Block, PrintLayout } from './layout';
import { printedDateTime, printTexts, type PrintLang } from './texts';

/** What a walk-in ticket shows; loaded by ticket-data.ts, or made up for a sample. */
export interface TicketPrintInput {
  lang: PrintLang;
  number: string;
  office: { name: LocalizedText; timeZone: string };
  service: { name: LocalizedText };
  issuedAt: Date;
  /** People ahead; null once the ticket no longer waits. */
  position: number | null;
  estimatedWaitMinutes: number | null;
  /** The range that held the real wait in most past cases (printed when it is a range). */
  estimatedWaitRange: { low: number; high: number } | null;
  /** The ticket's phone page (printed as a QR code). */
  url: string;
  /** The counter it was called to (a preview of a called ticket). */
  counter: { number: number; name: string } | null;
  /** Where the counters are (the kiosk's hint); null when it has none. */
  locationHint: LocalizedText | null;
}

/**
 * The walk-in ticket: office, service, a very large number, date and time, people ahead and
 * estimated wait, the QR code of the phone page, where to go, a short footer, the cut. Everything
 * in the citizen's language, so a visitor who chose Arabic at the kiosk can read the paper.
 */
export function ticketLayout(input: TicketPrintInput): PrintLayout {
  const t = printTexts(input.lang);
  const { date, time } = printedDateTime(input.issuedAt, input.office.timeZone);
  const blocks: Block[] = [
    { type: 'text', text: textIn(input.office.name, input.lang), bold: true },
    { type: 'rule' },
    { type: 'text', text: textIn(input.service.name, input.lang), bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: t('yourNumber') },
    { type: 'text', text: input.number, scale: 6, bold: true },
    { type: 'text', text: t('issuedAt', { date, time }) },
    { type: 'feed', lines: 1 },
  ];
  if (input.counter) {
    blocks.push({ type: 'text', text: t('goToCounter', { counter: String(input.counter.number) }), scale: 2, bold: true });
  } else if (input.position !== null) {
    blocks.push({ type: 'text', text: t('ahead', { count: Math.max(0, input.position) }), bold: true });
    if (input.position > 0 && input.estimatedWaitMinutes !== null && input.estimatedWaitMinutes > 0) {
      blocks.push({ type: 'text', text: t('wait', { count: Math.round(input.estimatedWaitMinutes) }) });
      const r = input.estimatedWaitRange;
      if (r && r.low < r.high) blocks.push({ type: 'text', text: t('waitRange', { low: r.low, high: r.high }) });
    }
  }
  blocks.push({ type: 'feed', lines: 1 }, { type: 'qr', data: input.url }, { type: 'text', text: t('qrHint') });
  const hint = input.locationHint ? textIn(input.locationHint, input.lang).trim() : '';
  if (hint) blocks.push({ type: 'feed', lines: 1 }, { type: 'text', text: hint, bold: true });
  blocks.push({ type: 'rule' }, { type: 'text', text: t('footer') }, { type: 'cut' });
  return { kind: 'ticket', lang: input.lang, title: input.number, blocks };
}
