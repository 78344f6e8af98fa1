/**
 * The citizen home `/` on a phone (390x844): the three things citizens come for, the offices with
 * their hours and whether they are open now, the "follow" box that takes a ticket's or a request's
 * code to its page (and says so when no such code exists), the app icon and web manifest, and
 * the staff screens linked at the bottom. axe-core checks it in Italian and in Arabic.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { axeViolations } from '../helpers/axe';
import { useBrowserApp } from '../helpers/e2e';
import { CERT_DATA } from '../helpers/portal';
import { clerk } from '../helpers/sportello';

const t = useBrowserApp({
  prepare: async (space) => {
    const office = await space.db.office.findFirstOrThrow({ where: { slug: 'sportello-unico' } });
    // Known hours, every day, so "open now" does not depend on when the test runs.
    await space.db.officeHours.deleteMany({ where: { officeId: office.id } });
    await space.db.officeHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { officeId: office.id, weekday, opens: '00:00', closes: '12:00' },
        { officeId: office.id, weekday, opens: '12:00', closes: '24:00' },
      ]),
    });
    await space.db.patronDay.deleteMany({ where: { officeId: office.id } });
  },
});

const phone = async (locale = 'it-IT'): Promise<Page> =>
  (await t.browser.newContext({ viewport: { width: 390, height: 844 }, locale, isMobile: true, hasTouch: true })).newPage();

describe('the citizen home', () => {
  it('leads to the portal, the booking and the live waits, and lists the offices with their hours', async () => {
    const page = await phone();
    await page.goto(t.app.url);
    await expect.poll(() => page.title()).toBe('Comune – servizi per i cittadini');
    expect(await page.getByTestId('home-portal').getAttribute('href')).toBe('/portale?lang=it');
    expect(await page.getByTestId('home-book').getAttribute('href')).toBe('/book?lang=it');
    expect(await page.getByTestId('home-waits').getAttribute('href')).toBe('/attese?lang=it');
    const desk = page.getByTestId('home-office').filter({ hasText: 'Sportello Unico' });
    expect(await desk.getByTestId('home-office-status').textContent()).toMatch(/^Aperto ora/);
    // Seven days; two ranges that touch read as one, the way people write hours.
    const walkIn = desk.getByTestId('home-walkin-hours');
    expect(await walkIn.locator('tbody tr').count()).toBe(7);
    expect(await walkIn.locator('tbody tr').first().textContent()).toBe('lunedì0:00–24:00');
    // An office by appointment shows the hours its services can be booked (the demo's schedules).
    const registry = page.getByTestId('home-office').filter({ hasText: 'Ufficio Anagrafe' });
    expect(await registry.getByTestId('home-office-status').count()).toBe(0);
    expect(await registry.getByTestId('home-appointment-hours').locator('tbody tr').nth(1).textContent()).toBe(
      'martedì9:00–12:30, 14:30–17:00',
    );
    // Staff screens are there, but at the bottom.
    expect(await page.locator('footer a[href="/counter"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Touch targets: the actions and the follow button are at least 48 px high.
    for (const id of ['home-portal', 'home-book', 'home-waits', 'home-follow'])
      expect((await page.getByTestId(id).boundingBox())!.height, id).toBeGreaterThanOrEqual(48);

    await page.getByTestId('home-lang-ar').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.getByTestId('home-portal').getAttribute('href')).toBe('/portale?lang=ar');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('follows a ticket or a request by its code, and says when no such code exists', async () => {
    const kiosk = new ApiClient(t.app.url);
    const serviceId = (await t.space.db.service.findFirstOrThrow({ where: { code: 'certificato-residenza' } })).id;
    const ticket = await kiosk.post('/api/tickets', { serviceId });
    expect(ticket.status).toBe(201);
    const op1 = await clerk(t.app.url, 'operatore1');
    const family = (await t.space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    const procedure = await op1.post('/api/procedures/desk', {
      serviceId: family,
      citizen: { email: 'home@example.org' },
      data: CERT_DATA,
    });
    expect(procedure.status, JSON.stringify(procedure.body)).toBe(201);

    const page = await phone();
    const follow = async (code: string) => {
      await page.goto(`${t.app.url}/?lang=en`);
      await page.getByTestId('home-follow-code').fill(code);
      await page.getByTestId('home-follow').click();
      await page.waitForLoadState('load');
    };
    await follow(procedure.body.trackingCode);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/portale/track/${procedure.body.trackingCode}`);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

    // The whole address read from a QR code works too.
    await follow(`${t.app.url}/t/${ticket.body.code}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/t/${ticket.body.code}`);

    await follow('abcdefghijkmnpqr');
    await expect.poll(() => page.getByTestId('home-follow-error').textContent()).toContain('No ticket or request has this code');
    expect(await page.getByTestId('home-follow-code').getAttribute('aria-invalid')).toBe('true');
  });

  it('has an icon and a web manifest, so the phone pages can be kept on the home screen', async () => {
    const page = await phone();
    await page.goto(t.app.url);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(manifestHref!, t.app.url))).json();
    expect(manifest).toMatchObject({ short_name: 'Sportello', display: 'standalone', start_url: '/' });
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const res = await fetch(new URL(icon.src, t.app.url));
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get('content-type'), icon.src).toContain(icon.type);
    }
    const apple = await page.locator(`link[rel="apple-touch-icon"]`).getAttribute('href');
    expect((await fetch(new URL(apple!, t.app.url))).status).toBe(200);
    expect(await page.locator('link[rel="icon"][type="image/svg+xml"]').count()).toBe(1);
  });
});
