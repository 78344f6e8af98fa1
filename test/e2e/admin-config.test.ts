/**
 * The administration pages in Chromium: an admin edits a service's name in Italian and removes
 * its Chinese (the form and the list mark the language missing, the public list falls back to
 * English) and sees it in the list, the change shows in the audit log page, axe-core finds no
 * violations, categories move up and down in kiosk order, counters are added, renamed and deleted, a clerk's skills and password are changed, a supervisor is told the pages are for admins.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { adminLogin, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { textOf } from '../../server/db/texts';

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

describe('administration in Chromium', () => {
  it('an admin edits a service name, sees it in the list and in the audit log', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await adminLogin(page, `${app.url}/admin/config/services`, 'admin');
    await page.getByTestId('services-table').waitFor();
    const service = await space.db.service.findFirstOrThrow({
      where: { active: true, mode: 'desk', office: { isOneStop: true } },
      orderBy: { sortOrder: 'asc' },
    });
    const row = page.getByTestId(`service-row-${service.code}`);
    await row.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const name = textOf(service.name);
    // Every language of the demo catalogue is translated: nothing is marked missing.
    expect(await page.locator('[data-testid^="service-missing-"]').count()).toBe(0);
    // Filter, then edit.
    await page.getByTestId('service-filter').fill(name.it.slice(0, 12));
    await expect.poll(() => page.locator('[data-testid^="service-row-"]').count()).toBeLessThan(20);
    await page.getByTestId(`service-edit-${service.code}`).click();
    await page.getByTestId('service-dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const newName = `${name.it} (rinnovato)`;
    await page.getByTestId('service-name-it').fill(newName);
    // One input per language, each written in its language and direction.
    expect(await page.getByTestId('service-name-ar').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('service-name-ar').inputValue()).toBe(name.ar);
    await page.getByTestId('service-name-zh').fill('');
    await page.getByTestId('service-name-zh-missing').waitFor();
    expect(await page.getByTestId('service-name-summary').textContent()).toMatch(/1/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('service-save').click();
    await page.getByTestId('service-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('service-filter').fill('');
    await expect.poll(async () => ((await row.getByTestId('service-name').textContent()) ?? '').trim()).toBe(newName);
    await expect.poll(async () => ((await page.getByTestId('admin-message').textContent()) ?? '').length).toBeGreaterThan(0);
    const pub = (await new ApiClient(app.url).get('/api/services?lang=it')).body as { id: string; name: string }[];
    expect(pub.find((s) => s.id === service.id)?.name).toBe(newName);
    // The list marks the missing Chinese; a Chinese screen reads the English name meanwhile.
    expect(((await row.getByTestId(`service-missing-${service.code}`).textContent()) ?? '').trim()).toContain('ZH');
    const zh = (await new ApiClient(app.url).get('/api/services?lang=zh')).body as { id: string; name: string }[];
    expect(zh.find((s) => s.id === service.id)?.name).toBe(name.en);
    expect(textOf((await space.db.service.findUniqueOrThrow({ where: { id: service.id } })).name)).toEqual({
      ...name,
      it: newName,
      zh: undefined,
    });
    await page.getByTestId('service-filter').fill('');
    expect(await axeViolations(page)).toEqual([]);

    // The audit log page shows the change.
    await page.getByTestId('admin-nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(async () => (await page.getByTestId('audit-table').textContent()) ?? '').toContain('(rinnovato)');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an admin moves a category down and the kiosk order follows, on an open kiosk too', async () => {
    const kioskPage = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await kioskPage.goto(`${app.url}/kiosk`);
    const tiles = kioskPage.locator('[data-testid^="kiosk-category-"]');
    await tiles.first().waitFor();
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await adminLogin(page, `${app.url}/admin/config/categories`, 'admin');
    await page.getByTestId('categories-table').waitFor();
    const [first, second] = await space.db.category.findMany({ orderBy: { sortOrder: 'asc' }, take: 2 });
    const kioskOrder = () => tiles.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-testid')));
    expect(await kioskOrder()).toEqual([`kiosk-category-${first.slug}`, `kiosk-category-${second.slug}`]);
    await page.getByTestId(`category-row-${first.slug}`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId(`category-down-${first.slug}`).click();
    await expect
      .poll(
        async () =>
          await page
            .locator('[data-testid^="category-row-"]')
            .evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-testid'))),
      )
      .toEqual([`category-row-${second.slug}`, `category-row-${first.slug}`]);
    const kiosk = (await new ApiClient(app.url).get('/api/categories')).body as { id: string }[];
    expect(kiosk.slice(0, 2).map((c) => c.id)).toEqual([second.id, first.id]);
    // The kiosk left open on its start screen shows the new order without a reload.
    await expect.poll(kioskOrder).toEqual([`kiosk-category-${second.slug}`, `kiosk-category-${first.slug}`]);
    expect(await space.db.auditLog.count({ where: { entity: 'category', action: 'reorder' } })).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an admin adds a counter, renames it and deletes it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    page.on('dialog', (d) => void d.accept());
    await adminLogin(page, `${app.url}/admin/config/counters`, 'admin');
    await page.getByTestId('counters-table').waitFor();
    await page.getByTestId('counter-row-1').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('counter-new').click();
    await page.getByTestId('counter-name').fill('Sportello prova');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('counter-save').click();
    const row = page.getByTestId('counter-row-7');
    await expect.poll(async () => (await row.count()) && ((await row.textContent()) ?? '')).toContain('Sportello prova');
    await row.getByRole('button', { name: /Modifica|Edit/ }).click();
    await page.getByTestId('counter-name').fill('Sportello sette');
    await page.getByTestId('counter-save').click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Sportello sette');
    await row.getByRole('button', { name: /Elimina|Delete/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await space.db.auditLog.count({ where: { entity: 'counter' } })).toBe(3);
  });

  it("an admin changes a clerk's skill weight and sets a new password", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await adminLogin(page, `${app.url}/admin/config/staff`, 'admin');
    await page.getByTestId('staff-row-operatore1').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const oneStopId = (await space.db.office.findFirstOrThrow({ where: { isOneStop: true } })).id;
    const clerk = await space.db.staff.findUniqueOrThrow({
      where: { username: 'operatore1' },
      include: { skills: { include: { service: true } } },
    });
    const skill = clerk.skills.find((k) => k.service.active && k.service.officeId === oneStopId)!;
    await page.getByTestId('staff-edit-operatore1').click();
    await page.getByTestId('staff-dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const weight = skill.weight === 5 ? '4' : '5';
    await page.getByTestId(`skill-${skill.service.code}`).selectOption(weight);
    await page.getByTestId('staff-save').click();
    await page.getByTestId('staff-dialog').waitFor({ state: 'detached' });
    const after = await space.db.skill.findUniqueOrThrow({
      where: { staffId_serviceId: { staffId: clerk.id, serviceId: skill.serviceId } },
    });
    expect(after.weight).toBe(Number(weight));
    expect(await space.db.skill.count({ where: { staffId: clerk.id } })).toBe(clerk.skills.length);

    await page
      .getByTestId('staff-row-operatore1')
      .getByRole('button', { name: /password/i })
      .click();
    await page.getByTestId('staff-password-dialog').locator('input').fill('nuovapassword');
    await page
      .getByTestId('staff-password-dialog')
      .getByRole('button', { name: /Salva|Save/ })
      .click();
    await page.getByTestId('staff-password-dialog').waitFor({ state: 'detached' });
    await new ApiClient(app.url).login('operatore1', 'nuovapassword');
  });

  it('a supervisor is told the configuration is for admins', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await adminLogin(page, `${app.url}/admin/config/services`, 'supervisore');
    await page.getByTestId('admin-config-denied').waitFor();
    expect(await page.getByTestId('admin-nav-services').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
