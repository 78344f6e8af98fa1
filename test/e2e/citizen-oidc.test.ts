/**
 * Signing in to the portal with SPID/CIE in Chromium on a phone, through a real OpenID provider
 * running in the test process (test/helpers/oidc-provider.ts): the button, the provider's login
 * page, back on /portale signed in, and a service needing a digital identity requested. A
 * citizen who cancels at the provider reads why they are not signed in; one signed in with an
 * e-mailed code is offered the SPID/CIE sign-in for those services.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { waitForMail } from '../helpers/outbox';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let provider: TestProvider;
let browser: Browser;
let strongService: string;

beforeAll(async () => {
  space = await createTestSpace();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${base}/api/citizen/oidc/callback`, {
    mario: {
      fiscal_number: 'TINIT-RSSMRA85T10A562S',
      given_name: 'Mario',
      family_name: 'Rossi',
      email: 'mario.rossi@example.org',
    },
  });
  app = await startApp(space, { PORT: String(port), PUBLIC_BASE_URL: base, ...provider.env });
  strongService = (await space.db.service.findUniqueOrThrow({ where: { code: 'cambio-residenza' } })).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
  await space?.drop();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // Nothing leaves this machine: the app and the provider are on loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
  return context.newPage();
}

describe('SPID/CIE sign-in on a phone', () => {
  it('signs in at the provider, lands on /portale signed in, and requests a service that needs a digital identity', async () => {
    const page = await phone();
    await page.goto(`${app.url}/portale?lang=en`);
    const spid = page.getByTestId('portal-oidc-start');
    await spid.waitFor();
    expect(await spid.textContent()).toBe('Sign in with SPID or CIE');
    // The e-mail code is still there, for the services that need no more.
    await page.getByTestId('portal-email').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await spid.click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.locator('#login').fill('mario');
    await page.locator('#signin').click();
    await page.waitForURL(`${app.url}/portale?lang=en`);
    await expect.poll(() => page.getByTestId('portal-account').textContent()).toContain('mario.rossi@example.org');

    await page.getByTestId('portal-new').click();
    const service = page.getByTestId(`portal-service-${strongService}`);
    await service.waitFor();
    expect(await service.getAttribute('data-needs')).toBeNull();
    await service.click();
    await page.getByTestId('portal-field-descrizione').fill('Trasferimento in via Roma 1');
    await page.getByTestId('portal-field-dichiarazione').check();
    await page.getByTestId('portal-submit').click();
    await page.getByTestId('portal-done').waitFor();
    expect(await page.getByTestId('portal-done-protocol').textContent()).toMatch(/^\d{4}\/\d{6}$/);
    const citizen = await space.db.citizen.findUniqueOrThrow({ where: { fiscalCode: 'RSSMRA85T10A562S' } });
    expect(await space.db.procedure.count({ where: { citizenId: citizen.id, serviceId: strongService } })).toBe(1);
  });

  it('says why when the citizen cancels at the provider, once', async () => {
    const page = await phone();
    await page.goto(`${app.url}/portale?lang=it`);
    await page.getByTestId('portal-oidc-start').click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.locator('#cancel').click();
    const error = page.getByTestId('portal-oidc-error');
    await error.waitFor();
    expect(await error.getAttribute('data-error')).toBe('errors.oidc_denied');
    expect(await error.textContent()).toContain('annullato');
    // The message is not in the address any more: a reload does not repeat it.
    expect(new URL(page.url()).searchParams.has('signinError')).toBe(false);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('it');
    await page.reload();
    await page.getByTestId('portal-oidc-start').waitFor();
    expect(await page.getByTestId('portal-oidc-error').count()).toBe(0);
  });

  it('offers a citizen signed in with an e-mailed code the SPID/CIE sign-in for the services that need it, back to their form', async () => {
    const email = 'code-only@example.org';
    const page = await phone();
    await page.goto(`${app.url}/portale?lang=en`);
    await page.getByTestId('portal-email').fill(email);
    await page.getByTestId('portal-send-code').click();
    const mail = await waitForMail(path.join(app.dataDir, 'outbox'), (t) => t.includes(`To: ${email}`));
    await page.getByTestId('portal-code').fill(/^(\d{6})$/m.exec(mail)![1]);
    await page.getByTestId('portal-verify').click();
    await page.getByTestId('portal-new').click();
    const service = page.getByTestId(`portal-service-${strongService}`);
    await service.waitFor();
    expect(await service.getAttribute('data-needs')).toBe('strong');
    expect(await service.getAttribute('href')).toBe(`/api/citizen/oidc/start?lang=en&service=${strongService}`);
    expect(await axeViolations(page)).toEqual([]);

    // Signed in with SPID/CIE from there, the citizen lands on that service's form.
    await service.click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.locator('#login').fill('mario');
    await page.locator('#signin').click();
    await page.getByTestId('portal-form').waitFor();
    expect(new URL(page.url()).searchParams.get('new')).toBe(strongService);
    expect(await page.getByTestId('portal-field-descrizione').count()).toBe(1);
  });
});
