// Screenshots of the supervisor screens (docs/screenshots/admin-live.png, admin-stats.png,
// admin-stats-appointments.png) at 1920x1080: a morning in progress for the live view, a
// generated week for the statistics; and of the admin's configuration: displays
// (admin-displays.png, admin-displays-edit.png), offices (admin-offices.png, whole page) and
// kiosks (admin-kiosks.png).
// Run alone with `node --import tsx scripts/screenshots-admin.ts`; `npm run screenshots` runs it too.
import fs from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/helpers/api';
import { startApp, type TestApp } from '../test/helpers/app';
import { adminLogin } from '../test/helpers/axe';
import { launchBrowser } from '../test/helpers/browser';
import { createTestSpace, type TestSpace } from '../test/helpers/services';
import { generateAppointments, generateDay } from '../test/helpers/stats-day';

const OUT = 'docs/screenshots';

async function login(page: Page, url: string, username: string) {
  await adminLogin(page, `${url}/admin/live`, username);
  await page.getByTestId('admin-live').waitFor();
}

export async function adminScreenshots(space: TestSpace, app: TestApp, browser: Browser): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const today = DateTime.now().setZone('Europe/Rome');
  // A past week for the statistics (about 390 visits a day, like a real one-stop desk).
  // and the appointments of the registry office (Anagrafe) over the same week.
  const registry = (await space.db.service.findFirstOrThrow({ where: { code: 'carta-identita-elettronica' } })).officeId;
  for (let d = 7; d >= 1; d--) {
    const day = today.minus({ days: d });
    if (day.weekday >= 6) continue;
    await generateDay(space, { day: day.toISODate() as string, tickets: 390, seed: d });
    await generateAppointments(space, { day: day.toISODate() as string, count: 40 + d * 3, officeId: registry, seed: 100 + d });
  }

  // This morning: clerks at five of six counters, people waiting, one queue nobody serves.
  const api = new ApiClient(app.url);
  const services: { id: string; code: string; mode: string; officeId: string; prefix: string }[] = (
    await api.get('/api/services')
  ).body;
  const office = (await api.get('/api/offices')).body.find((o: { isOneStop: boolean }) => o.isOneStop);
  const desk = services.filter((s) => s.mode === 'desk' && s.officeId === office.id);
  const byCode = (code: string) => desk.find((s) => s.code === code)?.id ?? desk[0].id;
  const plan = [
    'certificato-residenza',
    'tari-informazioni',
    'certificato-stato-famiglia',
    'autentica-firma',
    'iscrizione-mensa-scolastica',
    'permesso-ztl',
    'certificato-residenza',
    'contrassegno-disabili',
    'tari-informazioni',
    'carta-identita-elettronica',
    'autentica-firma',
    'certificato-residenza',
    'tessera-elettorale-duplicato',
    'iscrizione-mensa-scolastica',
    'carta-identita-elettronica',
    'permesso-ztl',
    'certificato-residenza',
    'tari-informazioni',
  ];
  const tickets: { id: string; code: string }[] = [];
  for (const code of plan) tickets.push((await api.post('/api/tickets', { serviceId: byCode(code), priority: 'none' })).body);
  // Two citizens have been waiting a while (above their services' targets).
  const counters = (await space.db.counter.findMany({ where: { officeId: office.id }, orderBy: { number: 'asc' } })).map(
    (c) => c.id,
  );
  const noMobility = desk.filter((s) => !['permesso-ztl', 'contrassegno-disabili'].includes(s.code)).map((s) => s.id);
  const clerks: ApiClient[] = [];
  for (const [i, user] of ['operatore1', 'operatore2', 'operatore3', 'operatore4', 'operatore6'].entries()) {
    const c = new ApiClient(app.url);
    await c.login(user);
    clerks.push(c);
    const mine: { id: string; officeId: string }[] = (await c.get('/api/staff/me/services')).body;
    const serve = mine.filter((s) => s.officeId === office.id && noMobility.includes(s.id)).map((s) => s.id);
    await c.post(`/api/counters/${counters[i]}/open`, { serviceIds: serve });
  }
  for (const [i, c] of clerks.entries()) {
    if (i === 3) continue;
    const r = await c.post(`/api/counters/${counters[i]}/call-next`);
    if (i % 2 === 0 && r.status === 200) await c.post(`/api/tickets/${r.body.ticket.id}/start`);
  }
  await clerks[3].post(`/api/counters/${counters[3]}/pause`);
  // Some citizens have waited a while (above their services' targets): the ones still waiting.
  const waiting = await space.db.ticket.findMany({ where: { status: 'waiting' }, orderBy: { queuedAt: 'asc' } });
  for (const [i, minutes] of [38, 31, 24, 19, 12, 9, 6].entries()) {
    if (!waiting[i]) break;
    const at = new Date(Date.now() - minutes * 60_000);
    await space.db.ticket.update({ where: { id: waiting[i].id }, data: { queuedAt: at, issuedAt: at } });
  }
  // Calls happened a few minutes ago.
  await space.db
    .$executeRaw`UPDATE "Ticket" SET "calledAt" = "calledAt" - interval '4 minutes', "startedAt" = "startedAt" - interval '3 minutes' WHERE status IN ('called', 'serving')`;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  await space.db.kiosk.create({
    data: {
      officeId: office.id,
      name: 'Chiosco ingresso',
      tokenHash: 'screenshot-kiosk',
      printMode: 'server',
      printerInterface: 'tcp://192.168.1.50:9100',
      printerStatus: 'paper_out',
      lastSeenAt: minutesAgo(3),
      locationHint: { it: 'Sportelli al piano terra, sala B' },
    },
  });
  await space.db.kiosk.create({
    data: {
      officeId: office.id,
      name: 'Chiosco primo piano',
      tokenHash: 'screenshot-kiosk-2',
      printMode: 'server',
      printerInterface: 'tcp://192.168.1.51:9100',
      printerType: 'custom',
      paperWidth: 58,
      printerStatus: 'online',
      lastSeenAt: minutesAgo(1),
    },
  });

  const page = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT', timezoneId: 'Europe/Rome' })
  ).newPage();
  await login(page, app.url, 'supervisore');
  await page.getByTestId('admin-counters').waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/admin-live.png` });
  console.log(`${OUT}/admin-live.png`);

  await page.getByTestId('admin-nav-stats').click();
  await page.getByTestId('admin-stats-from').fill(today.minus({ days: 7 }).toISODate() as string);
  await page.getByTestId('admin-stats-to').fill(today.minus({ days: 1 }).toISODate() as string);
  await page.getByTestId('admin-stats-groupby').selectOption('hour');
  await page.getByTestId('admin-stats-submit').click();
  await page.getByTestId('admin-stats-chart-visits').locator('svg').first().waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${OUT}/admin-stats.png` });
  console.log(`${OUT}/admin-stats.png`);

  // The registry office's appointments by day.
  await page.getByTestId('admin-office').selectOption(registry);
  await page.getByTestId('admin-stats-groupby').selectOption('day');
  await page.getByTestId('admin-stats-submit').click();
  const appointments = page.getByTestId('admin-stats-appointments');
  await appointments.getByTestId('admin-stats-chart-appointments').locator('svg').first().waitFor();
  await appointments.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  await appointments.screenshot({ path: `${OUT}/admin-stats-appointments.png` });
  console.log(`${OUT}/admin-stats-appointments.png`);
  await displayScreenshots(app, browser);
  await configScreenshots(space, app, browser, office.id);
}

/** The services list (admin-config.png), and the displays' configuration: the list and the edit dialog of the demo's area display. */
export async function displayScreenshots(app: TestApp, browser: Browser): Promise<void> {
  const page = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT', timezoneId: 'Europe/Rome' })
  ).newPage();
  await adminLogin(page, `${app.url}/admin/config/services`, 'admin');
  await page.getByTestId('services-table').waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/admin-config.png` });
  console.log(`${OUT}/admin-config.png`);

  await page.getByTestId('admin-nav-displays').click();
  await page.getByTestId('display-row-anagrafe-stato-civile').waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/admin-displays.png` });
  console.log(`${OUT}/admin-displays.png`);
  await page.getByTestId('display-edit-anagrafe-stato-civile').click();
  await page.getByTestId('display-dialog').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/admin-displays-edit.png` });
  console.log(`${OUT}/admin-displays-edit.png`);
}

/** The admin's offices page (walk-in opening hours, hours of an appointment service, a closure) and kiosks page. */
async function configScreenshots(space: TestSpace, app: TestApp, browser: Browser, oneStopId: string) {
  await space.db.kiosk.create({
    data: {
      officeId: oneStopId,
      name: 'Chiosco ufficio anagrafe',
      tokenHash: 'screenshot-kiosk-3',
      printMode: 'agent',
      printerStatus: 'paper_low',
      lastSeenAt: new Date(Date.now() - 12 * 60_000),
    },
  });
  await space.db.kiosk.create({
    data: { officeId: oneStopId, name: 'Chiosco vecchio', tokenHash: 'screenshot-kiosk-4', printMode: 'none', active: false },
  });
  const schedule = await space.db.schedule.findFirstOrThrow({
    where: { office: { isOneStop: false } },
    include: { office: true },
    orderBy: { id: 'asc' },
  });
  const admin = new ApiClient(app.url);
  await admin.login('admin');
  const in10 = DateTime.now().setZone('Europe/Rome').plus({ days: 10 });
  const closure = await admin.post('/api/schedules/closures', {
    officeId: schedule.officeId,
    fromDay: in10.toISODate(),
    toDay: in10.plus({ days: 2 }).toISODate(),
    reason: { it: 'Trasloco archivio', en: 'Moving the archive' },
  });
  if (closure.status !== 201) throw new Error(`closure not added: ${JSON.stringify(closure.body)}`);
  // Walk-in opening hours of that office: mornings, Tuesday and Thursday afternoons too.
  await admin.request('PUT', `/api/admin/offices/${schedule.officeId}/hours`, {
    hours: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, opens: '08:30', closes: '12:30' },
      ...(weekday === 2 || weekday === 4 ? [{ weekday, opens: '14:30', closes: '17:00' }] : []),
    ]),
    lastTicketMinutes: 15,
  });

  const page = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT', timezoneId: 'Europe/Rome' })
  ).newPage();
  await adminLogin(page, `${app.url}/admin/config/offices`, 'admin');
  await page.getByTestId(`office-manage-${schedule.office.slug}`).click();
  await page.getByTestId('hours-service').selectOption(schedule.serviceId);
  await page.getByTestId('closure-row').first().waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/admin-offices.png`, fullPage: true });
  console.log(`${OUT}/admin-offices.png`);

  await page.getByTestId('admin-nav-kiosks').click();
  await page.getByTestId('admin-office').selectOption(oneStopId);
  await page.getByTestId('kiosks-table').waitFor();
  await page.mouse.move(0, 1079);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/admin-kiosks.png` });
  console.log(`${OUT}/admin-kiosks.png`);
}

if (process.argv[1]?.endsWith('screenshots-admin.ts')) {
  const space = await createTestSpace();
  const app = await startApp(space);
  const browser = await launchBrowser();
  try {
    await adminScreenshots(space, app, browser);
  } finally {
    await browser.close();
    await app.stop();
    await space.drop();
  }
}
