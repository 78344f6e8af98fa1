/**
 * A ticket taken in Arabic at the kiosk, in Chromium (issue 11): the kiosk lays out right to left,
 * the printer gets the Arabic texts as raster images (decoded from the captured ESC/POS bytes and
 * compared with the text drawn on the server) and the number as printer text, and the ticket's
 * phone page opens in Arabic, right to left, on a phone whose browser speaks Italian.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textIn } from '../../contract/lang';
import { messages } from '../../i18n/messages';
import { textOf } from '../../server/db/texts';
import { rasterText } from '../../server/printing/raster-text';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startCapturePrinter, type CapturePrinter } from '../helpers/capture-printer';
import { pairPage, registerKiosk } from '../helpers/kiosks';
import { bitsOf, inkSpan } from '../helpers/raster-bits';
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

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

describe('a ticket taken in Arabic at the kiosk', () => {
  it('lays the kiosk out right to left, prints the Arabic as raster images, opens the phone page in Arabic', async () => {
    const admin = new ApiClient(app.url);
    await admin.login('admin');
    const { officeId } = await oneStop(app.url);
    const kiosk = await registerKiosk(admin, {
      officeId,
      name: 'Totem arabo',
      printMode: 'server',
      printerInterface: printer.address,
      paperWidth: 80,
    });
    const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
    await pairPage(page, app.url, admin, kiosk.id);
    await page.goto(kiosk.kioskUrl.replace(/^http:\/\/localhost:\d+/, app.url));
    await page.getByTestId('kiosk-category-anagrafe').waitFor();

    // The citizen picks Arabic: the whole document turns right to left, the first topic on the right.
    const ltrFirst = await box(page, 'kiosk-lang-it');
    await page.getByTestId('kiosk-lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.getByTestId('kiosk').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The language buttons keep their order but now start from the right edge.
    const rtlFirst = await box(page, 'kiosk-lang-it');
    expect(rtlFirst.x).toBeGreaterThan(ltrFirst.x);
    expect(rtlFirst.x).toBeGreaterThan((await box(page, 'kiosk-lang-en')).x);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('kiosk-category-anagrafe').click();
    await page.getByTestId('kiosk-service-certificato-residenza').click();
    await page.getByTestId('kiosk-priority-none').click();
    await page.getByTestId('kiosk-ticket-number').waitFor();
    expect(await page.getByTestId('kiosk-ticket').getAttribute('data-print')).toBe('queued');
    const number = ((await page.getByTestId('kiosk-ticket-number').textContent()) ?? '').trim();
    // The number itself stays left to right inside the Arabic.
    expect(await page.getByTestId('kiosk-ticket-number').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);

    const ticket = await space.db.ticket.findFirstOrThrow({
      where: { number, officeId },
      orderBy: { issuedAt: 'desc' },
      include: { service: true },
    });
    expect(ticket.lang).toBe('ar');

    // The paper: the number as the printer's own text, the Arabic lines as images of exactly the
    // text the server draws (the office, the service, "your number", the footer...), each with ink.
    const [doc] = await printer.waitForDocuments(1);
    expect(doc!.lines.map((l) => l.text.trim())).toContain(number);
    expect(doc!.images.length).toBeGreaterThanOrEqual(4);
    for (const image of doc!.images) expect(inkSpan(image).dots).toBeGreaterThan(100);
    const drawn = async (text: string) => bitsOf(rasterText(text, { scale: 1, align: 'center', paperWidth: 80 }).png);
    const printedBits = doc!.images.map((i) => i.bits.toString('hex'));
    for (const text of [messages.ar.print.yourNumber, messages.ar.print.footer, textIn(textOf(ticket.service.name), 'ar')]) {
      expect({ text, printed: printedBits.includes((await drawn(text)).bits.toString('hex')) }).toEqual({ text, printed: true });
    }
    // Nothing Arabic went out as printer text (it has no such characters: it would print "?").
    expect(doc!.lines.some((l) => /[\u0600-\u06FF?]/.test(l.text))).toBe(false);

    // The phone page of that ticket, on a phone whose browser speaks Italian: in Arabic, right to left.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT' })).newPage();
    await phone.goto(`${app.url}/t/${ticket.code}`);
    await phone.getByTestId('ticket-number').waitFor();
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await phone.getByTestId('ticket-page').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(((await phone.getByTestId('ticket-number').textContent()) ?? '').trim()).toBe(number);
    expect(await phone.locator('#ticket-number-h').textContent()).toBe(messages.ar.ticket.number);
    expect(await phone.locator('button[lang="ar"][aria-pressed="true"]').count()).toBe(1);
    expect(await axeViolations(phone)).toEqual([]);

    // The citizen may still switch: English, left to right, kept in the address.
    await phone.locator('button[lang="en"]').click();
    await expect.poll(() => phone.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(phone.url()).toContain('lang=en');
    expect(await phone.locator('#ticket-number-h').textContent()).toBe(messages.en.ticket.number);
  });
});
