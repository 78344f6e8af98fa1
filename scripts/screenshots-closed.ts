// Screenshots of the kiosk while its office is closed for walk-ins (docs/screenshots/
// kiosk-closed-portrait-en.png at 1080x1920, kiosk-closed-landscape-it.png at 1920x1080), and of
// its waiting-room display (display-closed.png at 1920x1080, with the people still queued and
// called): the one-stop desk gets weekday hours that exclude now (open only tomorrow), so the
// shots work at any hour.
// Run alone with `node --import tsx scripts/screenshots-closed.ts`; `npm run screenshots` runs it too.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../test/helpers/api';
import { startApp, type TestApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { createTestSpace, type TestSpace } from '../test/helpers/services';

const OUT = 'docs/screenshots';

export async function closedKioskScreenshots(space: TestSpace, app: TestApp, browser: Browser) {
  fs.mkdirSync(OUT, { recursive: true });
  const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
  const weekday =
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
      new Intl.DateTimeFormat('en-GB', { timeZone: office.timeZone, weekday: 'short' }).format(new Date()),
    ) + 1;
  const tomorrow = (weekday % 7) + 1;
  const admin = new ApiClient(app.url);
  await admin.login('admin');
  const setHours = async (hours: { weekday: number; opens: string; closes: string }[]) => {
    const res = await admin.request('PUT', `/api/admin/offices/${office.id}/hours`, { hours, lastTicketMinutes: 15 });
    if (res.status !== 200) throw new Error(`hours: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const closedHours = [
    { weekday: tomorrow, opens: '08:30', closes: '12:30' },
    { weekday: tomorrow, opens: '14:30', closes: '17:00' },
  ];
  await setHours(closedHours);

  for (const [name, viewport, lang] of [
    ['kiosk-closed-portrait-en', { width: 1080, height: 1920 }, 'en'],
    ['kiosk-closed-landscape-it', { width: 1920, height: 1080 }, 'it'],
  ] as const) {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${app.url}/kiosk?lang=${lang}`);
    await page.getByTestId('kiosk-closed').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`${OUT}/${name}.png`);
  }

  // The display: people took numbers before closing time and clerks are still calling them.
  await setHours([]);
  const api = new ApiClient(app.url);
  const desk: { id: string; code: string }[] = (await api.get(`/api/services?officeId=${office.id}&mode=desk`)).body;
  const pick = (code: string) => desk.find((s) => s.code === code)?.id ?? desk[0].id;
  for (const code of [
    'certificato-residenza',
    'tari-informazioni',
    'certificato-stato-famiglia',
    'certificato-residenza',
    'autentica-firma',
    'tari-informazioni',
    'certificato-residenza',
  ]) {
    const issued = await api.post('/api/tickets', { serviceId: pick(code), priority: 'none' });
    if (issued.status !== 201) throw new Error(`ticket: ${issued.status} ${JSON.stringify(issued.body)}`);
  }
  for (const [i, user] of ['operatore2', 'operatore3'].entries()) {
    const clerk = new ApiClient(app.url);
    await clerk.login(user);
    const counters = (await clerk.get('/api/counters')).body;
    await clerk.post(`/api/counters/${counters[i + 1].id}/open`);
    await clerk.post(`/api/counters/${counters[i + 1].id}/call-next`);
  }
  await setHours(closedHours);
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(`${app.url}/display?officeId=${office.id}&voice=off`);
  await display.getByTestId('display-closed').waitFor();
  await display.getByTestId('display-current-call').waitFor();
  await display.waitForTimeout(600);
  await display.screenshot({ path: `${OUT}/display-closed.png` });
  console.log(`${OUT}/display-closed.png`);
}

if (process.argv[1]?.endsWith('screenshots-closed.ts')) {
  const space = await createTestSpace();
  const app = await startApp(space);
  const browser = await launchBrowser();
  try {
    await closedKioskScreenshots(space, app, browser);
  } finally {
    await browser.close();
    await app.stop();
    await space.drop();
  }
}
