/**
 * The public pages' weight, as the bench measures it (bench/browser.ts pageScripts: the scripts a
 * page's HTML names, each gzipped, Next's noModule polyfills left out), like the kiosk's
 * (kiosk-bundle.test.ts). Budgets, not timings: they fail when a page pulls in again what it does
 * not use — the API contract's zod schemas and luxon, every screen's texts in every language.
 * Before, the phone page was 444 KB gzip, the display 413 KB, the online booking 434 KB (its
 * confirmation and manage links' pages 430 and 433 KB); each budget is what the page weighs now
 * with a little room. Their texts in seven languages travel in the HTML, budgeted too: the phone
 * pages open over mobile data.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageScripts } from '../../bench/browser';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { issue, oneStop } from '../helpers/sportello';

const KB = 1024;

let space: TestSpace;
let app: TestApp;
let ticketPath: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const office = await oneStop(app.url);
  ticketPath = `/t/${(await issue(new ApiClient(app.url), office.desk[0].id)).code}`;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function htmlGzipBytes(path: string): Promise<number> {
  return zlib.gzipSync(Buffer.from(await (await fetch(`${app.url}${path}`)).arrayBuffer())).length;
}

describe('the public pages', () => {
  for (const [name, path, jsBudget, htmlBudget] of [
    ['the phone page following a ticket', () => ticketPath, 170 * KB, 12 * KB],
    ['the waiting-room display', () => '/display', 173 * KB, 12 * KB],
    ['the online booking', () => '/book', 161 * KB, 30 * KB],
    // A token no appointment has: the page and its scripts are the same, with the link's error.
    ['the confirmation link', () => '/book/confirm/not-a-token', 157 * KB, 30 * KB],
    ['the manage link', () => '/book/manage/not-a-token', 159 * KB, 30 * KB],
  ] as const) {
    it(`${name} loads its scripts within the budget`, async () => {
      const js = await pageScripts(`${app.url}${path()}`);
      expect(js.gzipBytes).toBeLessThanOrEqual(jsBudget);
    });

    it(`${name} carries its texts in every language within the HTML budget`, async () => {
      const html = await htmlGzipBytes(path());
      expect(html).toBeLessThanOrEqual(htmlBudget);
    });
  }
});
