/**
 * The offices and kiosks administration pages in Chromium: an admin adds a time range to a
 * weekday of a service's appointment hours and saves (the API and the slots offered follow), sees
 * a wrong range flagged next to its fields, adds a closure and sees it listed (and the day closed
 * for booking), renames an office; edits a kiosk, registers one and rotates a token, seeing each
 * token exactly once; pairs a kiosk PC's screen through the one-time link and unpairs it; a
 * kiosk's printer status changes on the open page by itself; axe-core finds no violations on
 * either page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from '../../agent/src/agent';
import { hashKioskToken } from '../../server/printing/kiosks';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startCapturePrinter } from '../helpers/capture-printer';
import { registerKiosk } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

const login = (page: Page, to: string) => adminLogin(page, `${app.url}${to}`, 'admin');

/** Local day n days from now in Rome, YYYY-MM-DD. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
const isoWeekday = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('offices and kiosks administration in Chromium', () => {
  it('an admin adds appointment hours on a Saturday, adds a closure and renames the office', async () => {
    const schedule = await space.db.schedule.findFirstOrThrow({
      where: { active: true, office: { isOneStop: false } },
      include: { office: true, service: true },
      orderBy: { id: 'asc' },
    });
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    page.on('dialog', (d) => void d.accept());
    await login(page, '/admin/config/offices');
    await page.getByTestId(`office-manage-${schedule.office.slug}`).click();
    await expect
      .poll(async () => (await page.getByTestId('office-selected').textContent()) ?? '')
      .toContain(schedule.office.name);
    await page.getByTestId('hours-service').selectOption(schedule.serviceId);
    await page.getByTestId('hours-day-1').getByTestId('hours-range-1-0').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Saturday (6) has no hours in the demo: add 18:00–19:00.
    const saturday = page.getByTestId('hours-day-6');
    expect(await saturday.getByTestId('hours-opens').count()).toBe(0);
    await page.getByTestId('hours-add-6').click();
    await saturday.getByTestId('hours-opens').fill('18:00');
    await saturday.getByTestId('hours-closes').fill('19:00');
    // A wrong range on Sunday is named next to its fields, and nothing is saved.
    await page.getByTestId('hours-add-7').click();
    const sunday = page.getByTestId('hours-day-7');
    await sunday.getByTestId('hours-opens').fill('12:00');
    await sunday.getByTestId('hours-closes').fill('11:00');
    await page.getByTestId('hours-save').click();
    await sunday.getByTestId('hours-range-error').waitFor();
    expect(await sunday.getByTestId('hours-opens').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await space.db.scheduleHours.count({ where: { scheduleId: schedule.id, weekday: { in: [6, 7] } } })).toBe(0);
    await sunday.getByRole('button', { name: /Togli/ }).click();
    await page.getByTestId('hours-save').click();
    await expect.poll(async () => (await page.getByTestId('hours-message').textContent()) ?? '').toContain('Orari salvati');

    // The API has the new range at once, and a Saturday offers 18:00 (unless it is a holiday).
    const admin = await clerk(app.url, 'admin');
    const list = await admin.get(`/api/schedules?officeId=${schedule.officeId}`);
    const saved = (
      list.body.schedules as { service: { id: string }; hours: { weekday: number; opens: string; closes: string }[] }[]
    ).find((s) => s.service.id === schedule.serviceId);
    expect(saved?.hours.filter((h) => h.weekday >= 6)).toEqual([{ weekday: 6, opens: '18:00', closes: '19:00' }]);
    expect(saved?.hours.filter((h) => h.weekday === 1)).toEqual([{ weekday: 1, opens: '09:00', closes: '12:30' }]);
    const sat = [2, 3, 4, 5, 6, 7, 8].map(day).find((d) => isoWeekday(d) === 6) as string;
    const avail = await new ApiClient(app.url).get(
      `/api/appointments/availability?serviceId=${schedule.serviceId}&officeId=${schedule.officeId}&from=${sat}&to=${sat}`,
    );
    const satDay = (avail.body.days as { day: string; closed: unknown; slots: { time: string }[] }[]).find((d) => d.day === sat);
    if (!satDay?.closed) expect(satDay?.slots.map((s) => s.time)[0]).toBe('18:00');
    expect(await space.db.auditLog.count({ where: { entity: 'schedule', entityId: schedule.id } })).toBe(1);

    // A closure: listed, and the day is closed for booking.
    const closed = day(9);
    await page.getByTestId('closure-from').fill(closed);
    await page.getByTestId('closure-to').fill(closed);
    await page.getByTestId('closure-reason').fill('Inventario annuale');
    await page.getByTestId('closure-add').click();
    await expect
      .poll(async () => (await page.getByTestId('office-closures').getByTestId('closure-row').allTextContents()).join(' '))
      .toContain('Inventario annuale');
    const closedAvail = await new ApiClient(app.url).get(
      `/api/appointments/availability?serviceId=${schedule.serviceId}&officeId=${schedule.officeId}&from=${closed}&to=${closed}`,
    );
    expect((closedAvail.body.days as { closed: unknown; slots: unknown[] }[])[0]?.closed).toBeTruthy();
    // The last day before the first: flagged next to "last day", nothing added.
    await page.getByTestId('closure-from').fill(day(12));
    await page.getByTestId('closure-to').fill(day(11));
    await page.getByTestId('closure-add').click();
    await page.getByTestId('closure-to-error').waitFor();
    expect(await space.db.closure.count({ where: { officeId: schedule.officeId } })).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Rename the office: the list and the public office list follow.
    await page.getByTestId(`office-edit-${schedule.office.slug}`).click();
    await page.getByTestId('office-dialog').waitFor();
    expect(await page.getByTestId('office-timezone').getAttribute('readonly')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('office-name').fill('Ufficio rinominato');
    await page.getByTestId('office-save').click();
    await page.getByTestId('office-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await page.getByTestId(`office-row-${schedule.office.slug}`).textContent()) ?? '')
      .toContain('Ufficio rinominato');
    const offices = (await new ApiClient(app.url).get('/api/offices')).body as { id: string; name: string }[];
    expect(offices.find((o) => o.id === schedule.officeId)?.name).toBe('Ufficio rinominato');
    expect(await space.db.auditLog.count({ where: { entity: 'office', entityId: schedule.officeId } })).toBe(1);
  });

  it('an admin edits a kiosk, registers one and rotates a token, seeing each token once', async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const admin = await clerk(app.url, 'admin');
    const created = await admin.post('/api/kiosks', {
      officeId: office.id,
      name: 'Chiosco atrio',
      printMode: 'none',
      paperWidth: 58,
    });
    const kioskId = created.body.kiosk.id as string;
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' })).newPage();
    page.on('dialog', (d) => void d.accept());
    await login(page, '/admin/config/kiosks');
    const row = page.getByTestId(`kiosk-row-${kioskId}`);
    await row.waitFor();
    expect(await row.getByTestId('kiosk-status').textContent()).toMatch(/Sconosciuto|Unknown/);
    expect(await axeViolations(page)).toEqual([]);

    // Edit: only the name changes.
    await row.getByTestId('kiosk-edit').click();
    await page.getByTestId('kiosk-dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('kiosk-name-input').fill('Chiosco ingresso');
    await page.getByTestId('kiosk-save').click();
    await page.getByTestId('kiosk-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await row.getByTestId('kiosk-name').textContent()) ?? '').toBe('Chiosco ingresso');
    const update = await space.db.auditLog.findFirstOrThrow({ where: { entity: 'kiosk', entityId: kioskId, action: 'update' } });
    expect(update.after).toMatchObject({ name: 'Chiosco ingresso', paperWidth: 58 });

    // A server-printed kiosk without an address: refused, said next to the address.
    await row.getByTestId('kiosk-edit').click();
    await page.getByTestId('kiosk-print-mode').selectOption('server');
    await page.getByTestId('kiosk-save').click();
    await expect.poll(async () => (await page.getByTestId('kiosk-form-message').textContent()) ?? '').not.toBe('');
    expect(await page.getByTestId('kiosk-interface').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByTestId('kiosk-dialog')
      .getByRole('button', { name: /Annulla|Cancel/ })
      .click();
    expect((await space.db.kiosk.findUniqueOrThrow({ where: { id: kioskId } })).printMode).toBe('none');

    // Rotate: the new token once, and it is the one the database knows.
    await row.getByTestId('kiosk-rotate').click();
    const dialog = page.getByTestId('kiosk-token-dialog');
    await dialog.waitFor();
    const token = await page.getByTestId('kiosk-token').inputValue();
    expect(token).toMatch(/^spk_/);
    expect((await space.db.kiosk.findUniqueOrThrow({ where: { id: kioskId } })).tokenHash).toBe(hashKioskToken(token));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('kiosk-token-done').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    expect(await space.db.auditLog.count({ where: { entity: 'kiosk', entityId: kioskId, action: 'token_rotate' } })).toBe(1);

    // Register a new kiosk: its token is shown once too.
    await page.getByTestId('kiosk-new').click();
    await page.getByTestId('kiosk-name-input').fill('Chiosco primo piano');
    await page.getByTestId('kiosk-save').click();
    await page.getByTestId('kiosk-token-dialog').waitFor();
    const second = await page.getByTestId('kiosk-token').inputValue();
    const k2 = await space.db.kiosk.findFirstOrThrow({ where: { name: 'Chiosco primo piano' } });
    expect(k2.tokenHash).toBe(hashKioskToken(second));
    await page.getByTestId('kiosk-token-done').click();
    await expect.poll(async () => (await page.getByTestId('kiosks-table').textContent()) ?? '').toContain('Chiosco primo piano');
    expect(await page.content()).not.toContain(second);

    // Print preview in a dialog.
    await row.getByTestId('kiosk-preview').click();
    const frame = page.frameLocator('[data-testid="kiosk-preview-frame"]');
    await frame.locator('body').waitFor();
    await expect.poll(async () => (await frame.locator('body').textContent()) ?? '').toContain('001');
    // The preview is a document of its own (with its own header and main): checked on its own.
    expect(await axeViolations(page, '[data-testid="kiosk-preview-frame"]')).toEqual([]);
    const preview = await page.context().newPage();
    await preview.goto(`${app.url}/api/kiosks/${kioskId}/print-preview`);
    expect(await axeViolations(preview)).toEqual([]);
  });

  it('an admin pairs the kiosk PC screen with a one-time link, then unpairs it', async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const admin = await clerk(app.url, 'admin');
    const kiosk = await registerKiosk(admin, { officeId: office.id, name: 'Chiosco atrio', printMode: 'none' });
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' })).newPage();
    page.on('dialog', (d) => void d.accept());
    await login(page, '/admin/config/kiosks');
    const row = page.getByTestId(`kiosk-row-${kiosk.id}`);
    expect(await row.getByTestId('kiosk-screen').textContent()).toMatch(/Not paired|Non abbinato/);
    expect(await row.getByTestId('kiosk-unpair').count()).toBe(0);

    await row.getByTestId('kiosk-pair').click();
    await page.getByTestId('kiosk-pairing-dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const code = (await page.getByTestId('kiosk-pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    const link = await page.getByTestId('kiosk-pairing-link').inputValue();
    expect(link).toBe(`${app.url}/kiosk/pair?code=${code}`);

    // The installer opens the link on the kiosk PC and confirms: that browser is now the kiosk.
    const kioskPc = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await kioskPc.goto(link);
    await kioskPc.getByTestId('kiosk-pair-submit').click();
    await kioskPc.waitForURL(/\/kiosk\?kiosk=/);
    const cookies = await kioskPc.context().cookies();
    expect(cookies.find((c) => c.name === 'sportello_kiosk')?.httpOnly).toBe(true);

    await page.getByTestId('kiosk-pairing-done').click();
    await expect.poll(async () => (await row.getByTestId('kiosk-screen').textContent()) ?? '').toMatch(/Paired on/);
    expect((await space.db.kiosk.findUniqueOrThrow({ where: { id: kiosk.id } })).pairedAt).not.toBeNull();

    await row.getByTestId('kiosk-unpair').click();
    await expect.poll(async () => (await row.getByTestId('kiosk-screen').textContent()) ?? '').toMatch(/Not paired/);
    const after = await space.db.kiosk.findUniqueOrThrow({ where: { id: kiosk.id } });
    expect(after.screenTokenHash).toBeNull();
    expect(await space.db.auditLog.count({ where: { entity: 'kiosk', entityId: kiosk.id, action: 'unpair' } })).toBe(1);
  });

  it("shows a kiosk's printer going online, then out of paper, without a reload", async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const admin = await clerk(app.url, 'admin');
    const kiosk = await registerKiosk(admin, { officeId: office.id, name: 'Chiosco stampa', printMode: 'agent', paperWidth: 80 });
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' })).newPage();
    await login(page, '/admin/config/kiosks');
    const badge = page.getByTestId(`kiosk-row-${kiosk.id}`).getByTestId('kiosk-status');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/Sconosciuto|Unknown/);

    // The kiosk PC starts its agent: the printer answers and the badge turns "online".
    const printer = await startCapturePrinter();
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-agent-'));
    const agent = startAgent({
      url: app.url,
      token: kiosk.token,
      printerInterface: printer.address,
      statusIntervalSeconds: 1,
      stateFile: path.join(stateDir, 'state.json'),
      refusedRetryMs: 60_000,
    });
    try {
      await expect.poll(async () => (await badge.textContent()) ?? '', { timeout: 15_000 }).toMatch(/In linea|Online/);
      // The roll runs out: the next status report reaches the open page by itself.
      printer.paperStatus = 0x0c;
      await expect.poll(async () => (await badge.textContent()) ?? '', { timeout: 15_000 }).toMatch(/Carta esaurita|Paper out/);
    } finally {
      await agent.stop();
      await printer.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
