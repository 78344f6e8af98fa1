/**
 * Walk-in opening hours in Chromium: an open kiosk shows "The office is closed" by itself as soon
 * as an admin sets hours that exclude now (catalogChanged nudge), in English and Italian, still
 * offers "I have an appointment" and no desk service, and is axe-clean; a citizen who was choosing
 * when the office closed gets the same message, not a generic error; an open display says
 * "Ufficio chiuso — riapre …" too, and still shows calls; the admin card saves hours.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { pairPage, registerKiosk } from '../helpers/kiosks';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk } from '../helpers/sportello';
import { textOf } from '../../server/db/texts';

let space: TestSpace;
let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let officeId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
  admin = await clerk(app.url, 'admin');
  officeId = (await space.db.office.findFirstOrThrow({ where: { isOneStop: true } })).id;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

/** ISO weekday of today in Rome. */
const romeWeekday = () =>
  ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'short' }).format(new Date()),
  ) + 1;
/** Open only tomorrow (by weekday): closed now, whatever the hour. */
const closedNow = () => ({
  hours: [{ weekday: (romeWeekday() % 7) + 1, opens: '08:30', closes: '12:30' }],
  lastTicketMinutes: 0,
});
const alwaysOpen = { hours: [], lastTicketMinutes: 0 };
const setHours = async (body: unknown) =>
  expect((await admin.request('PUT', `/api/admin/offices/${officeId}/hours`, body)).status).toBe(200);

async function kioskPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await pairPage(page, app.url, admin, (await registerKiosk(admin, { officeId, name: 'Totem', printMode: 'none' })).id);
  await page.goto(`${app.url}/kiosk`);
  await page.getByTestId('kiosk-lang-en').click();
  await page.getByTestId('kiosk-category-anagrafe').waitFor();
  return page;
}

describe('the kiosk and the walk-in opening hours', () => {
  it('closes by itself when the admin sets hours that exclude now, and opens again', async () => {
    await setHours(alwaysOpen);
    const kiosk = await kioskPage();
    expect(await kiosk.getByTestId('kiosk-closed').count()).toBe(0);

    await setHours(closedNow());
    const notice = kiosk.getByTestId('kiosk-closed');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('The office is closed.');
    expect(await kiosk.getByTestId('kiosk-closed-opens').textContent()).toMatch(
      /^It opens again (tomorrow|on \w+day \d+ \w+) at \d{1,2}:30\.$/,
    );
    await kiosk.getByTestId('kiosk-checkin-start').waitFor();
    // Desk services cannot be chosen: the one-stop desk's own topics are gone (only appointments remain).
    expect(await kiosk.getByTestId('kiosk-service-certificato-residenza').count()).toBe(0);
    if ((await kiosk.getByTestId('kiosk-category-anagrafe').count()) > 0) {
      await kiosk.getByTestId('kiosk-category-anagrafe').click();
      expect(await kiosk.getByTestId('kiosk-service-certificato-residenza').count()).toBe(0);
      await kiosk.getByTestId('kiosk-back').first().click();
    }
    expect(await axeViolations(kiosk)).toEqual([]);

    await kiosk.getByTestId('kiosk-lang-it').click();
    await expect.poll(async () => kiosk.getByTestId('kiosk-closed').textContent()).toContain('L’ufficio è chiuso.');
    expect(await kiosk.getByTestId('kiosk-closed-opens').textContent()).toMatch(
      /^Riapre (domani|\w+ \d+ \w+) alle \d{1,2}:30\.$/,
    );
    expect(await axeViolations(kiosk)).toEqual([]);

    await setHours(alwaysOpen);
    await expect.poll(async () => kiosk.getByTestId('kiosk-closed').count(), { timeout: 15_000 }).toBe(0);
    await kiosk.getByTestId('kiosk-category-anagrafe').waitFor();
  });

  it('a citizen choosing at closing time gets the closed message, not an error', async () => {
    await setHours(alwaysOpen);
    const kiosk = await kioskPage();
    await kiosk.getByTestId('kiosk-category-anagrafe').click();
    await kiosk.getByTestId('kiosk-service-certificato-residenza').click();
    // The office closes while the citizen reads the priority question.
    await setHours(closedNow());
    await kiosk.getByTestId('kiosk-priority-none').click();
    await kiosk.getByTestId('kiosk-closed').waitFor();
    expect(await kiosk.getByTestId('kiosk-error').count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-closed').textContent()).toContain('The office is closed.');
    expect(await space.db.ticket.count({ where: { officeId } })).toBe(0);
    await kiosk.getByTestId('kiosk-closed-start-over').click();
    await kiosk.getByTestId('kiosk-closed').waitFor();
    await setHours(alwaysOpen);
  });
});

describe('the display and the walk-in opening hours', () => {
  it('shows the closed notice as soon as the admin sets hours that exclude now; calls still show', async () => {
    await setHours(alwaysOpen);
    const office = await space.db.office.findUniqueOrThrow({ where: { id: officeId } });
    const service = await space.db.service.findFirstOrThrow({ where: { officeId, code: 'certificato-residenza' } });
    const issued = await new ApiClient(app.url).post('/api/tickets', { serviceId: service.id, lang: 'it' });
    expect(issued.status).toBe(201);

    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await tv.goto(`${app.url}/display?officeId=${officeId}&voice=off`);
    await tv.getByTestId(`display-queue-${service.id}`).waitFor();
    expect(await tv.locator('h1').textContent()).toBe(textOf(office.name).it);
    expect(await tv.getByTestId('display-closed').count()).toBe(0);

    await setHours(closedNow());
    const notice = tv.getByTestId('display-closed');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.locator('[lang="it"]').first().textContent()).toMatch(
      /^Ufficio chiuso — riapre (domani|\S+ \d+ \S+) alle 8:30$/,
    );
    expect(await notice.locator('[lang="en"]').first().textContent()).toMatch(
      /^Office closed — opens again (tomorrow|on \w+day \d+ \w+) at 8:30$/,
    );
    expect(await axeViolations(tv)).toEqual([]);

    // Clerks still serve the people inside: their calls reach the screen under the notice.
    const op = await clerk(app.url, 'operatore1');
    const counter = (await op.get('/api/counters')).body[0];
    expect((await op.post(`/api/counters/${counter.id}/open`)).status).toBe(200);
    const called = await op.post(`/api/counters/${counter.id}/call-next`);
    expect(called.status).toBe(200);
    await tv.getByTestId(`display-call-${called.body.ticket.number}`).waitFor();
    expect(await notice.count()).toBe(1);

    await setHours(alwaysOpen);
    await expect.poll(async () => notice.count(), { timeout: 15_000 }).toBe(0);
  });
});

describe('the admin card of walk-in opening hours', () => {
  it('saves a week of hours and the last-ticket minutes, flags a wrong range', async () => {
    await setHours(alwaysOpen);
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' })).newPage();
    await adminLogin(page, `${app.url}/admin/config/offices`, 'admin');
    const card = page.getByTestId('office-walkin');
    await card.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Monday: a range that ends before it starts is flagged next to its fields, nothing saved.
    await card.getByTestId('walkin-add-1').click();
    const monday = card.getByTestId('walkin-range-1-0');
    await monday.getByTestId('walkin-opens').fill('12:00');
    await monday.getByTestId('walkin-closes').fill('09:00');
    await card.getByTestId('walkin-save').click();
    await monday.getByTestId('walkin-range-error').waitFor();
    expect(await space.db.officeHours.count({ where: { officeId } })).toBe(0);

    await monday.getByTestId('walkin-opens').fill('08:30');
    await monday.getByTestId('walkin-closes').fill('12:30');
    await card.getByTestId('walkin-add-2').click();
    await card.getByTestId('walkin-last').fill('15');
    await card.getByTestId('walkin-save').click();
    await expect.poll(async () => card.getByTestId('walkin-message').textContent()).toMatch(/Orario salvato|Opening hours saved/);
    const office = await space.db.office.findUniqueOrThrow({
      where: { id: officeId },
      include: { hours: { orderBy: { weekday: 'asc' } } },
    });
    expect(office.lastTicketMinutes).toBe(15);
    expect(office.hours.map((h) => [h.weekday, h.opens, h.closes])).toEqual([
      [1, '08:30', '12:30'],
      [2, '08:30', '12:30'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await setHours(alwaysOpen);
  });
});
