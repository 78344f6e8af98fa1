import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { pairNewKiosk } from '../helpers/kiosks';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';

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

/** axe-core needs pages made through a context. */
async function newPage(options: BrowserContextOptions): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

describe('walk-in citizen, end to end in Chromium', () => {
  it('takes a ticket at the kiosk, is called at the counter, seen on the display and on the phone', async () => {
    const display = await newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${app.url}/display?voice=off`);
    await display.getByTestId('display-clock').waitFor();

    // Kiosk, portrait: category → service → no priority → ticket.
    const kiosk = await newPage({ viewport: { width: 1080, height: 1920 } });
    await pairNewKiosk(kiosk, app.url);
    await kiosk.goto(`${app.url}/kiosk`);
    await kiosk.getByTestId('kiosk-lang-en').click();
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.getByTestId('kiosk-category-anagrafe').click();
    await kiosk.getByTestId('kiosk-service-certificato-residenza').click();
    await kiosk.getByTestId('kiosk-priority-none').click();
    const numberEl = kiosk.getByTestId('kiosk-ticket-number');
    await numberEl.waitFor();
    const number = (await numberEl.textContent())?.trim() ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    expect(await axeViolations(kiosk)).toEqual([]);
    const ticket = await space.db.ticket.findFirstOrThrow({ where: { number }, orderBy: { issuedAt: 'desc' } });

    // The phone page from the QR code.
    const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${app.url}/t/${ticket.code}?lang=en`);
    await expect.poll(async () => (await phone.getByTestId('ticket-number').textContent())?.trim()).toBe(number);
    expect(await axeViolations(phone)).toEqual([]);

    // The clerk logs in, opens counter 1 and calls.
    const counter = await newPage({ viewport: { width: 1366, height: 768 } });
    await counter.goto(`${app.url}/counter`);
    await counter.getByTestId('counter-login-username').fill('operatore1');
    await counter.getByTestId('counter-login-password').fill('sportello');
    await counter.getByTestId('counter-login-submit').click();
    await counter.getByTestId('counter-open-1').click();
    await counter.getByTestId('counter-open-submit').click();
    await counter.getByTestId('counter-call-next').click();
    await expect.poll(async () => (await counter.getByTestId('counter-current-number').textContent())?.trim()).toBe(number);
    expect(await axeViolations(counter)).toEqual([]);

    // The display highlights it; the phone says where to go.
    await expect.poll(async () => display.getByTestId('display-current-call').getAttribute('data-number')).toBe(number);
    expect(await display.getByTestId('display-current-call').textContent()).toContain('1');
    expect(await axeViolations(display)).toEqual([]);
    await expect.poll(async () => (await phone.getByTestId('ticket-counter').textContent()) ?? '').toMatch(/1/);

    // Complete: the ticket's final state is in the database with its events.
    await counter.getByTestId('counter-complete').click();
    await counter.getByTestId('counter-complete-confirm').click();
    await expect
      .poll(async () => (await space.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status)
      .toBe('completed');
    const types = (await space.db.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'asc' } })).map(
      (e) => e.type,
    );
    expect(types[0]).toBe('issued');
    expect(types).toContain('called');
    expect(types.at(-1)).toBe('completed');
  });
});
