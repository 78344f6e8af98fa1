/**
 * The clerks' back office in Chromium: a request a citizen submitted online appears in the list,
 * the clerk takes it and asks for information, the citizen's reply shows up live (no reload),
 * the clerk completes it; axe-core finds no violations; another office's clerk does not see it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';

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

async function clerkPage(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto(`${app.url}/counter/pratiche`);
  await page.getByTestId('counter-login-username').fill(username);
  await page.getByTestId('counter-login-password').fill('sportello');
  await page.getByTestId('counter-login-submit').click();
  await page.getByTestId('backoffice').waitFor();
  return page;
}

describe('back office', () => {
  it('a clerk works an online request from the list to completion, the citizen’s reply arriving live', async () => {
    const citizen = await signedInCitizen(app, 'backoffice@example.org');
    const certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
    const submitted = await citizen.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(submitted.status).toBe(201);
    const protocol = submitted.body.protocolNumber as string;

    const page = await clerkPage('operatore1');
    const item = page.getByTestId(`bo-item-${protocol}`);
    await item.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await item.click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent()).toBe('Ricevuta');
    expect(await page.getByTestId('bo-detail').textContent()).toContain('RSSMRA85T10A562S');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('bo-take').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent()).toBe('In lavorazione');
    // Asking needs a note for the citizen.
    await page.getByTestId('bo-request-info').click();
    await page.getByText('Scrivi una nota per il cittadino').waitFor();
    await page.getByTestId('bo-citizen-note').fill('Serve la copia del documento');
    await page.getByTestId('bo-request-info').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent()).toBe('In attesa del cittadino');

    // The citizen replies from home: the clerk's screen follows without a reload.
    const reply = await citizen.post(`/api/procedures/${submitted.body.id}/reply`, { citizenNote: 'Eccola' });
    expect(reply.status).toBe(200);
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent(), { timeout: 15_000 }).toBe('In lavorazione');
    expect(await page.getByTestId('bo-detail').textContent()).toContain('Eccola');

    await page.getByTestId('bo-complete').click();
    await expect.poll(() => page.getByTestId('bo-detail-status').textContent()).toBe('Conclusa');
    const row = await space.db.procedure.findUniqueOrThrow({ where: { id: submitted.body.id } });
    expect(row.status).toBe('completed');

    // Back to the counter screen, and from there to the procedures again, by the top bar's link.
    await page.getByTestId('clerk-switch').click();
    await page.waitForURL(/\/counter$/);
    await page.getByTestId('clerk-switch').click();
    await page.waitForURL(/\/counter\/pratiche$/);
    await page.getByTestId(`bo-item-${protocol}`).waitFor();

    // A clerk of another office does not see it.
    const other = await clerkPage('tributi1');
    await other.getByText('Nessuna pratica.').waitFor();
    expect(await other.getByTestId(`bo-item-${protocol}`).count()).toBe(0);
  });
});
