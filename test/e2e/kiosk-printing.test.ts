import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { startCapturePrinter, type CapturePrinter } from '../helpers/capture-printer';
import { pairPage, registerKiosk, type RegisteredKiosk } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { oneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let browser: Browser;
let printer: CapturePrinter;

beforeAll(async () => {
  space = await createTestSpace();
  // The capture printer listens on loopback: opted in (refused by default).
  [app, browser, printer] = await Promise.all([
    startApp(space, { PRINTER_NETWORKS: '127.0.0.0/8' }),
    launchBrowser(),
    startCapturePrinter(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await printer?.close();
  await space?.drop();
});

async function takeTicket(admin: ApiClient, kiosk: RegisteredKiosk, viaLink = false): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await pairPage(page, app.url, admin, kiosk.id, viaLink);
  await page.goto(kiosk.kioskUrl.replace(/^http:\/\/localhost:\d+/, app.url) + '&lang=en');
  await page.getByTestId('kiosk-category-anagrafe').click();
  await page.getByTestId('kiosk-service-certificato-residenza').click();
  await page.getByTestId('kiosk-priority-none').click();
  await page.getByTestId('kiosk-ticket-number').waitFor();
  return page;
}

describe('the kiosk screen and its printer', () => {
  it('says the ticket is printing, or that the printer is out of service and shows the QR code larger', async () => {
    const admin = new ApiClient(app.url);
    await admin.login('admin');
    const { officeId } = await oneStop(app.url);
    const withPrinter = await registerKiosk(admin, {
      officeId,
      name: 'Totem',
      printMode: 'server',
      printerInterface: printer.address,
    });
    // An agent kiosk whose agent is not running: no paper will come.
    const noAgent = await registerKiosk(admin, { officeId, name: 'Totem 2', printMode: 'agent' });

    // The screen paired with the kiosk (its cookie): the kiosk's office comes from its registration.
    // Paired the installer's way: the admin's pairing link and the *Pair this screen* button.
    const ok = await takeTicket(admin, withPrinter, true);
    expect(await ok.getByTestId('kiosk-ticket').getAttribute('data-print')).toBe('queued');
    expect(await ok.getByTestId('kiosk-print-notice').textContent()).toContain('Take your printed ticket below');
    const number = (await ok.getByTestId('kiosk-ticket-number').textContent())?.trim();
    const [doc] = await printer.waitForDocuments(1);
    expect(doc.lines.map((l) => l.text)).toContain(number);
    const normalQr = (await ok.getByTestId('kiosk-ticket-qr').boundingBox())?.width ?? 0;

    const down = await takeTicket(admin, noAgent);
    expect(await down.getByTestId('kiosk-ticket').getAttribute('data-print')).toBe('unavailable');
    const notice = down.getByTestId('kiosk-print-notice');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('The printer is out of service');
    expect((await down.getByTestId('kiosk-ticket-qr').boundingBox())?.width ?? 0).toBeGreaterThan(normalQr + 100);
    const violations = (await new AxeBuilder({ page: down }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(violations).toEqual([]);

    // In Italian too.
    await down.getByTestId('kiosk-lang-it').click();
    expect(await notice.textContent()).toContain('La stampante è fuori servizio');
    expect(printer.documents()).toHaveLength(1);
  });
});
