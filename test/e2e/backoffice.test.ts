/**
 * The clerks' back office in Chromium: a request a citizen submitted online appears in the list,
 * the clerk takes it and asks for information, the citizen's reply shows up live (no reload),
 * the clerk completes it with the generated certificate and a file; the citizen sees the documents
 * live on their phone and downloads the PDF, whose QR code leads to /verify/<code>, which says it is
 * valid with the same SHA-256; axe-core finds no violations; another office's clerk does not see it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { formatVerificationCode } from '../../contract/certificates';
import { pdfQrCode } from '../helpers/pdf';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { cookieOf } from '../helpers/sportello';
import { createTestSpace, type TestSpace } from '../helpers/services';

/** Polls wait this long: a loaded machine answers slowly; something broken still fails. */
const SLOW = { timeout: 20_000 };

let space: TestSpace;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

async function clerkPage(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto(`${app.url}/counter/pratiche`);
  await page.getByTestId('counter-login-username').fill(username);
  await page.getByTestId('counter-login-password').fill('sportello');
  await page.getByTestId('counter-login-submit').click();
  await page.getByTestId('backoffice').waitFor();
  return page;
}

describe('back office', () => {
  it('a clerk works an online request from the list to completion, the citizen’s reply arriving live', async () => {
    const citizen = await signedInCitizen(app, 'backoffice@example.org');
    const certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
    const submitted = await citizen.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(submitted.status).toBe(201);
    const protocol = submitted.body.protocolNumber as string;

    const page = await clerkPage('operatore1');
    const item = page.getByTestId(`bo-item-${protocol}`);
    await item.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await item.click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), SLOW).toBe('Ricevuta');
    expect(await page.getByTestId('bo-detail').textContent()).toContain('RSSMRA85T10A562S');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('bo-take').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), SLOW).toBe('In lavorazione');
    // Asking needs a note for the citizen.
    await page.getByTestId('bo-request-info').click();
    await page.getByText('Scrivi una nota per il cittadino').waitFor();
    await page.getByTestId('bo-citizen-note').fill('Serve la copia del documento');
    await page.getByTestId('bo-request-info').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), SLOW).toBe('In attesa del cittadino');

    // The citizen replies from home: the clerk's screen follows without a reload.
    const reply = await citizen.post(`/api/procedures/${submitted.body.id}/reply`, { citizenNote: 'Eccola' });
    expect(reply.status).toBe(200);
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), SLOW).toBe('In lavorazione');
    expect(await page.getByTestId('bo-detail').textContent()).toContain('Eccola');

    // The citizen follows the procedure on their phone while the clerk completes it.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const [name, value] = cookieOf(citizen).split(';')[0].split('=');
    await phoneContext.addCookies([{ name, value, url: app.url }]);
    const phone = await phoneContext.newPage();
    await phone.goto(`${app.url}/portale?lang=en&p=${submitted.body.id}`);
    await phone.getByTestId('portal-detail').waitFor();
    expect(await phone.getByTestId('portal-documents').count()).toBe(0);

    // Completing a certificate request generates the certificate by default; a file can go with it.
    expect(await page.getByTestId('bo-generate-certificate').isChecked()).toBe(true);
    await page.getByTestId('bo-document-files').setInputFiles({
      name: 'lettera.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect.poll(() => page.getByTestId('bo-document-list').textContent(), SLOW).toContain('lettera.pdf');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('bo-complete').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), SLOW).toBe('Conclusa');
    const row = await space.db.procedure.findUniqueOrThrow({ where: { id: submitted.body.id } });
    expect(row.status).toBe('completed');
    const docs = await space.db.document.findMany({ where: { procedureId: row.id }, orderBy: { kind: 'asc' } });
    expect(docs.map((d) => d.kind)).toEqual(['certificate', 'uploaded']);
    const cert = docs[0];
    await page.getByTestId('bo-document-certificate').waitFor();
    expect(await page.getByTestId('bo-documents').textContent()).toContain(formatVerificationCode(cert.verificationCode));
    expect(await axeViolations(page)).toEqual([]);

    // The citizen sees it live and downloads the PDF: the bytes the office issued.
    const link = phone.getByTestId('portal-document-certificate');
    await link.waitFor(SLOW);
    expect(await axeViolations(phone)).toEqual([]);
    const href = (await link.getAttribute('href')) ?? '';
    const downloaded = await phone.evaluate(async (u) => {
      const r = await fetch(u);
      const bytes = new Uint8Array(await r.arrayBuffer());
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
        sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
        base64: btoa(String.fromCharCode(...bytes)),
      };
    }, href);
    expect(downloaded).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-', sha256: cert.sha256 });
    const pdf = Buffer.from(downloaded.base64, 'base64');
    const qr = new URL((await pdfQrCode(pdf)) ?? '');
    expect([qr.port, qr.pathname]).toEqual([new URL(app.url).port, `/verify/${cert.verificationCode}`]);

    // The QR code's address says the document is valid, with the same fingerprint; no personal data.
    await phone.goto(`${app.url}/verify/${cert.verificationCode}?lang=en`);
    await phone.getByTestId('verify-valid').waitFor();
    expect(await phone.getByTestId('verify-sha256').textContent()).toBe(cert.sha256);
    expect(await phone.getByTestId('verify-protocol').textContent()).toBe(protocol);
    const shown = (await phone.locator('main').textContent()) ?? '';
    for (const secret of ['backoffice@example.org', 'RSSMRA85T10A562S']) expect(shown).not.toContain(secret);
    expect(await axeViolations(phone)).toEqual([]);
    // The file itself compares equal, in the browser; another one does not.
    await phone
      .getByTestId('verify-compare-file')
      .setInputFiles({ name: 'certificato.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => phone.getByTestId('verify-compare-result').getAttribute('data-same'), SLOW).toBe('true');
    await phone
      .getByTestId('verify-compare-file')
      .setInputFiles({ name: 'altro.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.from(' ')]) });
    await expect.poll(() => phone.getByTestId('verify-compare-result').getAttribute('data-same'), SLOW).toBe('false');
    expect(await axeViolations(phone)).toEqual([]);
    // An unknown code: a clear answer, and the code can be typed again.
    await phone.goto(`${app.url}/verify/AAAA-BBBB-CCCC?lang=ar`);
    await phone.getByTestId('verify-missing').waitFor();
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('verify-input').fill(formatVerificationCode(cert.verificationCode).toLowerCase());
    await phone.getByTestId('verify-submit').click();
    await phone.getByTestId('verify-valid').waitFor();

    // Back to the counter screen, and from there to the procedures again, by the top bar's link.
    await page.getByTestId('clerk-switch').click();
    await page.waitForURL(/\/counter$/);
    await page.getByTestId('clerk-switch').click();
    await page.waitForURL(/\/counter\/pratiche$/);
    await page.getByTestId(`bo-item-${protocol}`).waitFor();

    // A clerk of another office does not see it.
    const other = await clerkPage('tributi1');
    await other.getByText('Nessuna pratica.').waitFor();
    expect(await other.getByTestId(`bo-item-${protocol}`).count()).toBe(0);
  });
});
