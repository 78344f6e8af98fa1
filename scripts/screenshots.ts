// `npm run screenshots`: starts Sportello on a scratch database, plays a short morning, and saves
// screenshots of the four screens under docs/screenshots/ (needs PostgreSQL, Redis and Chromium).
import fs from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { ApiClient } from '../test/helpers/api';
import { startApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { createTestSpace } from '../test/helpers/services';

const OUT = 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
const page = async (o: BrowserContextOptions): Promise<Page> => (await browser.newContext(o)).newPage();
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
    ['certificato-residenza', 'none'], ['tari-informazioni', 'none'], ['certificato-stato-famiglia', 'elderly'],
    ['autentica-firma', 'none'], ['iscrizione-mensa-scolastica', 'none'], ['permesso-ztl', 'disability'],
    ['certificato-residenza', 'none'], ['contrassegno-disabili', 'none'], ['tari-informazioni', 'pregnancy'],
    ['certificato-stato-famiglia', 'none'], ['autentica-firma', 'none'], ['certificato-residenza', 'none'],
    ['tessera-elettorale-duplicato', 'none'], ['iscrizione-mensa-scolastica', 'none'],
  ];
  const tickets = [];
  for (const [code, priority] of plan) tickets.push((await api.post('/api/tickets', { serviceId: pick(code), priority })).body);

  const display = await page({ viewport: { width: 1920, height: 1080 } });
  await display.goto(`${app.url}/display?voice=off`);

  for (const [i, user] of ['operatore2', 'operatore3', 'operatore4', 'operatore1'].entries()) {
    const clerk = new ApiClient(app.url);
    await clerk.login(user);
    const counters = (await clerk.get('/api/counters')).body;
    await clerk.post(`/api/counters/${counters[i + 1].id}/open`);
    await clerk.post(`/api/counters/${counters[i + 1].id}/call-next`);
  }
  await shot(display, 'display');

  const kiosk = await page({ viewport: { width: 1080, height: 1920 } });
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
  await shot(display, 'display-after');
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}
