// `npm run screenshots:home`: starts Sportello on a scratch database and saves screenshots of where
// the desk and the portal meet under docs/screenshots/: the citizen home (phone 390x844 and
// desktop 1280x900), "Follow a request" at the kiosk (1080x1920 portrait and 1920x1080), and the
// counter's "Open procedure" dialog (1366x900). Needs PostgreSQL, Redis and Chromium.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { clerkAtCounter } from '../test/helpers/e2e';
import { pairNewKiosk } from '../test/helpers/kiosks';
import { CERT_DATA } from '../test/helpers/portal';
import { createTestSpace } from '../test/helpers/services';
import { clerk } from '../test/helpers/sportello';

const OUT = 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
const page = async (width: number, height: number, mobile = false): Promise<Page> =>
  (
    await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: 1,
      isMobile: mobile,
      hasTouch: mobile,
      locale: 'it-IT',
    })
  ).newPage();
const shot = async (p: Page, name: string, fullPage = false) => {
  await p.waitForTimeout(500);
  await p.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`${OUT}/${name}.png`);
};

try {
  const phone = await page(390, 844, true);
  await phone.goto(`${app.url}/?lang=it`);
  await phone.getByTestId('home-office').first().waitFor();
  await shot(phone, 'home-phone');
  await shot(phone, 'home-phone-full', true);
  const desktop = await page(1280, 900);
  await desktop.goto(`${app.url}/?lang=en`);
  await desktop.getByTestId('home-office').first().waitFor();
  await shot(desktop, 'home-desktop');

  const op1 = await clerk(app.url, 'operatore1');
  const family = await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } });
  const opened = await op1.post('/api/procedures/desk', {
    serviceId: family.id,
    citizen: { fiscalCode: 'MRTMTT91D08F205J', email: 'matteo@example.org' },
    data: CERT_DATA,
  });
  await op1.post(`/api/procedures/${opened.body.id}/take`, {});
  for (const [w, h, name] of [
    [1080, 1920, 'kiosk-follow-portrait'],
    [1920, 1080, 'kiosk-follow-landscape'],
  ] as const) {
    const kiosk = await page(w, h);
    await pairNewKiosk(kiosk, app.url);
    await kiosk.goto(`${app.url}/kiosk`);
    await kiosk.getByTestId('kiosk-follow-start').click();
    await kiosk.getByTestId('kiosk-follow').waitFor();
    if (w === 1080) await shot(kiosk, 'kiosk-follow-scan');
    await kiosk.keyboard.type(`${app.url}/portale/track/${opened.body.trackingCode}\n`);
    await kiosk.getByTestId('kiosk-follow-result').waitFor();
    await shot(kiosk, name);
  }

  const counter = await page(1366, 900);
  await clerkAtCounter(counter, app.url, 'operatore1');
  await counter.getByTestId('counter-procedure').click();
  await counter.getByTestId('counter-procedure-fiscal-code').fill('MRTMTT91D08F205J');
  await counter.getByTestId('counter-procedure-theirs').waitFor();
  await counter.getByTestId('counter-procedure-email').fill('matteo@example.org');
  await counter.getByTestId('counter-procedure-service').selectOption(family.id);
  await counter.getByTestId('portal-field-intestatario').fill(CERT_DATA.intestatario);
  await shot(counter, 'counter-procedure');
  await counter.getByTestId('portal-field-uso-scuola').check();
  await counter.getByTestId('portal-field-copie').fill('1');
  await counter.getByTestId('counter-procedure-submit').click();
  await counter.getByTestId('counter-procedure-done').waitFor();
  await shot(counter, 'counter-procedure-done');
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}
