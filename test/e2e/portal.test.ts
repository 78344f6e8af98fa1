/**
 * The citizen portal in Chromium on a phone: sign-in with the e-mailed code (a wrong one first),
 * a residence certificate requested online through its form, a clerk asking for information,
 * the citizen's reply, and the public tracking page, in English and in Arabic (right to left).
 * axe-core checks every screen on the way.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormField } from '../../contract/forms';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { waitForMail } from '../helpers/outbox';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk } from '../helpers/sportello';

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

const phoneOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phone(): Promise<Page> {
  return (await browser.newContext(phoneOptions)).newPage();
}

/** The sign-in code of the newest e-mail to this address. */
async function codeFor(email: string, after: Set<string> = new Set()): Promise<string> {
  const mail = await waitForMail(path.join(app.dataDir, 'outbox'), (t) => {
    const code = /^(\d{6})$/m.exec(t)?.[1];
    return t.includes(`To: ${email}`) && !!code && !after.has(code);
  });
  return /^(\d{6})$/m.exec(mail)![1];
}

/** A value each field type accepts. */
async function fill(page: Page, f: FormField) {
  const id = `portal-field-${f.name}`;
  switch (f.type) {
    case 'checkbox':
      return page.getByTestId(id).check();
    case 'choice':
      return page.getByTestId(`${id}-${f.options[0].value}`).check();
    case 'number':
      return page.getByTestId(id).fill('1');
    case 'date':
      return page.getByTestId(id).fill('1985-12-10');
    case 'fiscal_code':
      return page.getByTestId(id).fill('RSSMRA85T10A562S');
    case 'email':
      return page.getByTestId(id).fill('anna.verdi@example.org');
    default:
      return page.getByTestId(id).fill('Iscrizione scolastica');
  }
}

describe('citizen portal on a phone', () => {
  it('signs in by e-mailed code, requests a certificate, answers the office’s question; the tracking page follows', async () => {
    const email = 'anna.verdi@example.org';
    const page = await phone();
    await page.goto(`${app.url}/portale?lang=en`);
    await page.getByTestId('portal-email').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A wrong address is said next to the field; then the code is sent.
    await page.getByTestId('portal-email').fill('anna.verdi');
    await page.getByTestId('portal-send-code').click();
    await page.locator('#portal-email-error').waitFor();
    await page.getByTestId('portal-email').fill(email);
    await page.getByTestId('portal-send-code').click();
    await page.getByTestId('portal-code-sent').waitFor();
    expect(await page.getByTestId('portal-code-sent').textContent()).toContain(email);
    expect(await axeViolations(page)).toEqual([]);
    const code = await codeFor(email);

    // A wrong code: the attempts left, in plain words.
    await page.getByTestId('portal-code').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('portal-verify').click();
    await expect.poll(() => page.getByTestId('portal-signin-error').textContent()).toContain('4 attempts left');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('portal-code').fill(code);
    await page.getByTestId('portal-verify').click();

    // Signed in: no procedures yet.
    await page.getByTestId('portal-new').waitFor();
    expect(await page.getByTestId('portal-account').textContent()).toContain(email);
    expect(await axeViolations(page)).toEqual([]);

    // New request: the services, those needing SPID/CIE greyed.
    const certificate = await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } });
    const strong = await space.db.service.findUniqueOrThrow({ where: { code: 'cambio-residenza' } });
    await page.getByTestId('portal-new').click();
    await page.getByTestId(`portal-service-${certificate.id}`).waitFor();
    expect(await page.getByTestId(`portal-service-${strong.id}`).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByTestId(`portal-service-${strong.id}`).textContent()).toContain('SPID');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId(`portal-service-${certificate.id}`).click();
    await page.getByTestId('portal-form').waitFor();

    // Its form as the services' answer defines it.
    const services = (await (await fetch(`${app.url}/api/portal/services`)).json()) as {
      id: string;
      form: { fields: FormField[] };
    }[];
    const fields = services.find((s) => s.id === certificate.id)?.form.fields ?? [];
    if (fields.some((f) => f.required)) {
      await page.getByTestId('portal-submit').click();
      await page.getByTestId('portal-form-error').waitFor();
      const firstRequired = fields.find((f) => f.required)!;
      await page.locator(`#portal-field-${firstRequired.name}-error`).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) await fill(page, f);
    // A certificate: how the stamp duty is paid. A stamp number must have 14 digits.
    await page.getByTestId('portal-stamp-stamp').check();
    await page.getByTestId('portal-stamp-number').fill('1234567890123');
    await page.getByTestId('portal-submit').click();
    await page.locator('#portal-stamp-error').waitFor();
    expect(await page.getByTestId('portal-stamp').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Exempt for school: the law's reference is shown as it will be printed.
    await page.getByTestId('portal-stamp-exempt').check();
    await page.getByTestId('portal-stamp-reason').selectOption('school');
    expect(await page.getByTestId('portal-stamp-law').textContent()).toContain('DPR 642/1972');
    // A fiscal code with a wrong check character is said at once, under its field.
    const fiscal = fields.find((f) => f.type === 'fiscal_code');
    if (fiscal) {
      await page.getByTestId(`portal-field-${fiscal.name}`).fill('RSSMRA85T10A562X');
      await page.getByTestId('portal-submit').click();
      await expect
        .poll(() => page.locator(`#portal-field-${fiscal.name}-error`).textContent())
        .toContain('fiscal code is not valid');
      expect(await page.getByTestId(`portal-field-${fiscal.name}`).getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await fill(page, fiscal);
    }
    // What only the server refuses (not a number) shows under its field too.
    const number = fields.find((f) => f.type === 'number');
    if (number) {
      await page.getByTestId(`portal-field-${number.name}`).fill('two');
      await page.getByTestId('portal-submit').click();
      await page.locator(`#portal-field-${number.name}-error`).waitFor();
      expect(await page.getByTestId(`portal-field-${number.name}`).getAttribute('aria-invalid')).toBe('true');
      expect(await space.db.procedure.count()).toBe(0);
      await fill(page, number);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('portal-submit').click();

    await page.getByTestId('portal-done').waitFor();
    const protocol = (await page.getByTestId('portal-done-protocol').textContent())?.trim() ?? '';
    expect(protocol).toMatch(/^\d{4}\/\d{6}$/);
    expect(await axeViolations(page)).toEqual([]);
    const row = await space.db.procedure.findFirstOrThrow({ where: { protocolNumber: protocol, serviceId: certificate.id } });
    expect(row.stampDuty).toEqual({ kind: 'exempt', exemption: 'school' });
    expect(await page.getByTestId('portal-done-track').getAttribute('href')).toContain(`/portale/track/${row.trackingCode}`);

    // In the list as submitted.
    await page.getByRole('link', { name: 'My requests' }).click();
    const status = page.getByTestId(`portal-proc-status-${protocol}`);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('submitted');
    expect(await status.textContent()).toBe('Submitted');
    expect(await axeViolations(page)).toEqual([]);

    // The clerk takes it and asks for information.
    const op = await clerk(app.url, 'operatore1');
    expect((await op.post(`/api/procedures/${row.id}/take`, {})).status).toBe(200);
    const asked = await op.post(`/api/procedures/${row.id}/request-info`, {
      citizenNote: 'Please tell us the school the certificate is for.',
    });
    expect(asked.status).toBe(200);

    // The citizen reloads: waiting for them, the clock paused; the detail shows the question.
    await page.reload();
    await expect.poll(() => status.getAttribute('data-status')).toBe('waiting_citizen');
    expect(await status.textContent()).toBe('Waiting for you');
    await page.getByTestId(`portal-proc-${protocol}`).click();
    await page.getByTestId('portal-reply').waitFor();
    expect(await page.getByTestId('portal-detail-clock').textContent()).toContain('waiting for you');
    expect(await page.getByTestId('portal-request-note').textContent()).toContain('the school');
    expect(await page.getByTestId('portal-detail-officer').textContent()).toBe('Giulia Ferri');
    expect(await axeViolations(page)).toEqual([]);

    // An empty reply is refused on the spot; then the answer goes.
    await page.getByTestId('portal-reply-send').click();
    await page.locator('#portal-reply-text-error').waitFor();
    await page.getByTestId('portal-reply-text').fill('Scuola primaria Dante Alighieri.');
    // Files go with the reply: a text file named .pdf is refused (checked from its content), a PDF is taken.
    await page
      .getByTestId('portal-reply-files')
      .setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await expect.poll(() => page.getByTestId('portal-reply-files-error').textContent()).toContain('fake.pdf');
    await page.getByTestId('portal-reply-files').setInputFiles({
      name: 'iscrizione.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect.poll(() => page.getByTestId('portal-reply-files-list').textContent()).toContain('iscrizione.pdf');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('portal-reply-send').click();
    await expect.poll(() => page.getByTestId('portal-detail-status').getAttribute('data-status')).toBe('in_progress');
    expect(await page.getByTestId('portal-timeline').textContent()).toContain('Scuola primaria Dante Alighieri.');
    // The file is the procedure's now, downloadable by its citizen.
    const file = page.locator('[data-testid^="portal-file-"]');
    await file.waitFor();
    expect(await file.textContent()).toBe('iscrizione.pdf');
    const href = (await file.getAttribute('href')) ?? '';
    expect(await page.evaluate(async (u) => (await fetch(u)).status, href)).toBe(200);
    expect((await fetch(`${app.url}${href}`)).status).toBe(401);
    expect(await axeViolations(page)).toEqual([]);

    // The language picker: the same page in Arabic, right to left.
    await page.getByTestId('portal-lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('portal-detail-status').textContent()).toBe('قيد المعالجة');
    expect(page.url()).toContain('lang=ar');
    expect(await axeViolations(page)).toEqual([]);
    // Signed in, the picker is also the language of the citizen's e-mails.
    const stored = () => space.db.citizen.findUniqueOrThrow({ where: { email } }).then((c) => c.lang);
    await expect.poll(stored).toBe('ar');
    await page.getByTestId('portal-lang-en').click();
    await expect.poll(stored).toBe('en');

    // The public tracking page: in progress, no personal data.
    const track = await phone();
    await track.goto(`${app.url}/portale/track/${row.trackingCode}?lang=en`);
    await track.getByTestId('portal-track').waitFor();
    expect(await track.getByTestId('portal-track-status').getAttribute('data-status')).toBe('in_progress');
    expect(await track.getByTestId('portal-track-protocol').textContent()).toBe(protocol);
    const shown = (await track.locator('main').textContent()) ?? '';
    for (const secret of [email, 'Giulia Ferri', 'the school', 'Dante Alighieri']) expect(shown).not.toContain(secret);
    expect(await axeViolations(track)).toEqual([]);

    // In Arabic, right to left.
    await track.goto(`${app.url}/portale/track/${row.trackingCode}?lang=ar`);
    await track.getByTestId('portal-track').waitFor();
    expect(await track.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await track.getByTestId('portal-track-page').getAttribute('dir')).toBe('rtl');
    expect(await track.getByTestId('portal-track-status').textContent()).toBe('قيد المعالجة');
    expect(await axeViolations(track)).toEqual([]);

    // An unknown code gets a clear page.
    await track.goto(`${app.url}/portale/track/abcdefghijkmnpqr?lang=en`);
    await track.getByTestId('portal-track-missing').waitFor();
    expect(await axeViolations(track)).toEqual([]);

    // Live: the office asks again, the open page shows it without a reload.
    expect((await op.post(`/api/procedures/${row.id}/request-info`, { citizenNote: 'And the class, please.' })).status).toBe(200);
    await page.getByTestId('portal-reply').waitFor();
    expect(await page.getByTestId('portal-request-note').textContent()).toBe('And the class, please.');

    // Withdrawing asks first, then closes the procedure.
    await page.getByTestId('portal-withdraw').click();
    await page.getByTestId('portal-withdraw-confirm').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('portal-withdraw-confirm').click();
    await expect.poll(() => page.getByTestId('portal-detail-status').getAttribute('data-status')).toBe('withdrawn');
    expect(await page.getByTestId('portal-withdraw').count()).toBe(0);
    expect((await space.db.procedure.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('withdrawn');

    // Signing out brings back the sign-in.
    await page.getByTestId('portal-signout').click();
    await page.getByTestId('portal-email').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/citizen/me')).status)).toBe(401);
  });
});
