// `npm run screenshots`: starts Sportello on a scratch database, plays a short morning, and saves
// screenshots of the four screens under docs/screenshots/ (needs PostgreSQL, Redis and Chromium).
import fs from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { ApiClient } from '../test/helpers/api';
import { startApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { startCapturePrinter } from '../test/helpers/capture-printer';
import { kioskScreen, pairNewKiosk } from '../test/helpers/kiosks';
import { oneStop } from '../test/helpers/sportello';
import { createTestSpace } from '../test/helpers/services';
import { accessKioskScreenshots } from './screenshots-access';
import { adminScreenshots } from './screenshots-admin';
import { closedKioskScreenshots } from './screenshots-closed';
import { waitsScreenshots } from './screenshots-waits';

const OUT = 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const space = await createTestSpace();
// The ticket preview's kiosk prints to a capture printer on loopback: opted in.
const app = await startApp(space, { PRINTER_NETWORKS: '127.0.0.0/8' });
const browser = await launchBrowser();
const page = async (o: BrowserContextOptions): Promise<Page> => (await browser.newContext(o)).newPage();
/** Stops the ticker where its message starts at the left edge, so the shot shows it whole. */
const freezeTicker = async (p: Page) => {
  const track = p.getByTestId('display-ticker-message');
  await track.waitFor();
  await p.waitForTimeout(300);
  await track.evaluate((el) => {
    const [anim] = el.getAnimations();
    if (!anim) return;
    const width = el.parentElement?.clientWidth ?? 0;
    const content = el.scrollWidth;
    const duration = Number(anim.effect?.getComputedTiming().duration ?? 0);
    anim.pause();
    anim.currentTime = (duration * (width - 32)) / (width + content);
  });
};
const shot = async (p: Page, name: string) => {
  await p.waitForTimeout(600);
  await p.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
};

try {
  const api = new ApiClient(app.url);
  const services: { id: string; code: string; mode: string }[] = (await api.get('/api/services')).body;
  const desk = services.filter((s) => s.mode === 'desk');
  const pick = (code: string) => desk.find((s) => s.code === code)?.id ?? desk[0].id;
  const plan: [string, string][] = [
    ['certificato-residenza', 'none'],
    ['tari-informazioni', 'none'],
    ['certificato-stato-famiglia', 'elderly'],
    ['autentica-firma', 'none'],
    ['iscrizione-mensa-scolastica', 'none'],
    ['permesso-ztl', 'disability'],
    ['certificato-residenza', 'none'],
    ['contrassegno-disabili', 'none'],
    ['tari-informazioni', 'pregnancy'],
    ['certificato-stato-famiglia', 'none'],
    ['autentica-firma', 'none'],
    ['certificato-residenza', 'none'],
    ['tessera-elettorale-duplicato', 'none'],
    ['iscrizione-mensa-scolastica', 'none'],
  ];
  // Priority tickets come from a paired kiosk screen.
  const hall = await kioskScreen(app.url, (await oneStop(app.url)).officeId);
  const tickets = [];
  for (const [code, priority] of plan) tickets.push((await hall.post('/api/tickets', { serviceId: pick(code), priority })).body);

  const display = await page({ viewport: { width: 1920, height: 1080 } });
  // The demo's whole-office display, with its ticker.
  await display.goto(`${app.url}/display?display=sala-attesa&voice=off`);

  for (const [i, user] of ['operatore2', 'operatore3', 'operatore4', 'operatore1'].entries()) {
    const clerk = new ApiClient(app.url);
    await clerk.login(user);
    const counters = (await clerk.get('/api/counters')).body;
    await clerk.post(`/api/counters/${counters[i + 1].id}/open`);
    await clerk.post(`/api/counters/${counters[i + 1].id}/call-next`);
  }
  await freezeTicker(display);
  await shot(display, 'display');

  const kiosk = await page({ viewport: { width: 1080, height: 1920 } });
  await pairNewKiosk(kiosk, app.url);
  await kiosk.goto(`${app.url}/kiosk`);
  await shot(kiosk, 'kiosk-portrait-start');
  await kiosk.getByTestId('kiosk-lang-en').click();
  await kiosk.getByTestId('kiosk-category-anagrafe').click();
  await shot(kiosk, 'kiosk-portrait-services-en');
  await kiosk.getByTestId('kiosk-service-certificato-residenza').click();
  await shot(kiosk, 'kiosk-portrait-priority-en');
  await kiosk.getByTestId('kiosk-priority-none').click();
  await kiosk.getByTestId('kiosk-ticket-number').waitFor();
  await shot(kiosk, 'kiosk-portrait-ticket-en');
  const landscape = await page({ viewport: { width: 1920, height: 1080 } });
  await landscape.goto(`${app.url}/kiosk`);
  await shot(landscape, 'kiosk-landscape-start');

  const counter = await page({ viewport: { width: 1366, height: 768 } });
  await counter.goto(`${app.url}/counter`);
  await counter.getByTestId('counter-login-username').fill('operatore5');
  await counter.getByTestId('counter-login-password').fill('sportello');
  await counter.getByTestId('counter-login-submit').click();
  await counter.getByTestId('counter-open-6').click();
  await counter.getByTestId('counter-open-submit').click();
  await counter.getByTestId('counter-call-next').click();
  await counter.getByTestId('counter-start').click();
  await shot(counter, 'counter');

  const waitingTicket = tickets.at(-1);
  const phone = await page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${app.url}/t/${waitingTicket.code}?lang=en`);
  await shot(phone, 'phone-waiting-en');
  const calledCode = (await space.db.ticket.findFirstOrThrow({ where: { status: 'called' } })).code;
  await phone.goto(`${app.url}/t/${calledCode}?lang=it`);
  await shot(phone, 'phone-called-it');
  await freezeTicker(display);
  await shot(display, 'display-after');
  // A display limited to one area (Anagrafe and Stato civile): its name in the header, its queues only.
  const area = await page({ viewport: { width: 1920, height: 1080 } });
  await area.goto(`${app.url}/display?display=anagrafe-stato-civile&voice=off`);
  await area.getByTestId('display-area').waitFor();
  await freezeTicker(area);
  await shot(area, 'display-area');

  // The printed ticket's on-screen preview: a kiosk printing to a (captured) network printer.
  const printer = await startCapturePrinter();
  try {
    const admin = new ApiClient(app.url);
    await admin.login('admin');
    const officeId = (await api.get('/api/offices')).body.find((o: { isOneStop: boolean }) => o.isOneStop).id;
    const kiosk = (
      await admin.post('/api/kiosks', {
        officeId,
        name: 'Ingresso',
        printMode: 'server',
        printerInterface: printer.address,
        locationHint: { it: 'Sportelli al piano terra, sala B', en: 'Counters on the ground floor, hall B' },
      })
    ).body.kiosk;
    // Staff may make any kiosk print (a screen only its own).
    const printed = (await admin.post('/api/tickets', { serviceId: pick('certificato-residenza'), kioskId: kiosk.id })).body;
    const preview = await page({ viewport: { width: 720, height: 780 }, deviceScaleFactor: 1.5 });
    await preview.goto(`${app.url}/api/tickets/${printed.code}/print-preview`);
    await shot(preview, 'ticket-preview');
  } finally {
    await printer.close();
  }
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}

// The supervisor screens, on a fresh office of their own (a morning in progress and a past week).
{
  const space2 = await createTestSpace();
  const app2 = await startApp(space2);
  const browser2 = await launchBrowser();
  try {
    await adminScreenshots(space2, app2, browser2);
  } finally {
    await browser2.close();
    await app2.stop();
    await space2.drop();
  }
}

// The kiosk of an office closed for walk-ins, on a space of its own (its hours exclude now).
{
  const space3 = await createTestSpace();
  const app3 = await startApp(space3);
  const browser3 = await launchBrowser();
  try {
    await closedKioskScreenshots(space3, app3, browser3);
  } finally {
    await browser3.close();
    await app3.stop();
    await space3.drop();
  }
}

// The kiosk's accessibility modes: low layout, high contrast, large text.
{
  const space4 = await createTestSpace();
  const app4 = await startApp(space4);
  const browser4 = await launchBrowser();
  try {
    await accessKioskScreenshots(space4, app4, browser4);
  } finally {
    await browser4.close();
    await app4.stop();
    await space4.drop();
  }
}

// Live waits on a phone and the staffing forecast, on the simulated desk's eight past weeks.
{
  const space5 = await createTestSpace();
  const app5 = await startApp(space5);
  const browser5 = await launchBrowser();
  try {
    await waitsScreenshots(space5, app5, browser5);
  } finally {
    await browser5.close();
    await app5.stop();
    await space5.drop();
  }
}
