// `npm run screenshots:book`: starts Sportello on a scratch database and saves screenshots of the
// online booking on a phone (390x844) under docs/screenshots/book-*.png, plus the kiosk check-in
// and the booking in Arabic (needs PostgreSQL, Redis and Chromium, like `npm run screenshots`).
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { startApp } from '../test/helpers/app';
import { ApiClient } from '../test/helpers/api';
import { launchBrowser } from '../test/helpers/browser';
import { registerKiosk } from '../test/helpers/kiosks';
import { confirmTokenIn, waitForMail, waitForReadMail } from '../test/helpers/outbox';
import { createTestSpace } from '../test/helpers/services';

const OUT = 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
const page = async (o: BrowserContextOptions): Promise<Page> => (await browser.newContext(o)).newPage();
const shot = async (p: Page, name: string, fullPage = false) => {
  await p.waitForTimeout(500);
  await p.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`${OUT}/${name}.png`);
};

try {
  const phone = await page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await phone.goto(`${app.url}/book?lang=it`);
  await phone.getByTestId('book-service-carta-identita-elettronica').waitFor();
  await shot(phone, 'book-services');
  await phone.getByTestId('book-service-carta-identita-elettronica').click();
  await phone.locator('[data-testid^="book-day-"]').first().waitFor();
  // A day a few days ahead, its times shown under the calendar.
  const ids = await phone
    .locator('[data-testid^="book-day-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  await phone.getByTestId(ids[Math.min(3, ids.length - 1)]).click();
  await phone.locator('[data-testid^="book-slot-"]').nth(2).click();
  // The month bar at the top: the calendar and the day's times in one screen.
  await phone.evaluate(() => {
    const bar = document.querySelector('[data-testid="book-month-prev"]');
    if (bar) window.scrollTo(0, bar.getBoundingClientRect().top + window.scrollY - 12);
  });
  await shot(phone, 'book-calendar');
  await phone.getByTestId('book-continue').click();
  await phone.getByTestId('book-name').fill('Giulia Neri');
  await phone.getByTestId('book-email').fill('giulia.neri@example.org');
  await phone.getByTestId('book-consent').check();
  await shot(phone, 'book-details');
  await phone.getByTestId('book-submit').click();
  // Held until the citizen confirms through the e-mailed link.
  await phone.getByTestId('book-pending').waitFor();
  await shot(phone, 'book-pending');
  const mail = await waitForMail(path.join(app.dataDir, 'outbox'), (t) => t.includes('To: giulia.neri@example.org'));
  await phone.goto(`${app.url}/book/confirm/${confirmTokenIn(mail)}?lang=it`);
  await phone.getByTestId('book-confirm').waitFor();
  await shot(phone, 'book-confirm');
  await phone.getByTestId('book-confirm-submit').click();
  await phone.getByTestId('book-done').waitFor();
  await phone.waitForFunction(() => (document.querySelector('[data-testid="book-qr"]') as HTMLImageElement | null)?.complete);
  await shot(phone, 'book-confirmation');
  await shot(phone, 'book-confirmation-full', true);

  // The same booking in Arabic, right to left: the calendar, the form (address and phone typed
  // left to right), the confirmation with its code.
  const ar = await page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await ar.goto(`${app.url}/book?lang=ar&service=carta-identita-elettronica`);
  await ar.locator('[data-testid^="book-day-"]').first().waitFor();
  const days = await ar
    .locator('[data-testid^="book-day-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  await ar.getByTestId(days[Math.min(4, days.length - 1)]).click();
  await ar.locator('[data-testid^="book-slot-"]').nth(3).click();
  await ar.evaluate(() => {
    const bar = document.querySelector('[data-testid="book-month-prev"]');
    if (bar) window.scrollTo(0, bar.getBoundingClientRect().top + window.scrollY - 12);
  });
  await shot(ar, 'book-calendar-ar');
  await ar.getByTestId('book-continue').click();
  await ar.getByTestId('book-name').fill('أمل حداد');
  await ar.getByTestId('book-email').fill('amal.haddad@example.org');
  await ar.getByTestId('book-phone').fill('+39 333 123 4567');
  await ar.getByTestId('book-consent').check();
  await shot(ar, 'book-details-ar');
  await ar.getByTestId('book-submit').click();
  await ar.getByTestId('book-pending').waitFor();
  // Arabic mail bodies are base64: read as a mail program would.
  const arMail = await waitForReadMail(path.join(app.dataDir, 'outbox'), (m) => m.to === 'amal.haddad@example.org');
  await ar.goto(`${app.url}/book/confirm/${confirmTokenIn(arMail.parts.map((p) => p.text).join('\n'))}?lang=ar`);
  await ar.getByTestId('book-confirm-submit').click();
  await ar.getByTestId('book-done').waitFor();
  await ar.waitForFunction(() => (document.querySelector('[data-testid="book-qr"]') as HTMLImageElement | null)?.complete);
  await shot(ar, 'book-confirmation-ar');

  const kiosk = await page({ viewport: { width: 1080, height: 1920 } });
  // A registered kiosk: bookings made there need no e-mail confirmation.
  const admin = new ApiClient(app.url);
  await admin.login('admin');
  const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
  const registered = await registerKiosk(admin, { officeId: office.id, name: 'Atrio', printMode: 'none' });
  await kiosk.goto(`${app.url}/kiosk?lang=en&kiosk=${registered.id}&officeId=${office.id}`);
  await kiosk.getByTestId('kiosk-checkin-start').click();
  await kiosk.getByTestId('kiosk-checkin-code').waitFor();
  await kiosk.waitForFunction(() => document.activeElement?.id === 'kiosk-checkin-code');
  await kiosk.keyboard.type('ABCD2345\n');
  await kiosk.getByTestId('kiosk-checkin-problem').waitFor();
  await shot(kiosk, 'kiosk-checkin-en');
  await kiosk.getByTestId('kiosk-back').click();
  await kiosk.getByTestId('kiosk-category-anagrafe').click();
  await kiosk.getByTestId('kiosk-service-carta-identita-elettronica').click();
  await kiosk.getByTestId('kiosk-booking').waitFor();
  await shot(kiosk, 'kiosk-book-en');
  await kiosk.locator('[data-testid^="kiosk-booking-slot-"]').first().click();
  await kiosk.getByTestId('kiosk-booking-name-input').fill('Mario Rossi');
  await kiosk.getByTestId('kiosk-booking-consent').click();
  await kiosk.getByTestId('kiosk-booking-confirm').click();
  await kiosk.getByTestId('kiosk-booked').waitFor();
  await shot(kiosk, 'kiosk-booked-en');
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}
