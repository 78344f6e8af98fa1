/**
 * The certificate PDF read back as a third party would: its text extracted with pdfjs, its page
 * rendered and the QR code decoded to the verification address.
 */
import { describe, expect, it } from 'vitest';
import { buildCertificatePdf, type CertificateInput } from '../../server/certificates/pdf';
import { stampDutySchema, verificationCodeSchema, STAMP_DUTY_EXEMPTIONS } from '../../contract/certificates';
import { newVerificationCode } from '../../server/procedures/documents';
import { pdfQrCode, pdfText } from '../helpers/pdf';

const base: CertificateInput = {
  kind: 'residence',
  office: { name: 'Sportello Unico Polivalente', address: 'Piazza del Municipio 1, Valdoria' },
  protocolNumber: '2026/000123',
  // Still 31 December in UTC, already 1 January 2027 in Rome: the paper shows the office's date.
  issuedAt: new Date('2026-12-31T23:30:00Z'),
  timeZone: 'Europe/Rome',
  subject: { name: 'Anna Verdi', fiscalCode: 'RSSMRA85T10A562S' },
  purpose: 'Scuola',
  stampDuty: { kind: 'exempt', exemption: 'school' },
  verificationCode: 'K7QM3XPA9TRW',
  verifyUrl: 'https://comune.example/verify/K7QM3XPA9TRW',
};

describe('certificate PDF', () => {
  it('prints the protocol number, the date in Rome, the person, the stamp duty line and the verification code', async () => {
    const text = (await pdfText(await buildCertificatePdf(base))).replace(/\s+/g, ' ');
    expect(text.split('\f')).toHaveLength(1);
    expect(text).toContain('CERTIFICATO DI RESIDENZA');
    expect(text).toContain('Sportello Unico Polivalente');
    expect(text).toContain('Protocollo n. 2026/000123');
    expect(text).toContain('Rilasciato il 1 gennaio 2027');
    expect(text).toContain('Anna Verdi');
    expect(text).toContain('RSSMRA85T10A562S');
    expect(text).toContain('Uso dichiarato: Scuola');
    expect(text).toContain(
      'Esente da bollo ai sensi dell’art. 11 della Tabella allegato B al DPR 642/1972 (iscrizione e frequenza scolastica, borse di studio)',
    );
    expect(text).toContain('Codice di verifica: K7QM-3XPA-9TRW');
    expect(text).toContain('https://comune.example/verify/K7QM3XPA9TRW');
  });

  it('prints a revenue stamp’s number instead of an exemption', async () => {
    const text = (
      await pdfText(
        await buildCertificatePdf({ ...base, kind: 'combined', stampDuty: { kind: 'stamp', stampNumber: '01234567890123' } }),
      )
    ).replace(/\s+/g, ' ');
    expect(text).toContain('CERTIFICATO CONTESTUALE DI RESIDENZA, STATO DI FAMIGLIA E CITTADINANZA');
    expect(text).toContain('Imposta di bollo assolta con contrassegno telematico (marca da bollo) n. 01234567890123');
    expect(text).not.toContain('Esente');
  });

  it('carries a QR code that decodes to the verification address', async () => {
    expect(await pdfQrCode(await buildCertificatePdf(base))).toBe('https://comune.example/verify/K7QM3XPA9TRW');
  });

  it('without a known name, certifies the fiscal code only', async () => {
    const text = (
      await pdfText(await buildCertificatePdf({ ...base, subject: { name: null, fiscalCode: 'RSSMRA85T10A562S' } }))
    ).replace(/\s+/g, ' ');
    expect(text).toContain('la persona con il codice fiscale indicato');
    expect(text).not.toContain('Anna Verdi');
  });
});

describe('stamp duty and verification codes', () => {
  it('accepts a listed exemption or exactly 14 digits, nothing else', () => {
    expect(stampDutySchema.safeParse({ kind: 'exempt', exemption: 'sport' }).success).toBe(true);
    expect(stampDutySchema.safeParse({ kind: 'stamp', stampNumber: '01234567890123' }).success).toBe(true);
    for (const bad of [
      { kind: 'exempt', exemption: 'because' },
      { kind: 'stamp', stampNumber: '0123456789012' },
      { kind: 'stamp', stampNumber: '0123456789012A' },
      { kind: 'stamp', stampNumber: '01234567890123', extra: 1 },
      { kind: 'free' },
    ])
      expect(stampDutySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const e of Object.values(STAMP_DUTY_EXEMPTIONS)) expect(e.text).toMatch(/^Esente da bollo ai sensi dell/);
  });

  it('makes codes of 12 unambiguous characters, read back whatever the case and dashes', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(verificationCodeSchema.parse('k7qm-3xpa-9trw')).toBe('K7QM3XPA9TRW');
    expect(verificationCodeSchema.safeParse('K7QM3XPA9TR0').success).toBe(false);
    expect(verificationCodeSchema.safeParse('K7QM3XPA9TR').success).toBe(false);
  });
});
