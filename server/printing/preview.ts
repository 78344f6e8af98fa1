/**
 * On-screen previews of the paper, for staff: the same layout model and line breaks as the
 * printed ticket, drawn in HTML at the real paper width (58 or 80 mm).
 */
import type { z } from 'zod';
import type { previewQuery } from '../../contract/kiosks';
import { languages } from '../../i18n/languages';
import { inEveryLanguage } from '../../i18n/messages';
import { textOf, textOrNull } from '../db/texts';
import { notFound } from '../errors';
import { rt } from '../runtime';
import { ticketUrl } from '../tickets/qr';
import { escapeHtml, previewPage, renderPaperHtml } from './html';
import type { PrintLayout } from './layout';
import { getKiosk } from './kiosks';
import { ticketLayout } from './ticket-layout';
import { ticketPrintInput } from './ticket-data';
import { printTexts, type PrintLang } from './texts';

export type PreviewQuery = z.infer<typeof previewQuery>;

/** Star line mode only doubles text through node-thermal-printer (see escpos.ts). */
const maxScaleFor = (printerType: string | undefined) => (printerType === 'star' ? 2 : 8);

async function page(layout: PrintLayout, paperWidth: number, printerType: string | undefined): Promise<string> {
  const t = printTexts(layout.lang);
  const link = (params: { width: number; lang: string }, label: string, current: boolean, lang?: string) =>
    `<a href="?width=${params.width}&amp;lang=${params.lang}"${current ? ' aria-current="true"' : ''}${lang ? ` lang="${lang}"` : ''}>${escapeHtml(label)}</a>`;
  const title = t('previewTitle', { title: layout.title });
  const toolbar = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="group">${[58, 80].map((w) => link({ width: w, lang: layout.lang }, t('previewPaper', { width: w }), w === paperWidth)).join('')}</div>`,
    `<div class="group">${languages.map((l) => link({ width: paperWidth, lang: l.code }, l.nativeName, l.code === layout.lang, l.code)).join('')}</div>`,
    `<p>${escapeHtml(t('previewNote'))}</p>`,
  ].join('');
  return previewPage(await renderPaperHtml(layout, paperWidth, maxScaleFor(printerType)), layout.lang, {
    title,
    toolbarHtml: toolbar,
  });
}

/**
 * `GET /api/tickets/{code}/print-preview`: the ticket as its kiosk printed it (that kiosk's paper
 * width, printer and location hint), or on 80 mm paper when it was not printed. Public like the
 * phone page: the unguessable code is the key, and nothing personal is on a ticket.
 */
export async function ticketPreviewHtml(code: string, q: PreviewQuery): Promise<string> {
  const { db } = rt();
  const ticket = await db.ticket.findUnique({ where: { code }, select: { id: true } });
  if (!ticket) throw notFound('Ticket');
  const printed = await db.printJob.findFirst({
    where: { ticketId: ticket.id, kind: 'ticket' },
    orderBy: { createdAt: 'desc' },
    include: { kiosk: true },
  });
  const input = await ticketPrintInput({ code }, printed?.kiosk ?? null, q.lang);
  if (!input) throw notFound('Ticket');
  return page(ticketLayout(input), q.width ?? printed?.kiosk.paperWidth ?? 80, printed?.kiosk.printerType);
}

/** `GET /api/kiosks/{id}/print-preview`: a sample ticket with this kiosk's settings, before going live. */
export async function kioskPreviewHtml(kioskId: string, q: PreviewQuery): Promise<string> {
  const kiosk = await getKiosk(kioskId);
  const { db } = rt();
  const office = await db.office.findUniqueOrThrow({ where: { id: kiosk.officeId } });
  const service = await db.service.findFirst({
    where: { officeId: office.id, active: true, mode: 'desk' },
    orderBy: { sortOrder: 'asc' },
  });
  const lang: PrintLang = q.lang ?? 'it';
  const layout = ticketLayout({
    lang,
    number: `${service?.prefix ?? 'A'}001`,
    office: { name: textOf(office.name), timeZone: office.timeZone },
    service: { name: service ? textOf(service.name) : inEveryLanguage((m) => m.print.sampleService) },
    issuedAt: new Date(),
    position: 3,
    estimatedWaitMinutes: 12,
    estimatedWaitRange: { low: 8, high: 17 },
    url: ticketUrl('sampleticketcode'),
    counter: null,
    locationHint: textOrNull(kiosk.locationHint),
  });
  return page(layout, q.width ?? kiosk.paperWidth, kiosk.printerType);
}

export function htmlResponse(html: string): Response {
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Everything is inline (styles, SVG); nothing else may load or run.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
    },
  });
}
