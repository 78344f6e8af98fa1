/**
 * The Content-Security-Policy (nonce per request, proxy.ts) must not break any screen: every
 * screen loads in Chromium, its scripts run (Next hydrates and the screen reacts), and the browser
 * reports no violation at all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { cookieOf, issue, oneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let browser: Browser;
let staffCookie: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
  const admin = new ApiClient(app.url);
  await admin.login('admin');
  staffCookie = cookieOf(admin);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

/** A page that records every CSP violation and console error from its first script on. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const [name, ...value] = staffCookie.split('=');
  await context.addCookies([{ name, value: value.join('='), url: app.url }]);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => problems.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  return { page, problems };
}

describe('Content-Security-Policy in Chromium', () => {
  it('every screen runs its scripts and reports no violation', { timeout: 180_000 }, async () => {
    const os = await oneStop(app.url);
    const ticket = await issue(new ApiClient(app.url), os.desk[0].id);
    const screens: { path: string; ready: (p: Page) => Promise<unknown> }[] = [
      { path: '/', ready: (p) => p.locator('a[href="/kiosk"]').first().waitFor() },
      {
        path: '/kiosk',
        // A click that only works once React runs: the language switch.
        ready: async (p) => {
          await p.getByTestId('kiosk-lang-en').click();
          await p.getByTestId('kiosk-category-anagrafe').waitFor();
        },
      },
      { path: '/display?voice=off', ready: (p) => p.getByTestId('display-clock').waitFor() },
      {
        path: '/counter',
        ready: (p) => p.getByTestId('counter-open-submit').or(p.getByTestId('counter-state')).first().waitFor(),
      },
      { path: '/admin/live', ready: (p) => p.getByTestId('admin-office').waitFor() },
      { path: '/admin/stats', ready: (p) => p.getByTestId('admin-stats-table').waitFor() },
      { path: '/admin/config/kiosks', ready: (p) => p.getByTestId('admin-office').waitFor() },
      { path: '/book', ready: (p) => p.getByTestId('book-search').waitFor() },
      { path: `/t/${ticket.code}?lang=en`, ready: (p) => p.getByTestId('ticket-number').waitFor() },
      {
        path: '/book/manage/not-a-token',
        ready: (p) => p.getByTestId('book-manage-error').or(p.getByTestId('book-manage')).first().waitFor(),
      },
    ];
    for (const s of screens) {
      const { page, problems } = await watchedPage();
      const res = await page.goto(`${app.url}${s.path}`);
      expect(res?.headers()['content-security-policy'], s.path).toMatch(/'nonce-/);
      await s.ready(page);
      // Next's client runtime is up: its scripts ran under the policy.
      await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next !== 'undefined');
      expect(problems, s.path).toEqual([]);
      await page.context().close();
    }
  });
});
