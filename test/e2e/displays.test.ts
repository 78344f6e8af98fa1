/**
 * Configurable displays in Chromium: an admin creates a display limited to one area with a
 * ticker message; a display tab shows only that area's queues and calls and the ticker; the admin
 * edits the ticker and the open display shows the new text without a reload; reduced motion
 * stops the scrolling; an unknown display says so; a call is spoken in Italian and in the
 * ticket holder's language. axe-core on the admin screen and the display.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, countersByNumber, issue, openCounter } from '../helpers/sportello';

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

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');

describe('configurable displays in Chromium', () => {
  it('an admin limits a display to one area with a ticker; the open display follows edits live', async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const tributi = await space.db.service.findFirstOrThrow({
      where: { officeId: office.id, active: true, mode: 'desk', category: { slug: 'tributi' } },
      orderBy: { sortOrder: 'asc' },
    });
    const anagrafe = await space.db.service.findFirstOrThrow({
      where: { officeId: office.id, active: true, mode: 'desk', category: { slug: 'anagrafe' } },
      orderBy: { sortOrder: 'asc' },
    });
    const citizen = new ApiClient(app.url);
    const a = await issue(citizen, anagrafe.id);
    const t = await issue(citizen, tributi.id);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const admin = await context.newPage();
    admin.on('dialog', (d) => void d.accept());
    await adminLogin(admin, `${app.url}/admin/config/displays`, 'admin');
    await admin.getByTestId('display-row-sala-attesa').waitFor();
    expect(await text(admin, 'display-row-sala-attesa')).toMatch(/Tutto l'ufficio/);
    expect(await axeViolations(admin)).toEqual([]);

    // Create: name (the slug follows), the Tributi area, one notice in Italian and English.
    await admin.getByTestId('display-new').click();
    await admin.getByTestId('display-dialog').waitFor();
    await admin.getByTestId('display-name').fill('Sportello tributi');
    expect(await admin.getByTestId('display-slug').inputValue()).toBe('sportello-tributi');
    await admin.getByTestId('display-category-tributi').check();
    expect(await admin.getByTestId(`display-service-${tributi.code}`).isChecked()).toBe(true);
    await admin.getByTestId('display-ticker-0-it').fill('Pagamenti TARI: portate l’avviso di pagamento');
    await admin.getByTestId('display-ticker-0-en').fill('TARI payments: bring your payment notice');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByTestId('display-save').click();
    await admin.getByTestId('display-dialog').waitFor({ state: 'detached' });
    const row = admin.getByTestId('display-row-sportello-tributi');
    await row.waitFor();
    expect(((await row.getByTestId('display-shows').textContent()) ?? '').trim()).toBe('Tributi');
    const stored = await space.db.display.findUniqueOrThrow({ where: { slug: 'sportello-tributi' } });
    expect(stored).toMatchObject({
      officeId: office.id,
      serviceIds: [],
      ticker: [{ it: 'Pagamenti TARI: portate l’avviso di pagamento', en: 'TARI payments: bring your payment notice' }],
    });
    expect(await space.db.auditLog.count({ where: { entity: 'display', entityId: stored.id, action: 'create' } })).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);

    // The display, in another tab: only the Tributi queues, the area in the header, the ticker.
    const tv = await context.newPage();
    await tv.goto(`${app.url}/display?display=sportello-tributi&voice=off`);
    await tv.getByTestId(`display-queue-${tributi.id}`).waitFor();
    expect(await tv.getByTestId(`display-queue-${anagrafe.id}`).count()).toBe(0);
    expect(await text(tv, 'display-area')).toBe('Sportello tributi');
    const ticker = await text(tv, 'display-ticker');
    expect(ticker).toContain('Pagamenti TARI: portate l’avviso di pagamento');
    expect(ticker).toContain('TARI payments: bring your payment notice');
    await tv.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    const tributiRow = tv.getByTestId(`display-queue-${tributi.id}`);
    const waitingBefore = Number(await tributiRow.locator('td').first().textContent());
    const tributiName = ((await tributiRow.locator('th').textContent()) ?? '').trim();
    expect(tributiName).toContain('TARI');

    // Calls: the Anagrafe call (first in line) is neither shown nor kept; the Tributi one is.
    const op = await clerk(app.url, 'operatore1');
    const counter = (await countersByNumber(space, office.id)).get(1)!;
    await openCounter(op, counter.id, [anagrafe.id, tributi.id]);
    const first = await op.post(`/api/counters/${counter.id}/call-next`);
    expect(first.body.ticket.number).toBe(a.number);
    await op.post(`/api/tickets/${first.body.ticket.id}/complete`, { outcome: 'done' });
    const second = await op.post(`/api/counters/${counter.id}/call-next`);
    expect(second.body.ticket.number).toBe(t.number);
    await tv.getByTestId(`display-call-${t.number}`).waitFor();
    expect(await tv.getByTestId('display-current-call').getAttribute('data-number')).toBe(t.number);
    expect(await tv.getByTestId(`display-call-${a.number}`).count()).toBe(0);
    // The live figures (numbers only) update the row, which keeps the name from the snapshot.
    await expect.poll(async () => Number(await tributiRow.locator('td').first().textContent())).toBe(waitingBefore - 1);
    expect(((await tributiRow.locator('th').textContent()) ?? '').trim()).toBe(tributiName);
    expect(await axeViolations(tv)).toEqual([]);

    // The admin edits the notice: the open display shows it without a reload.
    await admin.getByTestId('display-edit-sportello-tributi').click();
    await admin.getByTestId('display-ticker-0-it').fill('Da lunedì lo sportello tributi apre alle 8:30');
    await admin.getByTestId('display-ticker-0-en').fill('From Monday the tax desk opens at 8:30');
    await admin.getByTestId('display-save').click();
    await admin.getByTestId('display-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => text(tv, 'display-ticker'), { timeout: 10_000 })
      .toContain('Da lunedì lo sportello tributi apre alle 8:30');
    expect(await text(tv, 'display-ticker')).not.toContain('Pagamenti TARI');
    expect(await tv.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    expect(await space.db.auditLog.count({ where: { entity: 'display', entityId: stored.id, action: 'update' } })).toBe(1);

    // Deactivated: the open display says so, readably.
    await admin.getByTestId('display-edit-sportello-tributi').click();
    await admin.getByTestId('display-active').uncheck();
    await admin.getByTestId('display-save').click();
    await tv.getByTestId('display-not-found').waitFor();
    expect(await tv.getByTestId('display-ticker').count()).toBe(0);
    expect(await axeViolations(tv)).toEqual([]);
    await context.close();
  });

  it('with reduced motion the ticker stands still; an unknown display says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    const tv = await context.newPage();
    await tv.goto(`${app.url}/display?display=sala-attesa&voice=off`);
    await tv.locator('[data-testid="display-ticker"][data-reduced-motion="true"]').waitFor();
    const message = tv.getByTestId('display-ticker-message');
    expect(await message.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await text(tv, 'display-ticker')).toContain('Benvenuti allo Sportello Unico');
    // Whole office: no area line.
    expect(await tv.getByTestId('display-area').count()).toBe(0);
    expect(await axeViolations(tv)).toEqual([]);

    await tv.goto(`${app.url}/display?display=non-esiste&voice=off`);
    await tv.getByTestId('display-not-found').waitFor();
    expect(await text(tv, 'display-not-found')).toMatch(/Schermo non trovato/);
    expect(await axeViolations(tv)).toEqual([]);
    await context.close();
  });

  it("speaks a call in Italian, then in the ticket holder's language (an Arabic ticket: Italian, then Arabic)", async () => {
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    const scuola = await space.db.service.findFirstOrThrow({
      where: { officeId: office.id, active: true, mode: 'desk', category: { slug: 'scuola' } },
      orderBy: { sortOrder: 'asc' },
    });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // The speech API, spied: what would be said, in which language, answered at once so the queue moves on.
    // No voice listed, as on a machine that does not list them: every language is tried.
    await context.addInitScript(() => {
      const spoken: { lang: string; text: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const synth = window.speechSynthesis;
      synth.getVoices = () => [];
      synth.speak = (u: SpeechSynthesisUtterance) => {
        if (u.text.trim()) spoken.push({ lang: u.lang, text: u.text });
        setTimeout(() => u.onend?.call(u, new Event('end') as SpeechSynthesisEvent), 10);
      };
    });
    const tv = await context.newPage();
    await tv.goto(`${app.url}/display?officeId=${office.id}&voice=it`);
    await tv.getByTestId('display-mute').waitFor();

    const ticket = await new ApiClient(app.url).post('/api/tickets', { serviceId: scuola.id, lang: 'ar' });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    await tv.getByTestId(`display-queue-${scuola.id}`).waitFor();
    const op = await clerk(app.url, 'operatore3');
    const counter = (await countersByNumber(space, office.id)).get(3)!;
    await openCounter(op, counter.id, [scuola.id]);
    const called = await op.post(`/api/counters/${counter.id}/call-next`);
    expect(called.body.ticket.number).toBe(ticket.body.number);
    await tv.getByTestId(`display-call-${ticket.body.number}`).waitFor();

    const spoken = () => tv.evaluate(() => (window as unknown as { spoken: { lang: string; text: string }[] }).spoken);
    await expect.poll(async () => (await spoken()).length, { timeout: 20_000 }).toBe(2);
    const [it, ar] = await spoken();
    expect(it.lang).toBe('it-IT');
    expect(it.text).toMatch(/sportello 3/i);
    expect(ar.lang).toBe('ar-SA');
    expect(ar.text).toMatch(/[\u0600-\u06FF]/);
    expect(ar.text).toContain('3');
    await context.close();
  });
});
