/**
 * The kiosk's live channel (kiosk/catalogFeed.ts: engine.io-client with the part of socket.io's
 * protocol the kiosk needs) against the real socket.io server, in Chromium: an open kiosk redraws
 * its start screen when an admin renames a category — over WebSocket, over long polling where
 * WebSocket is blocked (as behind a proxy that refuses it), and again after its connection was
 * cut and made anew.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { useBrowserApp } from '../helpers/e2e';

const t = useBrowserApp();
let admin: ApiClient;
let category: { id: string; slug: string };

beforeAll(async () => {
  admin = new ApiClient(t.app.url);
  await admin.login('admin');
  category = await t.space.db.category.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } });
});

async function rename(name: string) {
  const r = await admin.request('PATCH', `/api/admin/categories/${category.id}`, { name: { it: name } });
  expect(r.status).toBe(200);
}

/** The kiosk's start screen; `blockWebSocket`: every WebSocket fails to open, as a refusing proxy makes it. */
async function openKiosk(blockWebSocket: boolean): Promise<{ page: Page; polls: () => number; sockets: () => number }> {
  const page = await (await t.browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await page.addInitScript((block) => {
    const Native = window.WebSocket;
    const open: WebSocket[] = [];
    (window as unknown as { __sockets: WebSocket[] }).__sockets = open;
    class Refused extends EventTarget {
      readyState = 0;
      onopen: ((e: Event) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      onclose: ((e: CloseEvent) => void) | null = null;
      onmessage: ((e: MessageEvent) => void) | null = null;
      constructor() {
        super();
        setTimeout(() => {
          this.readyState = 3;
          this.onerror?.(new Event('error'));
          this.onclose?.(new CloseEvent('close', { code: 1006 }));
        }, 10);
      }
      send() {}
      close() {}
    }
    window.WebSocket = block
      ? (Refused as unknown as typeof WebSocket)
      : (class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            open.push(this);
          }
        } as typeof WebSocket);
  }, blockWebSocket);
  let polls = 0;
  let sockets = 0;
  page.on('request', (r) => {
    if (r.url().includes('/socket.io/') && r.url().includes('transport=polling')) polls++;
  });
  page.on('websocket', (ws) => {
    if (ws.url().includes('/socket.io/')) sockets++;
  });
  await page.goto(`${t.app.url}/kiosk`);
  await page.getByTestId(`kiosk-category-${category.slug}`).waitFor();
  return { page, polls: () => polls, sockets: () => sockets };
}

const tileText = (page: Page) => page.getByTestId(`kiosk-category-${category.slug}`).innerText();

describe("the kiosk's live channel", () => {
  it('hears a catalogue change over WebSocket', async () => {
    const kiosk = await openKiosk(false);
    await expect.poll(kiosk.sockets).toBeGreaterThan(0);
    await kiosk.page.waitForTimeout(500); // subscribed
    await rename('Anagrafe via WebSocket');
    await expect.poll(() => tileText(kiosk.page)).toContain('Anagrafe via WebSocket');
    expect(kiosk.polls()).toBe(0);
    await kiosk.page.context().close();
  });

  it('hears it over long polling where WebSocket is blocked', async () => {
    const kiosk = await openKiosk(true);
    await expect.poll(kiosk.polls).toBeGreaterThan(1);
    await kiosk.page.waitForTimeout(500);
    await rename('Anagrafe via polling');
    await expect.poll(() => tileText(kiosk.page)).toContain('Anagrafe via polling');
    await kiosk.page.context().close();
  });

  it('connects again after its connection was cut, and still hears changes', async () => {
    const kiosk = await openKiosk(false);
    await expect.poll(kiosk.sockets).toBe(1);
    await kiosk.page.waitForTimeout(500);
    await kiosk.page.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.forEach((s) => s.close()));
    // socket.io's backoff: a new connection within about 1.5 s.
    await expect.poll(kiosk.sockets, { timeout: 10_000 }).toBe(2);
    await kiosk.page.waitForTimeout(500);
    await rename('Anagrafe after a reconnect');
    await expect.poll(() => tileText(kiosk.page)).toContain('Anagrafe after a reconnect');
    await kiosk.page.context().close();
  });
});
