/**
 * The desk and the portal together at the counter: the clerk serving a walk-in opens a procedure
 * for them from the counter screen (fiscal code, service, its form, a scanned document), sees the
 * citizen's procedures still open as soon as the fiscal code is complete, and gives them the
 * tracking code and its QR code; a wrong form changes nothing. axe-core checks the dialog.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { clerkAtCounter, useBrowserApp } from '../helpers/e2e';
import { waitForMail } from '../helpers/outbox';
import { CERT_DATA } from '../helpers/portal';
import { clerk } from '../helpers/sportello';

const t = useBrowserApp();

async function counterPage(): Promise<Page> {
  const page = await (await t.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await clerkAtCounter(page, t.app.url, 'operatore1');
  await page.getByTestId('counter-procedure').waitFor();
  return page;
}

describe('opening a procedure at the counter', () => {
  it('opens it for the citizen in front of the clerk and gives the tracking code with its QR code', async () => {
    const fiscalCode = 'MRTMTT91D08F205J';
    const op1 = await clerk(t.app.url, 'operatore1');
    const family = await t.space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } });
    const earlier = await op1.post('/api/procedures/desk', { serviceId: family.id, citizen: { fiscalCode }, data: CERT_DATA });
    expect(earlier.status).toBe(201);

    const page = await counterPage();
    await page.getByTestId('counter-procedure').click();
    const dialog = page.getByTestId('counter-procedure-dialog');
    await dialog.waitFor();
    // Typing the fiscal code (spaces and case as they come) shows that citizen's open procedures.
    await page.getByTestId('counter-procedure-fiscal-code').fill('mrt mtt 91d08 f205j');
    await expect.poll(() => page.getByTestId('counter-procedure-theirs').textContent()).toContain(earlier.body.protocolNumber);
    await page.getByTestId('counter-procedure-email').fill('walkin@example.org');
    await page.getByTestId('counter-procedure-service').selectOption(family.id);

    // A required field left empty: refused, the field says so, nothing stored.
    const before = await t.space.db.procedure.count();
    await page.getByTestId('portal-field-uso-scuola').check();
    await page.getByTestId('portal-field-copie').fill('1');
    await page.getByTestId('counter-procedure-submit').click();
    await page.getByTestId('counter-procedure-error').waitFor();
    expect(await page.getByTestId('portal-field-intestatario').getAttribute('aria-invalid')).toBe('true');
    expect(await t.space.db.procedure.count()).toBe(before);

    await page.getByTestId('portal-field-intestatario').fill(CERT_DATA.intestatario);
    await page.getByTestId('counter-procedure-files').setInputFiles({
      name: 'documento.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect.poll(() => page.getByTestId('counter-procedure-files-list').textContent()).toContain('documento.pdf');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('counter-procedure-submit').click();

    const tracking = ((await page.getByTestId('counter-procedure-tracking').textContent()) ?? '').trim();
    expect(tracking).toMatch(/^[a-z2-9]{16}$/);
    const opened = await t.space.db.procedure.findUniqueOrThrow({
      where: { trackingCode: tracking },
      include: { citizen: true, attachments: true },
    });
    expect(opened).toMatchObject({ channel: 'desk', status: 'submitted', serviceId: family.id });
    expect(opened.citizen).toMatchObject({ fiscalCode, email: 'walkin@example.org' });
    expect(opened.attachments.map((a) => a.fileName)).toEqual(['documento.pdf']);
    // The QR code on screen is the tracking page's, and the receipt went by e-mail.
    // The image loads after the tracking code shows: wait for it, and for a real picture.
    const qr = page.getByTestId('counter-procedure-qr');
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 })
      .toBe(true);
    await waitForMail(
      path.join(t.app.dataDir, 'outbox'),
      (t) => t.includes('To: walkin@example.org') && t.includes(`/portale/track/${tracking}`),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/counter-procedure.png' });
    await page.getByTestId('counter-procedure-close').click();
    expect(await dialog.count()).toBe(0);
  });
});
