/**
 * What every browser test file sets up: a test space, the app on it and Chromium, started before
 * the file's tests and stopped after them. `prepare` changes the space before the app starts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type TestApp } from './app';
import { launchBrowser } from './browser';
import { createTestSpace, type TestSpace } from './services';

export interface BrowserApp {
  space: TestSpace;
  app: TestApp;
  browser: Browser;
}

export function useBrowserApp(
  opts: { env?: Record<string, string>; prepare?: (space: TestSpace) => Promise<void> } = {},
): BrowserApp {
  const ctx = {} as BrowserApp;
  beforeAll(async () => {
    ctx.space = await createTestSpace();
    await opts.prepare?.(ctx.space);
    ctx.app = await startApp(ctx.space, opts.env);
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
    await ctx.space?.drop();
  });
  return ctx;
}

/** A clerk signed in at the counter screen with their counter opened. */
export async function clerkAtCounter(page: Page, url: string, username: string, counterNumber = 1): Promise<void> {
  await page.goto(`${url}/counter`);
  await page.getByTestId('counter-login-username').fill(username);
  await page.getByTestId('counter-login-password').fill('sportello');
  await page.getByTestId('counter-login-submit').click();
  await page.getByTestId(`counter-open-${counterNumber}`).click();
  await page.getByTestId('counter-open-submit').click();
}
