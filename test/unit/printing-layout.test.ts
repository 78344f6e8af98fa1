import { describe, expect, it } from 'vitest';
import { renderEscPos, printableText } from '../../server/printing/escpos';
import { renderPaperHtml } from '../../server/printing/html';
import { columnsFor, flowLayout, wrapText } from '../../server/printing/layout';
import { appointmentSlipLayout, type AppointmentSlipInput } from '../../server/printing/slip-layout';
import { testPrintLayout } from '../../server/printing/test-layout';
import { printedDateTime } from '../../server/printing/texts';
import { ticketLayout, type TicketPrintInput } from '../../server/printing/ticket-layout';
import { paperStatusFromByte } from '../../agent/src/transport';
import { decodeEscPos } from '../helpers/escpos-decode';

const URL = 'https://sportello.comune.example.it/t/abcdefghjkmnpqrs';

const ticket = (over: Partial<TicketPrintInput> = {}): TicketPrintInput => ({
  lang: 'it',
  number: 'A012',
  office: { name: { it: 'Sportello Unico Polivalente', en: 'One-Stop Citizen Desk' }, timeZone: 'Europe/Rome' },
  service: { name: { it: 'Certificato di residenza', en: 'Residence certificate', sq: 'Certifikatë e vendbanimit' } },
  // 09:42 UTC = 10:42 in Rome (winter time).
  issuedAt: new Date('2026-11-26T09:42:00Z'),
  position: 3,
  estimatedWaitMinutes: 14.6,
  estimatedWaitRange: { low: 10, high: 21 },
  url: URL,
  counter: null,
  locationHint: { it: 'Sportelli al piano terra, sala B', en: 'Counters on the ground floor' },
  ...over,
});

const decode = async (input: TicketPrintInput, paperWidth = 80, printerType: 'epson' | 'custom' = 'epson') =>
  decodeEscPos(await renderEscPos(ticketLayout(input), { printerType, paperWidth }));

describe('ticket layout (ESC/POS through node-thermal-printer)', () => {
  it('prints office, service, a very large number, date and time, people ahead, wait, QR, hint, Italian footer and a cut', async () => {
    const d = await decode(ticket());
    expect(d.documents).toHaveLength(1);
    expect(d.cuts).toBe(1);
    expect(d.documents[0].cut).toBe(true);
    expect(d.qr).toEqual([URL]);
    expect(d.documents[0].qrPrinted).toBe(1);
    const texts = d.lines.map((l) => l.text);
    expect(texts).toContain('Sportello Unico Polivalente');
    expect(texts).toContain('Certificato di residenza');
    expect(texts).toContain('26/11/2026 ore 10:42');
    expect(texts).toContain('3 persone prima di lei');
    expect(texts).toContain('Attesa stimata: circa 15 minuti');
    expect(texts).toContain('(di solito tra 10 e 21 minuti)');
    expect(texts).toContain('Sportelli al piano terra, sala B');
    expect(d.text).toContain('Attenda che il suo numero compaia sullo schermo.');
    const number = d.lines.find((l) => l.text === 'A012');
    expect(number).toMatchObject({ width: 6, height: 6, bold: true, align: 'center' });
    // Order: office, service, number, people ahead, footer.
    const at = (s: string) => texts.findIndex((t) => t.includes(s));
    expect(at('Sportello Unico')).toBeLessThan(at('Certificato'));
    expect(at('Certificato')).toBeLessThan(at('A012'));
    expect(at('A012')).toBeLessThan(at('persone prima'));
    expect(at('persone prima')).toBeLessThan(at('Attenda'));
    // Nothing wider than the paper: 48 columns of font A on 80 mm.
    for (const l of d.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(48);
  });

  it('prints in English for a citizen who chose English, and fits 58 mm paper', async () => {
    const d = await decode(ticket({ lang: 'en' }), 58);
    const texts = d.lines.map((l) => l.text);
    expect(texts).toContain('One-Stop Citizen Desk');
    expect(texts).toContain('Residence certificate');
    expect(texts).toContain('Your number');
    expect(texts).toContain('26/11/2026 at 10:42');
    expect(texts).toContain('3 people ahead of you');
    expect(d.text).toContain('Thank you!');
    expect(d.text).not.toContain('Grazie');
    expect(d.qr).toEqual([URL]);
    expect(d.cuts).toBe(1);
    for (const l of d.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(32);
    expect(d.lines.find((l) => l.text === 'A012')?.width).toBe(6);
  });

  it('prints admin texts by the fallback rule: the ticket language, else English, else Italian', async () => {
    const texts = async (input: TicketPrintInput) => (await decode(input)).lines.map((l) => l.text);
    // Albanian has the service's name; the office has no Albanian name, so English; the hint only Italian+English.
    const sq = await texts(ticket({ lang: 'sq' }));
    expect(sq).toContain('Certifikatë e vendbanimit');
    expect(sq).toContain('One-Stop Citizen Desk');
    expect(sq).toContain('Counters on the ground floor');
    // No English either: Italian. No hint at all: nothing printed for it.
    const only = await texts(
      ticket({ lang: 'sq', office: { name: { it: 'Sportello Unico' }, timeZone: 'Europe/Rome' }, locationHint: null }),
    );
    expect(only).toContain('Sportello Unico');
    expect(only.some((t) => t.includes('Counters'))).toBe(false);
  });

  it('says "nobody ahead" without a wait for the next in line, and where to go once called', async () => {
    const next = await decode(ticket({ position: 0, estimatedWaitMinutes: 0 }));
    expect(next.text).toContain('Nessuno prima di lei');
    expect(next.text).not.toContain('Attesa stimata');
    const called = await decode(
      ticket({ position: null, estimatedWaitMinutes: null, counter: { number: 3, name: 'Sportello 3' }, lang: 'en' }),
    );
    expect(called.lines.find((l) => l.text === 'Go to counter 3')).toMatchObject({ width: 2, bold: true });
    expect(called.text).not.toContain('ahead');
  });

  it('prints accented letters in the printer code page and plain quotes for typographic ones', async () => {
    const d = await decode(
      ticket({ service: { name: { it: 'Attività produttive – l’ufficio', en: 'x' } }, locationHint: { it: 'Città' } }),
    );
    expect(d.text).toContain("Attività produttive - l'ufficio");
    expect(d.text).toContain('Città');
    expect(printableText('“Sì” … ok')).toBe('"Sì" ... ok');
  });

  it('Custom printers get the same text, QR code and their own cut command', async () => {
    const d = await decode(ticket(), 80, 'custom');
    expect(d.qr).toEqual([URL]);
    expect(d.cuts).toBe(1);
    expect(d.text).toContain('A012');
  });

  it('Star printers render (text doubled at most, as their driver allows)', async () => {
    const bytes = await renderEscPos(ticketLayout(ticket()), { printerType: 'star', paperWidth: 80 });
    expect(bytes.includes(Buffer.from(URL))).toBe(true);
    const flow = flowLayout(ticketLayout(ticket()), 48, 2);
    expect(flow.find((b) => b.type === 'text' && b.lines[0] === 'A012')).toMatchObject({ scale: 2 });
  });

  it('uses the office time zone across daylight saving time', async () => {
    // 2026-03-29: clocks go from 02:00 to 03:00 in Rome.
    expect(printedDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Rome')).toEqual({ date: '29/03/2026', time: '01:30' });
    expect(printedDateTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Rome')).toEqual({ date: '29/03/2026', time: '03:30' });
    // Just before midnight UTC is already the next day in Rome.
    expect(printedDateTime(new Date('2026-07-14T22:30:00Z'), 'Europe/Rome')).toEqual({ date: '15/07/2026', time: '00:30' });
  });
});

describe('appointment slip', () => {
  const slip = (over: Partial<AppointmentSlipInput> = {}): AppointmentSlipInput => ({
    lang: 'it',
    bookingCode: 'K7M2-QX4P',
    office: {
      name: { it: 'Ufficio Anagrafe', en: 'Registry Office' },
      address: 'Piazza del Municipio 1',
      timeZone: 'Europe/Rome',
    },
    service: { name: { it: "Carta d'identità elettronica", en: 'Electronic identity card' } },
    // 07:30 UTC in July = 09:30 in Rome (summer time).
    startsAt: new Date('2026-07-15T07:30:00Z'),
    url: 'https://sportello.comune.example.it/a/K7M2-QX4P',
    whatToBring: {
      it: 'Fototessera recente\nDocumento scaduto o denuncia di smarrimento',
      en: 'A recent passport photo\nThe expired card or the police report of its loss',
    },
    ...over,
  });

  it('prints the booking code, office, date and time, QR code, what to bring, footer and a cut (Italian)', async () => {
    const d = decodeEscPos(await renderEscPos(appointmentSlipLayout(slip()), { printerType: 'epson', paperWidth: 80 }));
    const texts = d.lines.map((l) => l.text);
    expect(texts).toContain('Promemoria appuntamento');
    expect(texts).toContain('Ufficio Anagrafe');
    expect(texts).toContain('Piazza del Municipio 1');
    expect(texts).toContain("Carta d'identità elettronica");
    expect(d.lines.find((l) => l.text === '15/07/2026 ore 09:30')).toMatchObject({ width: 2, bold: true });
    expect(d.lines.find((l) => l.text === 'K7M2-QX4P')).toMatchObject({ width: 2, bold: true });
    expect(texts).toContain('Cosa portare');
    expect(texts).toContain('- Fototessera recente');
    expect(d.text).toContain("Si presenti qualche minuto prima dell'orario");
    expect(d.qr).toEqual(['https://sportello.comune.example.it/a/K7M2-QX4P']);
    expect(d.cuts).toBe(1);
  });

  it('prints in English, and leaves out "what to bring" when the service asks for nothing', async () => {
    const d = decodeEscPos(
      await renderEscPos(appointmentSlipLayout(slip({ lang: 'en', whatToBring: null })), {
        printerType: 'epson',
        paperWidth: 58,
      }),
    );
    expect(d.text).toContain('Appointment reminder');
    expect(d.text).toContain('Registry Office');
    expect(d.text).toContain('Electronic identity card');
    expect(d.text).toContain('Booking code');
    expect(d.text).not.toContain('What to bring');
    expect(d.text).toContain('Please arrive a few minutes');
    expect(d.cuts).toBe(1);
    for (const l of d.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(32);
  });
});

describe('test page, HTML preview and helpers', () => {
  it('the test page has text, a QR code and a cut', async () => {
    const layout = testPrintLayout({
      lang: 'it',
      kioskName: 'Ingresso',
      office: { name: { it: 'Sportello', en: 'Desk' }, timeZone: 'Europe/Rome' },
      at: new Date(),
      url: URL,
    });
    const d = decodeEscPos(await renderEscPos(layout, { printerType: 'epson', paperWidth: 80 }));
    expect(d.text).toContain('Prova di stampa');
    expect(d.text).toContain('"Ingresso"');
    expect(d.text).toContain('€');
    expect(d.qr).toEqual([URL]);
    expect(d.cuts).toBe(1);
  });

  it('the HTML preview draws the same lines, the same QR payload and the paper width', async () => {
    const layout = ticketLayout(ticket({ service: { name: { it: 'Certificati <anagrafici> & stato civile', en: 'x' } } }));
    const html = await renderPaperHtml(layout, 58);
    expect(html).toContain('data-paper="58"');
    expect(html).toContain('--cols:32');
    expect(html).toContain(`data-qr="${URL}"`);
    expect(html).toContain('>A012<');
    expect(html).toContain('Certificati &lt;anagrafici&gt; &amp;');
    expect(html).not.toContain('<anagrafici>');
    // The preview breaks lines where the printer does.
    const printed = decodeEscPos(await renderEscPos(layout, { printerType: 'epson', paperWidth: 58 }))
      .lines.map((l) => l.text)
      .filter(Boolean);
    const lines = [...html.matchAll(/<div class="t[^"]*" style="--s:\d">([^<]*)<\/div>/g)].map((m) =>
      m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#39;/g, "'"),
    );
    expect(lines.filter((l) => l !== '&nbsp;')).toEqual(printed);
  });

  it('wraps words, splits only words longer than a line, and shrinks a number that would not fit', async () => {
    expect(wrapText('uno due tre quattro', 8)).toEqual(['uno due', 'tre', 'quattro']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(columnsFor(58)).toBe(32);
    expect(columnsFor(80)).toBe(48);
    const flow = flowLayout({ kind: 'ticket', lang: 'it', title: '', blocks: [{ type: 'text', text: 'AB1234', scale: 6 }] }, 32);
    expect(flow[0]).toMatchObject({ type: 'text', scale: 5, lines: ['AB1234'] });
  });

  it('reads the paper sensor byte of GS r 1', async () => {
    expect(paperStatusFromByte(0x00)).toBe('online');
    expect(paperStatusFromByte(0x03)).toBe('paper_low');
    expect(paperStatusFromByte(0x0c)).toBe('paper_out');
    expect(paperStatusFromByte(0x0f)).toBe('paper_out');
  });
});
