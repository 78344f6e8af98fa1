/**
 * Appointments in Chromium, end to end: a full online booking on a phone (held until confirmed
 * through the e-mailed link, then its manage page),
 * a kiosk check-in that the specialist office's counter then calls, and a follow-up booked by a
 * clerk. axe-core checks every screen on the way.
 */
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookConfirmed } from '../helpers/booking';
import { closeAppointmentQueue } from '../../server/appointments/jobs';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { waitForMail } from '../helpers/outbox';
import { launchBrowser } from '../helpers/browser';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
  // The test process books "in the past" for the check-in, with the app's secret and database.
  useInProcessRuntime(space);
});

afterAll(async () => {
  await closeAppointmentQueue();
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

async function newPage(options: BrowserContextOptions): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

/** Clicks the first free day at least `minDaysAhead` days from today, moving to the next month if needed. */
async function pickDayFrom(page: Page, prefix: string, minDaysAhead: number): Promise<string> {
  const earliest = new Date(Date.now() + minDaysAhead * 86_400_000).toISOString().slice(0, 10);
  for (let month = 0; month < 3; month++) {
    const ids = await page
      .locator(`[data-testid^="${prefix}-day-"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    const hit = ids.map((id) => id.slice(-10)).find((d) => d >= earliest);
    if (hit) {
      await page.getByTestId(`${prefix}-day-${hit}`).click();
      return hit;
    }
    const title = await page.locator(`#${prefix}-month-title`).textContent();
    await page.getByTestId(`${prefix}-month-next`).click();
    await expect.poll(() => page.locator(`#${prefix}-month-title`).textContent()).not.toBe(title);
    await page.locator(`[data-testid^="${prefix}-day-"]`).first().waitFor();
  }
  throw new Error('no free day found');
}

describe('online booking on a phone', () => {
  it('books service → office → day → time → details, gets code, QR, calendar file and a manage link that cancels', async () => {
    const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${app.url}/book?lang=en`);
    await phone.getByTestId('book-service-carta-identita-elettronica').waitFor();
    expect(await axeViolations(phone)).toEqual([]);

    // Search narrows the list; the identity card is handled by one office, so the office step is skipped.
    await phone.getByTestId('book-search').fill('identity card');
    await phone.getByTestId('book-service-carta-identita-elettronica').click();
    await phone.locator('[data-testid^="book-day-"]').first().waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    // A day at least three days ahead, so the appointment can still be cancelled online.
    await pickDayFrom(phone, 'book', 3);
    const slot = phone.locator('[data-testid^="book-slot-"]').first();
    await slot.waitFor();
    const time = (await slot.textContent())?.trim() ?? '';
    await slot.click();
    await phone.getByTestId('book-continue').click();

    // Details: the consent is required.
    await phone.getByTestId('book-name').fill('Giulia Neri');
    await phone.getByTestId('book-email').fill('giulia.neri@example.org');
    await phone.getByTestId('book-submit').click();
    await phone.locator('#book-consent-error').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('book-consent').check();
    await phone.getByTestId('book-submit').click();

    // Held, not yet booked: the page says to confirm through the e-mail.
    await phone.getByTestId('book-pending').waitFor();
    expect(await phone.getByTestId('book-pending').textContent()).toContain('giulia.neri@example.org');
    expect(await phone.getByTestId('book-pending-summary').textContent()).toContain(time);
    expect(await axeViolations(phone)).toEqual([]);
    const held = await space.db.appointment.findFirstOrThrow({ where: { email: 'giulia.neri@example.org' } });
    expect(held.status).toBe('pending');

    // The link of the e-mail opens the confirmation page; the button confirms.
    const mail = await waitForMail(path.join(app.dataDir, 'outbox'), (t) => t.includes('To: giulia.neri@example.org'));
    const link = /https?:\/\/[^\s"<>]+\/book\/confirm\/[A-Za-z0-9_-]+\?lang=en/.exec(mail)?.[0];
    expect(link).toBeDefined();
    await phone.goto(`${app.url}${new URL(link as string).pathname}?lang=en`);
    await phone.getByTestId('book-confirm').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('book-confirm-submit').click();

    await phone.getByTestId('book-done').waitFor();
    const code = (await phone.getByTestId('book-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(await phone.getByTestId('book-card-when').textContent()).toContain(time);
    await expect
      .poll(() => phone.getByTestId('book-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const ics = await phone.getByTestId('book-ics').getAttribute('href');
    const icsRes = await fetch(`${app.url}${ics}`);
    expect(icsRes.status).toBe(200);
    expect(await icsRes.text()).toContain('BEGIN:VCALENDAR');
    expect(await axeViolations(phone)).toEqual([]);

    const row = await space.db.appointment.findUniqueOrThrow({ where: { code: code.replace('-', '') } });
    expect(row).toMatchObject({
      status: 'booked',
      name: 'Giulia Neri',
      email: 'giulia.neri@example.org',
      channel: 'online',
      lang: 'en',
    });

    // The manage link: see it, cancel it.
    await phone.getByTestId('book-manage-link').click();
    await phone.getByTestId('book-manage').waitFor();
    expect(await phone.getByTestId('book-manage-status').textContent()).toBe('booked');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('book-manage-cancel').click();
    await phone.getByTestId('book-manage-cancel-confirm').click();
    await expect.poll(async () => phone.getByTestId('book-manage-status').textContent()).toBe('cancelled');
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('cancelled');

    // A tampered link gets a clear page.
    await phone.goto(`${app.url}/book/manage/${row.id}.zzzz.${'0'.repeat(32)}?lang=en`);
    await phone.getByTestId('book-manage-error').waitFor();
    expect(await axeViolations(phone)).toEqual([]);
  });
});

describe('the day of the appointment', () => {
  it('checks in at the kiosk by code (as a scanner types it) and the office counter calls the ticket', async () => {
    const service = await space.db.service.findFirstOrThrow({ where: { code: 'cambio-residenza' } });
    await space.db.schedule.update({
      where: { officeId_serviceId: { officeId: service.officeId, serviceId: service.id } },
      data: {
        slotMinutes: 5,
        minNoticeMinutes: 0,
        hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })) },
      },
    });
    await space.db.patronDay.deleteMany({});
    // Its 5-minute slot began two to seven minutes ago: inside the check-in window, and callable.
    const startsAt = new Date(Math.floor((Date.now() - 2 * 60_000) / (5 * 60_000)) * 5 * 60_000);
    const booked = await bookConfirmed(
      {
        serviceId: service.id,
        officeId: service.officeId,
        startsAt: startsAt.toISOString(),
        name: 'Paolo Gialli',
        phone: '+39 333 7654321',
        privacyConsent: true,
      },
      { now: new Date(startsAt.getTime() - 24 * 3600_000) },
    );

    const kiosk = await newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${app.url}/kiosk?officeId=${service.officeId}`);
    await kiosk.getByTestId('kiosk-lang-en').click();
    await kiosk.getByTestId('kiosk-checkin-start').click();
    const input = kiosk.getByTestId('kiosk-checkin-code');
    await input.waitFor();
    // Nobody touches the field: it takes the focus by itself, ready for the scanner.
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('kiosk-checkin-code');
    expect(await axeViolations(kiosk)).toEqual([]);
    // A wrong code first: a clear message, the field keeps the focus for the next scan.
    await kiosk.keyboard.type('ZZZZZZZZ\n');
    await kiosk.getByTestId('kiosk-checkin-problem').waitFor();
    expect(await kiosk.getByTestId('kiosk-checkin-problem').getAttribute('data-problem')).toBe('notFound');
    expect(await axeViolations(kiosk)).toEqual([]);
    // A USB scanner types the QR content (the manage link) and Enter into the focused field.
    await kiosk.keyboard.type(`${booked.manageUrl}\n`);
    await kiosk.getByTestId('kiosk-checked-in').waitFor();
    const number = (await kiosk.getByTestId('kiosk-checked-in-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    expect(await axeViolations(kiosk)).toEqual([]);
    const ticket = await space.db.ticket.findFirstOrThrow({
      where: { number, officeId: service.officeId },
      orderBy: { issuedAt: 'desc' },
    });
    expect(ticket.priority).toBe('appointment');
    expect(ticket.queuedAt).toEqual(startsAt);

    // The office's clerk: today's appointments show it checked in; "call next" calls it.
    const counter = await newPage({ viewport: { width: 1366, height: 900 } });
    await counter.goto(`${app.url}/counter`);
    await counter.getByTestId('counter-login-username').fill('anagrafe1');
    await counter.getByTestId('counter-login-password').fill('sportello');
    await counter.getByTestId('counter-login-submit').click();
    await counter.getByTestId('counter-open-1').click();
    await counter.getByTestId('counter-open-submit').click();
    const row = counter.getByTestId(`counter-today-${booked.code}`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('checked_in');
    await counter.getByTestId(`counter-waiting-${number}`).waitFor();
    expect(await axeViolations(counter)).toEqual([]);
    await counter.getByTestId('counter-call-next').click();
    await expect.poll(async () => (await counter.getByTestId('counter-current-number').textContent())?.trim()).toBe(number);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('serving');

    // A follow-up appointment booked by the clerk in a few clicks.
    await counter.getByTestId('counter-book').click();
    await counter.getByTestId('counter-book-filter').fill('residenza');
    await counter.getByTestId(`counter-book-service-${service.code}`).check();
    await counter.getByTestId('counter-book-next').click();
    await counter.locator('[data-testid^="counter-book-day-"]').first().click();
    await counter.locator('[data-testid^="counter-book-slot-"]').first().click();
    await counter.getByTestId('counter-book-next').click();
    await counter.getByTestId('counter-book-name').fill('Paolo Gialli');
    await counter.getByTestId('counter-book-consent').check();
    expect(await axeViolations(counter)).toEqual([]);
    await counter.getByTestId('counter-book-confirm').click();
    const followCode = (await counter.getByTestId('counter-book-code').textContent())?.trim() ?? '';
    expect(followCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const follow = await space.db.appointment.findUniqueOrThrow({ where: { code: followCode.replace('-', '') } });
    expect(follow.channel).toBe('counter');
    expect(follow.bookedByStaffId).not.toBeNull();
  });
});
