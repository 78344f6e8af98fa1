/** Shared steps of the printing tests: registering kiosks, watching printer alerts, waiting. */
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import type { PrinterAlert } from '../../contract/supervisor';
import { ApiClient } from './api';
import { collect, connectSocket, cookieOf, oneStop, subscribe } from './sportello';
import type { TestSpace } from './services';

export interface RegisteredKiosk {
  id: string;
  token: string;
  kioskUrl: string;
}

export async function registerKiosk(admin: ApiClient, body: Record<string, unknown>): Promise<RegisteredKiosk> {
  const r = await admin.post('/api/kiosks', body);
  if (r.status !== 201) throw new Error(`kiosk registration failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.kiosk.id, token: r.body.token, kioskUrl: r.body.kiosk.kioskUrl };
}

/** Pairs a browser or client with the kiosk: an admin's one-time code, spent by `pair`. */
export async function pairingCode(admin: ApiClient, kioskId: string): Promise<string> {
  const r = await admin.post(`/api/kiosks/${kioskId}/pairing`);
  if (r.status !== 201) throw new Error(`pairing code failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.code as string;
}

/**
 * A registered kiosk (no printer unless `body` says otherwise) and an API client holding its
 * paired screen's cookie: what the kiosk page sends.
 */
export async function pairedKioskClient(
  url: string,
  admin: ApiClient,
  officeId: string,
  body: Record<string, unknown> = {},
): Promise<{ kioskId: string; client: ApiClient; kiosk: RegisteredKiosk }> {
  const kiosk = await registerKiosk(admin, {
    officeId,
    name: `Kiosk ${Math.random().toString(36).slice(2, 8)}`,
    printMode: 'none',
    ...body,
  });
  const client = new ApiClient(url);
  const r = await client.post('/api/kiosks/pair', { code: await pairingCode(admin, kiosk.id) });
  if (r.status !== 200) throw new Error(`pairing failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { kioskId: kiosk.id, client, kiosk };
}

/**
 * Pairs a browser page with a registered kiosk. `viaLink`: the way an installer does (the admin's
 * pairing link, the *Pair this screen* button, the kiosk page it leads to); otherwise the same
 * request from the page's browser context, which keeps the cookie (cheaper for tests about the kiosk itself).
 */
export async function pairPage(page: Page, url: string, admin: ApiClient, kioskId: string, viaLink = false): Promise<void> {
  const code = await pairingCode(admin, kioskId);
  if (!viaLink) {
    const r = await page.context().request.post(`${url}/api/kiosks/pair`, { data: { code } });
    if (r.status() !== 200) throw new Error(`pairing failed: ${r.status()}`);
    return;
  }
  await page.goto(`${url}/kiosk/pair?code=${code}`);
  await page.getByTestId('kiosk-pair-submit').click();
  await page.waitForURL(/\/kiosk\?kiosk=/);
}

/** Registers a kiosk without printer in the office (default: the one-stop desk) and pairs the page with it. */
export async function pairNewKiosk(page: Page, url: string, officeId?: string, viaLink = false): Promise<RegisteredKiosk> {
  const admin = new ApiClient(url);
  await admin.login('admin');
  const office = officeId ?? (await oneStop(url)).officeId;
  const kiosk = await registerKiosk(admin, {
    officeId: office,
    name: `Kiosk ${Math.random().toString(36).slice(2, 8)}`,
    printMode: 'none',
  });
  await pairPage(page, url, admin, kiosk.id, viaLink);
  return kiosk;
}

/** A paired kiosk screen's client (the admin pairs it): issues priority tickets like the hall's kiosk. */
export async function kioskScreen(url: string, officeId: string): Promise<ApiClient> {
  const admin = new ApiClient(url);
  await admin.login('admin');
  return (await pairedKioskClient(url, admin, officeId)).client;
}

/**
 * A supervisor's socket in the office staff room, collecting `printer` alerts. (Issue 5 adds the
 * supervisor view's own subscription; until then a supervisor joins the room through a counter.)
 */
export async function watchPrinterAlerts(
  url: string,
  space: TestSpace,
  officeId: string,
): Promise<{ socket: Socket; alerts: ReturnType<typeof collect<PrinterAlert>> }> {
  const supervisor = new ApiClient(url);
  await supervisor.login('supervisore');
  const counter = await space.db.counter.findFirstOrThrow({ where: { officeId }, orderBy: { number: 'asc' } });
  const socket = await connectSocket(url, cookieOf(supervisor));
  const alerts = collect<PrinterAlert>(socket, 'printer');
  const ack = await subscribe(socket, 'counter:subscribe', { counterId: counter.id });
  if (!ack.ok) throw new Error(`supervisor subscription failed: ${JSON.stringify(ack)}`);
  return { socket, alerts };
}

/** Polls until `fn` returns a truthy value. */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
