/**
 * Live waits and the staffing forecast in Chromium: `/attese` on a phone (390x844) — open now,
 * the people waiting and the estimate, updated by itself as the queue moves, the best-time
 * chart, the link from the booking page — and the supervisor's forecast screen on a laptop
 * (1366x768). axe-core checks both. The past is the known one of test/helpers/waits-history.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { HISTORY, writeWaitsHistory } from '../helpers/waits-history';

let space: TestSpace;
let app: TestApp;
let browser: Browser;
let officeId: string;
let serviceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  const office = await space.db.office.findFirstOrThrow({ where: { slug: 'sportello-unico' } });
  officeId = office.id;
  serviceId = (await space.db.service.findFirstOrThrow({ where: { code: 'certificato-residenza' } })).id;
  await space.db.officeHours.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ officeId, weekday, opens: '00:00', closes: '24:00' })),
  });
  await space.db.patronDay.deleteMany({ where: { officeId } });
  const counters = await space.db.counter.findMany({ where: { officeId }, orderBy: { number: 'asc' } });
  await writeWaitsHistory(space.db, { officeId, serviceId, counterIds: counters.map((c) => c.id), timeZone: 'Europe/Rome' });
  // The page polls every refreshSeconds; the test does not wait 30 s for it.
  app = await startApp(space, { PUBLIC_WAITS_REFRESH_SECONDS: '2' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

const phone = async (): Promise<Page> =>
  (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true })
  ).newPage();

describe('/attese', () => {
  it('shows the office open, the queue per service updating by itself, and the best time to come', async () => {
    const page = await phone();
    await page.goto(`${app.url}/attese`);
    await expect.poll(() => page.getByTestId('waits-status').getAttribute('data-open')).toBe('true');
    await expect.poll(() => page.getByTestId('waits-status').textContent()).toContain('Aperto ora');
    // The best time to come: the quiet afternoon hour first, the chart with its medians.
    await expect.poll(() => page.getByTestId('waits-best').textContent()).toContain(`${HISTORY.afternoon.hour}:00`);
    const chart = page.getByTestId('waits-chart');
    expect(await chart.locator('tbody tr').count()).toBe(HISTORY.afternoon.hour - HISTORY.morning.hour + 1);
    expect(await chart.locator('thead th').count()).toBe(8);
    await expect.poll(() => chart.textContent()).toContain(`${HISTORY.morning.waitMinutes} min`);

    // The desk has ~90 services, eight shown at first: searching narrows the list to the one.
    await page.getByPlaceholder('Cerca un servizio').fill('residenza');
    await expect.poll(() => page.getByTestId('waits-service').count()).toBeLessThan(4);
    // Nobody waits yet; then three tickets and an open counter, and the page follows by itself.
    const row = page.getByTestId('waits-service').filter({ hasText: 'Certificato di residenza' });
    await expect.poll(() => row.textContent()).toContain('nessuno in attesa');
    const kiosk = new ApiClient(app.url);
    for (let i = 0; i < 3; i++) expect((await kiosk.post('/api/tickets', { serviceId })).status).toBe(201);
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const counters = (await clerk.get('/api/counters')).body as { id: string; number: number; officeId: string }[];
    await clerk.post(`/api/counters/${counters.find((c) => c.officeId === officeId && c.number === 1)!.id}/open`);
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('3 persone in attesa');
    await expect.poll(() => row.textContent()).toMatch(/circa \d+ min/);

    expect(await axeViolations(page)).toEqual([]);

    // In English on request, and linked from the booking page.
    await page.getByTestId('waits-lang-en').click();
    await expect.poll(() => page.getByTestId('waits-status').textContent()).toContain('Open now');
    const book = await phone();
    await book.goto(`${app.url}/book`);
    await book.getByTestId('book-waits-link').click();
    await book.getByTestId('waits-office').waitFor();
    expect(new URL(book.url()).pathname).toBe('/attese');
  });
});

describe('staffing forecast screen', () => {
  it('shows, per day and hour, the arrivals expected and the counters needed next to those usually open', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'it-IT' })).newPage();
    await adminLogin(page, `${app.url}/admin/forecast`, 'supervisore');
    await page.getByTestId('admin-forecast-basis').waitFor({ timeout: 30_000 });
    const days = page.getByTestId('admin-forecast-day');
    await expect.poll(() => days.count()).toBe(5);
    const table = page.getByTestId('admin-forecast-table').first();
    const morning = table.locator('tbody tr').filter({ has: page.locator(`th:text-is("${HISTORY.morning.hour}:00")`) });
    await expect.poll(() => morning.locator('td').first().textContent()).toBe(String(HISTORY.morning.tickets));
    // Two counters usually open at 10:00, and the needed ones are shown.
    await expect.poll(() => morning.locator('td').nth(3).textContent()).toContain(String(HISTORY.counters.count));
    expect(Number(await morning.getByTestId('admin-forecast-needed').textContent())).toBeGreaterThanOrEqual(1);

    // A higher share never asks for fewer counters.
    const before = Number((await morning.getByTestId('admin-forecast-needed').textContent())?.match(/\d+/)?.[0]);
    await page.getByTestId('admin-forecast-share').selectOption('0.95');
    await expect
      .poll(async () => Number((await morning.getByTestId('admin-forecast-needed').textContent())?.match(/\d+/)?.[0]))
      .toBeGreaterThanOrEqual(before);
    await page.getByTestId('admin-forecast-days').selectOption('1');
    await expect.poll(() => days.count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
  });
});
