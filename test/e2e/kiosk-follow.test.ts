/**
 * The desk and the portal together at the kiosk: "Follow a request" reads a procedure's tracking
 * QR (a scanner types its address and Enter) and shows its status on screen, portrait and
 * landscape, axe-clean; a ticket for a service that can be requested online says so for next
 * time; the portal's QR for requesting a service exists only for services that can be requested
 * online now; the booking page points to the online request.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { axeViolations } from '../helpers/axe';
import { useBrowserApp } from '../helpers/e2e';
import { pairNewKiosk } from '../helpers/kiosks';
import { CERT_DATA } from '../helpers/portal';
import { clerk } from '../helpers/sportello';

const t = useBrowserApp();

async function kioskPage(width: number, height: number): Promise<Page> {
  const page = await (await t.browser.newContext({ viewport: { width, height } })).newPage();
  await pairNewKiosk(page, t.app.url);
  await page.goto(`${t.app.url}/kiosk`);
  await page.getByTestId('kiosk-lang-en').click();
  return page;
}

describe('follow a request at the kiosk', () => {
  it('shows the status of the request whose QR code is scanned, and says when no request has the code', async () => {
    const op1 = await clerk(t.app.url, 'operatore1');
    const family = (await t.space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    const opened = await op1.post('/api/procedures/desk', {
      serviceId: family,
      citizen: { email: 'kiosk@example.org' },
      data: CERT_DATA,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await op1.post(`/api/procedures/${opened.body.id}/take`, {});

    for (const [width, height] of [
      [1080, 1920],
      [1920, 1080],
    ]) {
      const kiosk = await kioskPage(width, height);
      await kiosk.getByTestId('kiosk-follow-start').click();
      await kiosk.getByTestId('kiosk-follow').waitFor();
      expect(await axeViolations(kiosk)).toEqual([]);

      // A scanner types the address in the QR code, then Enter, into the focused field.
      await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('kiosk-follow-code');
      await kiosk.keyboard.type('abcdefghijkmnpqr\n');
      await expect.poll(() => kiosk.getByTestId('kiosk-follow-problem').textContent()).toContain('No request has this code');

      await kiosk.keyboard.type(`${t.app.url}/portale/track/${opened.body.trackingCode}\n`);
      const result = kiosk.getByTestId('kiosk-follow-result');
      await result.waitFor();
      expect(await result.getAttribute('data-status')).toBe('in_progress');
      expect(await kiosk.getByTestId('kiosk-follow-status').textContent()).toBe('In progress');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain(opened.body.protocolNumber);
      // Public status only: neither the citizen nor their data.
      expect(text).not.toContain('kiosk@example.org');
      expect(text).not.toContain(CERT_DATA.intestatario);
      expect(await axeViolations(kiosk)).toEqual([]);
      await kiosk.screenshot({ path: `/tmp/kiosk-follow-${width}x${height}.png` });
      await kiosk.getByTestId('kiosk-follow-done').click();
      await kiosk.getByTestId('kiosk-follow-start').waitFor();
      await kiosk.context().close();
    }
  });

  it('tells a citizen with a ticket for an online service that next time they can request it from home', async () => {
    const kiosk = await kioskPage(1080, 1920);
    await kiosk.getByTestId('kiosk-category-anagrafe').click();
    await kiosk.getByTestId('kiosk-service-certificato-residenza').click();
    await kiosk.getByTestId('kiosk-priority-none').click();
    await kiosk.getByTestId('kiosk-ticket-number').waitFor();
    expect(await kiosk.getByTestId('kiosk-ticket-online').textContent()).toContain('request this service online');
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: '/tmp/kiosk-ticket-online.png' });
  });
});

describe('request it online', () => {
  it('offers the portal’s QR code only for services that can be requested online now', async () => {
    const anyone = new ApiClient(t.app.url);
    const byCode = async (code: string) => (await t.space.db.service.findUniqueOrThrow({ where: { code } })).id;
    const qr = await fetch(`${t.app.url}/api/portal/services/${await byCode('certificato-residenza')}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
    // A desk-only service, and one needing a digital identity while no provider is configured.
    const notOnline = await t.space.db.service.findFirstOrThrow({ where: { onlineIdentity: null, active: true } });
    expect((await anyone.get(`/api/portal/services/${notOnline.id}/qr.svg`)).status).toBe(404);
    expect((await anyone.get(`/api/portal/services/${await byCode('cambio-residenza')}/qr.svg`)).status).toBe(404);

    // The catalogue and the booking list say which services can be requested online.
    const services = (await anyone.get('/api/services')).body as { code: string; online: boolean }[];
    expect(services.find((s) => s.code === 'certificato-residenza')?.online).toBe(true);
    expect(services.find((s) => s.code === 'cambio-residenza')?.online).toBe(false);
    const bookable = (await anyone.get('/api/appointments/services')).body as { code: string; online: boolean }[];
    expect(bookable.filter((s) => s.online).map((s) => s.code)).not.toContain('cambio-residenza');
  });

  it('points from the booking page to the online request of a service that can be requested online', async () => {
    const residence = await t.space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } });
    // Bookable too: a schedule at its office.
    await t.space.db.schedule.upsert({
      where: { officeId_serviceId: { officeId: residence.officeId, serviceId: residence.id } },
      create: {
        officeId: residence.officeId,
        serviceId: residence.id,
        hours: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })) },
      },
      update: { active: true },
    });
    const page = await (await t.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    await page.goto(`${t.app.url}/book?service=certificato-residenza&lang=en`);
    const link = page.getByTestId('book-online-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/portale?new=${residence.id}&lang=en`);
    expect(await page.getByTestId('book-online').textContent()).toContain('No need to come');
    expect(await axeViolations(page)).toEqual([]);
  });
});
