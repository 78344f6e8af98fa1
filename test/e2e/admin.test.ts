import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { startApp, type TestApp } from '../helpers/app';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clientWithCookie, countersByNumber, issue, oneStop, openCounter, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let browser: Browser;
let os: OneStop;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
  os = await oneStop(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

const login = (page: Page, username: string) => adminLogin(page, `${app.url}/admin/live`, username);

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('supervisor screens in Chromium', () => {
  it('a supervisor watches the office live, moves a ticket, and downloads the statistics', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })).newPage();
    await page.goto(`${app.url}/admin/live`);
    await page.getByTestId('admin-login-username').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await login(page, 'supervisore');
    await page.getByTestId('admin-counters').waitFor();
    const before = Number(await text(page, 'admin-live-waiting-total'));

    // A citizen takes a ticket: the live view updates by itself.
    const kiosk = new ApiClient(app.url);
    const [first, second] = [...os.byPrefix.values()];
    const t = await issue(kiosk, first.id);
    await expect.poll(() => text(page, 'admin-live-waiting-total')).toBe(String(before + 1));
    await expect.poll(() => text(page, `admin-queue-${first.id}-waiting`)).toBe('1');
    // Nobody serves it yet: an alert says so.
    await expect
      .poll(async () => page.getByTestId('admin-alerts').locator('[data-kind="queue_unserved"]').count())
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // The supervisor moves it to another service; the number stays.
    await page.getByTestId(`admin-queue-${first.id}-move`).click();
    await page.getByTestId(`admin-move-ticket-${t.number}`).check();
    await page.getByTestId('admin-move-target').selectOption(second.id);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('admin-move-submit').click();
    await expect.poll(() => text(page, 'admin-message')).toContain(t.number);
    await expect.poll(() => text(page, `admin-queue-${second.id}-waiting`)).toBe('1');

    // A clerk calls it at counter 1: the counter row shows the number.
    const clerk = new ApiClient(app.url);
    await clerk.login('operatore1');
    const c1 = (await countersByNumber(space, os.officeId)).get(1)!.id;
    await openCounter(clerk, c1, [second.id]);
    expect((await clerk.post(`/api/counters/${c1}/call-next`)).body.ticket.number).toBe(t.number);
    await expect.poll(() => text(page, 'admin-counter-1-ticket')).toBe(t.number);
    expect(await page.getByTestId('admin-counter-1').getAttribute('data-activity')).toBe('called');
    // With a ticket at it the counter cannot be closed; its services can be changed.
    expect(await page.getByTestId('admin-counter-1-close').isDisabled()).toBe(true);
    await page.getByTestId('admin-counter-1-services').click();
    await page.getByTestId(`admin-service-${first.id}`).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('admin-services-submit').click();
    await expect
      .poll(async () => (await space.db.counter.findUniqueOrThrow({ where: { id: c1 } })).serviceIds.sort())
      .toEqual([first.id, second.id].sort());
    await clerk.post(`/api/tickets/${t.id}/complete`, {});
    // Now it can be closed, after a confirmation.
    await expect.poll(() => page.getByTestId('admin-counter-1-close').isDisabled()).toBe(false);
    await page.getByTestId('admin-counter-1-close').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('admin-close-confirm').click();
    await expect.poll(() => page.getByTestId('admin-counter-1').getAttribute('data-activity')).toBe('closed');

    // A citizen's online request, for the procedures' figures.
    const citizen = await signedInCitizen(app, 'stats-citizen@example.org');
    const certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
    expect(
      (await citizen.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP })).status,
    ).toBe(201);
    // The live view counts it at once.
    await expect.poll(() => text(page, 'admin-live-procedures-open')).toBe('1');

    // Statistics: today, by service, and the CSV.
    await page.getByTestId('admin-nav-stats').click();
    await page.getByTestId('admin-stats-table').waitFor();
    // The procedures: one open now, received today.
    await expect.poll(() => text(page, 'admin-stats-backlog-open')).toBe('1');
    expect(await page.getByTestId('admin-stats-procedures-table').locator('tfoot td').first().textContent()).toBe('1');
    await expect.poll(() => text(page, 'admin-stats-total-issued')).toBe('1');
    await page.getByTestId('admin-stats-groupby').selectOption('service');
    await page.getByTestId('admin-stats-submit').click();
    await expect.poll(async () => page.getByTestId('admin-stats-table').locator('tbody tr').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('admin-stats-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^sportello-stats-service-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['group_by', 'key', 'name', 'issued', 'served']);
    const total = lines.at(-1)!.split(',');
    expect(total.slice(0, 2)).toEqual(['service', 'total']);
    expect(total.slice(3, 9)).toEqual(['1', '1', '0', '0', '1', '1']);
    // The moved ticket: issued for the first service, served (and called) for the second.
    const row = (id: string) => lines.find((l) => l.split(',')[1] === id)?.split(',');
    expect(row(first.id)?.slice(3, 5)).toEqual(['1', '0']);
    expect(row(second.id)?.slice(3, 5)).toEqual(['0', '1']);

    // Appointments of a specialist office: two booked today, one of them cancelled since.
    const appt = os.appointment[0];
    const now = Date.now();
    for (const [code, cancelled] of [
      ['E2EAPPT1', false],
      ['E2EAPPT2', true],
    ] as const) {
      await space.db.appointment.create({
        data: {
          code,
          officeId: appt.officeId,
          serviceId: appt.id,
          startsAt: new Date(now + 86_400_000 * 3),
          endsAt: new Date(now + 86_400_000 * 3 + 900_000),
          day: '2099-01-01',
          createdAt: new Date(now - 60_000),
          ...(cancelled ? { status: 'cancelled', cancelledAt: new Date(now - 30_000) } : {}),
        },
      });
    }
    await page.getByTestId('admin-office').selectOption(appt.officeId);
    const apptTotals = page.getByTestId('admin-stats-appointments-table').locator('tfoot td');
    await expect.poll(async () => (await apptTotals.allTextContents()).map((s) => s.trim())).toEqual(['2', '0', '1', '0']);
    expect(await axeViolations(page)).toEqual([]);

    // Every string is translated.
    await page.getByTestId('admin-lang-en').click();
    await expect.poll(async () => (await page.locator('h1').textContent()) ?? '').toContain('Statistics');
    await page.getByTestId('admin-nav-live').click();
    await expect.poll(async () => (await page.locator('h1').textContent()) ?? '').toContain('Live view');
  });

  it('a live view whose login ends elsewhere goes back to the login form', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await login(page, 'supervisore');
    await page.getByTestId('admin-live').waitFor();
    // The same login, logged out from another tab or device.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await clientWithCookie(app.url, cookie).post('/api/auth/logout')).status).toBeLessThan(300);
    await page.getByTestId('admin-login-username').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('admin-live').count()).toBe(0);
  });

  it('a supervisor whose password the admin chose must change it first; the demo is marked', async () => {
    await space.db.staff.update({ where: { username: 'supervisore' }, data: { mustChangePassword: true } });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await login(page, 'supervisore');
    // Only the change form, nothing of the office.
    await page.getByTestId('password-required').waitFor();
    expect(await page.getByTestId('admin-live').count()).toBe(0);
    expect(await page.getByTestId('demo-badge').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('password-current').fill('sportello');
    await page.getByTestId('password-new').fill('supervisore');
    await page.getByTestId('password-repeat').fill('supervisore');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => text(page, 'password-error'), { timeout: 15_000 }).toMatch(/username|nome utente/);
    await page.getByTestId('password-current').fill('sportello');
    await page.getByTestId('password-new').fill('my own good password');
    await page.getByTestId('password-repeat').fill('my own good password');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('admin-live').waitFor();
    const row = await space.db.staff.findUniqueOrThrow({ where: { username: 'supervisore' } });
    expect(row.mustChangePassword).toBe(false);

    // Later, from the top bar: the same form in a dialog.
    await page.getByTestId('admin-password').click();
    await page.getByTestId('password-dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('password-current').fill('my own good password');
    await page.getByTestId('password-new').fill('and another one again');
    await page.getByTestId('password-repeat').fill('and another one again');
    await page.getByTestId('password-submit').click();
    // Checking and hashing with bcrypt cost 12 takes a while on a busy machine.
    await page.getByTestId('password-dialog').waitFor({ state: 'detached' });
    expect(
      (await new ApiClient(app.url).post('/api/auth/login', { username: 'supervisore', password: 'and another one again' }))
        .status,
    ).toBe(200);
    // Back to the demo password for the other tests.
    await space.db.staff.update({
      where: { username: 'supervisore' },
      data: { passwordHash: (await space.db.staff.findUniqueOrThrow({ where: { username: 'admin' } })).passwordHash },
    });
  });

  it('refuses a clerk', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await login(page, 'operatore2');
    await page.getByTestId('admin-denied').waitFor();
    expect(await page.getByTestId('admin-live').count()).toBe(0);
  });
});
