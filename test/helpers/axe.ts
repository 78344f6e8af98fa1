import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core's violations on the page, one readable line each (rule, impact, where), so a failing
 * `toEqual([])` says what to fix. `exclude` leaves out a part checked on its own (e.g. an iframe
 * holding a document with its own landmarks). The page must come from a browser context.
 */
export async function axeViolations(page: Page, exclude?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  // Without frames, axe.run in the page itself: the default path finishes every run in a new
  // blank page, which doubled each check's time (kiosk: 1.2 → 0.5 s). Frames need that path:
  // the legacy one skips their contents.
  if (page.frames().length === 1) builder.setLegacyMode();
  if (exclude) builder.exclude(exclude);
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s) — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Logs in through the supervision/administration login form shown at `url`. */
export async function adminLogin(page: Page, url: string, username: string, password = 'sportello'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('admin-login-username').fill(username);
  await page.getByTestId('admin-login-password').fill(password);
  await page.getByTestId('admin-login-submit').click();
}
