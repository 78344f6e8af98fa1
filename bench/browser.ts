import zlib from 'node:zlib';
import { launchBrowser } from '../test/helpers/browser';
import { median } from './measure';

/**
 * The JavaScript files a page loads (from its HTML), their bytes and gzip bytes. `noModule`
 * scripts (Next's polyfills for browsers without modules) are left out: a current browser, the
 * kiosk's Chromium among them, never fetches them.
 */
export async function pageScripts(url: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const html = await (await fetch(url)).text();
  const tags = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3]));
  const srcs = [...new Set(tags.map((m) => m[2]))];
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll('&amp;', '&'), url))).arrayBuffer());
    bytes += body.length;
    gzipBytes += zlib.gzipSync(body).length;
  }
  return { files: srcs.length, bytes, gzipBytes };
}

/** First contentful paint of a page in a fresh Chromium context (nothing cached), median of `runs`. */
export async function firstPaintMs(url: string, runs: number, viewport = { width: 1080, height: 1920 }): Promise<number> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime,
      );
      times.push(Number(await fcp.jsonValue()));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

/**
 * A real display page in Chromium: resolves with a function that, given the wall-clock time a
 * call was asked for, waits until the page shows that number and returns the delay in ms.
 */
export async function displayPage(url: string) {
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.addInitScript(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    new MutationObserver(() => {
      const n = document.querySelector('[data-testid="display-current-call"]')?.getAttribute('data-number');
      if (n && seen[n] === undefined) seen[n] = Date.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-number'] });
  });
  await page.goto(`${url}/display?voice=off`);
  await page.getByTestId('display-clock').waitFor();
  // The socket subscribed and the snapshot drawn: the queue panel is there.
  await page.waitForTimeout(1000);
  return {
    async shown(number: string, askedAt: number): Promise<number> {
      const h = await page.waitForFunction((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n], number, {
        timeout: 15_000,
        polling: 5,
      });
      return Number(await h.jsonValue()) - askedAt;
    },
    close: () => browser.close(),
  };
}
