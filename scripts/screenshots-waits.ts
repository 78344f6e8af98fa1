// Screenshots of the live waits page on a phone (docs/screenshots/waits-phone.png, 390x844, and
// waits-phone-full.png, the whole page with the best-time chart) and of the staffing forecast
// (admin-forecast.png, 1280x800). The one-stop desk gets eight weeks of the simulated desk's past
// (sim/history.ts, the same as `npm run sim` learns from) up to yesterday, so the chart, the
// estimates and the forecast have real material; today it takes walk-ins all day (so the shots
// work at any hour), four clerks are at their counters and people are waiting.
// Run alone with `node --import tsx scripts/screenshots-waits.ts`; `npm run screenshots` runs it too.
import fs from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { prepareOffice } from '../sim/office';
import { writeHistory } from '../sim/history';
import { ApiClient } from '../test/helpers/api';
import { startApp, type TestApp } from '../test/helpers/app';
import { adminLogin } from '../test/helpers/axe';
import { launchBrowser } from '../test/helpers/browser';
import { createTestSpace, type TestSpace } from '../test/helpers/services';

const OUT = 'docs/screenshots';

/** The morning's walk-ins, busiest services first (codes of the demo catalogue). */
const TICKETS: [code: string, count: number][] = [
  ['certificato-residenza', 5],
  ['tari-informazioni', 4],
  ['certificato-stato-famiglia', 3],
  ['autentica-firma', 3],
  ['iscrizione-mensa-scolastica', 2],
  ['permesso-ztl', 2],
  ['tessera-elettorale-duplicato', 1],
];

export async function waitsScreenshots(space: TestSpace, app: TestApp, browser: Browser): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const office = await prepareOffice(space.db);
  const today = DateTime.now().setZone(office.timeZone);
  const past = await writeHistory(space.databaseUrl, office, { before: today.toISODate()!, weeks: 8, seed: 13 });
  console.log(`${past} past tickets written`);
  // Open for walk-ins from midnight to a few hours from now, whatever the hour the script runs at
  // (the forecast shows the coming days, whose hours stay the simulated desk's).
  const closes = today.hour >= 20 ? '24:00' : `${String(today.hour + 4).padStart(2, '0')}:00`;
  await space.db.officeHours.deleteMany({ where: { officeId: office.officeId, weekday: today.weekday } });
  await space.db.officeHours.create({ data: { officeId: office.officeId, weekday: today.weekday, opens: '00:00', closes } });

  const kiosk = new ApiClient(app.url);
  for (const [code, count] of TICKETS) {
    const service = office.services.get(code);
    if (!service) continue;
    for (let i = 0; i < count; i++) {
      const r = await kiosk.post('/api/tickets', { serviceId: service.id, priority: 'none' });
      if (r.status !== 201) throw new Error(`ticket: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
  for (const n of [1, 2, 3, 4]) {
    const counter = office.counters.get(n)!;
    const clerk = new ApiClient(app.url);
    await clerk.login(counter.actor.username);
    const open = await clerk.post(`/api/counters/${counter.id}/open`);
    if (open.status !== 200) throw new Error(`open: ${open.status} ${JSON.stringify(open.body)}`);
    if (n <= 3) await clerk.post(`/api/counters/${counter.id}/call-next`);
  }

  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
      locale: 'it-IT',
      timezoneId: office.timeZone,
    })
  ).newPage();
  await phone.goto(`${app.url}/attese?lang=it`);
  await phone.getByTestId('waits-chart').waitFor({ timeout: 60_000 });
  await phone.getByTestId('waits-service').first().waitFor();
  await phone.waitForTimeout(600);
  await phone.screenshot({ path: `${OUT}/waits-phone.png` });
  console.log(`${OUT}/waits-phone.png`);
  await phone.screenshot({ path: `${OUT}/waits-phone-full.png`, fullPage: true });
  console.log(`${OUT}/waits-phone-full.png`);

  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT', timezoneId: office.timeZone })
  ).newPage();
  await adminLogin(page, `${app.url}/admin/forecast`, 'supervisore');
  await page.getByTestId('admin-forecast-basis').waitFor({ timeout: 120_000 });
  await page.getByTestId('admin-forecast-day').first().waitFor();
  // The pointer of the login click would leave a tooltip open over the chart.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/admin-forecast.png` });
  console.log(`${OUT}/admin-forecast.png`);
}

if (process.argv[1]?.endsWith('screenshots-waits.ts')) {
  const space = await createTestSpace();
  const app = await startApp(space);
  const browser = await launchBrowser();
  try {
    await waitsScreenshots(space, app, browser);
  } finally {
    await browser.close();
    await app.stop();
    await space.drop();
  }
}
