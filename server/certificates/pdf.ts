/**
 * The certificate as a one-page A4 PDF (pdfkit, its built-in Helvetica: certificates are in
 * Italian). The office's header, the title and text with the person's data, the protocol number
 * and issue date (the office's time zone), the stamp duty line, and the verification QR code with
 * the short code printed in clear. Pure: everything it prints comes in `CertificateInput`, so the
 * same input gives the same page (the PDF's dates are the issue time).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DateTime } from 'luxon';
import { formatVerificationCode, stampDutyLine, type CertificateKind, type StampDuty } from '../../contract/certificates';
import { certificateText } from './texts';

export interface CertificateInput {
  kind: CertificateKind;
  office: { name: string; address: string };
  protocolNumber: string;
  issuedAt: Date;
  timeZone: string;
  /** Whom it certifies: the name when the office knows it, and the fiscal code. */
  subject: { name: string | null; fiscalCode: string | null };
  /** What the citizen said it is for (the form's label), if they said. */
  purpose: string | null;
  stampDuty: StampDuty;
  verificationCode: string;
  /** `${PUBLIC_BASE_URL}/verify/<code>`: what the QR code holds. */
  verifyUrl: string;
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b4f8a';

export async function buildCertificatePdf(c: CertificateInput): Promise<Buffer> {
  const issued = DateTime.fromJSDate(c.issuedAt, { zone: c.timeZone }).setLocale('it');
  const text = certificateText(c.kind, c.subject);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `${text.title} — ${c.protocolNumber}`,
      Author: c.office.name,
      Subject: `Codice di verifica ${formatVerificationCode(c.verificationCode)}`,
      CreationDate: c.issuedAt,
      ModDate: c.issuedAt,
    },
    lang: 'it-IT',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Header: the office and its address, a rule.
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(17).text(c.office.name, left, 56, { width });
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(c.office.address, { width });
  const ruleY = doc.y + 8;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.2)
    .strokeColor(ACCENT)
    .stroke();

  // Protocol number and date, on the right.
  doc.fillColor(INK).font('Helvetica').fontSize(10.5);
  doc.text(`Protocollo n. ${c.protocolNumber}`, left, ruleY + 14, { width, align: 'right' });
  doc.text(`Rilasciato il ${issued.toFormat('d LLLL yyyy')}`, { width, align: 'right' });

  // Title and text.
  doc.moveDown(2.2);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(15).text(text.title, { width, align: 'center' });
  doc.moveDown(1.4);
  doc.font('Helvetica').fontSize(11.5).text(text.intro, { width, align: 'justify', lineGap: 3 });
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(13).text('CERTIFICA', { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('Helvetica').fontSize(11.5).text(text.body, { width, align: 'justify', lineGap: 3 });
  doc.moveDown(0.8);
  const person: [string, string][] = [
    ...(c.subject.name ? [['Cognome e nome', c.subject.name] as [string, string]] : []),
    ...(c.subject.fiscalCode ? [['Codice fiscale', c.subject.fiscalCode] as [string, string]] : []),
  ];
  for (const [label, value] of person) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(10.5)
      .fillColor(MUTED)
      .text(label, left + 24, y, { width: 130 });
    doc
      .font('Helvetica-Bold')
      .fontSize(11.5)
      .fillColor(INK)
      .text(value, left + 160, y, { width: width - 160 });
    doc.moveDown(0.3);
  }
  doc.x = left;
  doc.moveDown(0.8);
  doc
    .font('Helvetica')
    .fontSize(11.5)
    .text(`Si rilascia su richiesta dell’interessato.${c.purpose ? ` Uso dichiarato: ${c.purpose}.` : ''}`, left, doc.y, {
      width,
      align: 'justify',
      lineGap: 3,
    });
  doc.moveDown(0.8);
  doc
    .fillColor(MUTED)
    .fontSize(9.5)
    .text(
      'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi (art. 40 DPR 445/2000).',
      { width, align: 'justify' },
    );

  // Stamp duty, in a box.
  doc.moveDown(1.2);
  const boxY = doc.y;
  const line = stampDutyLine(c.stampDuty);
  doc.font('Helvetica').fontSize(10.5);
  const lineHeight = doc.heightOfString(line, { width: width - 24 });
  doc
    .rect(left, boxY, width, lineHeight + 36)
    .lineWidth(0.8)
    .strokeColor('#999999')
    .stroke();
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(10)
    .text('IMPOSTA DI BOLLO', left + 12, boxY + 9, { width: width - 24 });
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .text(line, left + 12, boxY + 23, { width: width - 24 });

  // Signature.
  doc.y = boxY + lineHeight + 36 + 22;
  doc
    .fillColor(INK)
    .font('Helvetica')
    .fontSize(11)
    .text(text.signedBy, left + width / 2, doc.y, { width: width / 2, align: 'center' });
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text('Documento prodotto dal sistema informatico del Comune', left + width / 2, doc.y + 2, {
      width: width / 2,
      align: 'center',
    });

  // Verification: the QR code (drawn as squares, sharp at any zoom) and the code in clear.
  const qr = QRCode.create(c.verifyUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const qrSide = 104;
  const quiet = 4;
  const cell = qrSide / (size + 2 * quiet);
  const qrX = left;
  const qrY = doc.page.height - doc.page.margins.bottom - qrSide;
  doc.rect(qrX, qrY, qrSide, qrSide).fill('#ffffff');
  for (let r = 0; r < size; r++)
    for (let col = 0; col < size; col++)
      if (qr.modules.get(r, col)) doc.rect(qrX + (col + quiet) * cell, qrY + (r + quiet) * cell, cell, cell);
  doc.fill('#000000');
  const tx = qrX + qrSide + 14;
  const tw = width - qrSide - 14;
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text('Verifica dell’autenticità', tx, qrY + 10, { width: tw });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text('Inquadra il codice QR o apri l’indirizzo e inserisci il codice di verifica:', { width: tw });
  doc.fillColor(ACCENT).fontSize(9.5).text(c.verifyUrl, { width: tw });
  doc.moveDown(0.3);
  doc
    .fillColor(INK)
    .font('Helvetica')
    .fontSize(10)
    .text('Codice di verifica: ', { width: tw, continued: true })
    .font('Courier-Bold')
    .fontSize(13)
    .text(formatVerificationCode(c.verificationCode));

  doc.end();
  return done;
}
