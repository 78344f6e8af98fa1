// Screenshots of the kiosk's accessibility modes (docs/accessibility.md), portrait 1080x1920 and
// landscape 1920x1080: the low layout (every control in the lower half) and high contrast, and the
// three visual modes together; the kiosk in Arabic (right to left) and in Chinese (README
// "Languages"). The kiosk is paired, so the priority step shows.
// Run alone with `node --import tsx scripts/screenshots-access.ts`; `npm run screenshots` runs it too.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Lang } from '../contract/lang';
import { startApp, type TestApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { pairNewKiosk } from '../test/helpers/kiosks';
import { createTestSpace, type TestSpace } from '../test/helpers/services';

const OUT = 'docs/screenshots';
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

type Shot = {
  name: string;
  viewport: { width: number; height: number };
  lang: Lang;
  modes: string[];
  /** Test ids clicked after the modes are on. */
  then: string[];
  /** A test id to wait for before the picture (the ticket, after the request that issues it). */
  waitFor?: string;
  /** After the kiosk's shot, the phone page of the ticket taken (on a phone set to Italian), saved as this name. */
  phone?: string;
};

const TAKE_TICKET = ['kiosk-category-anagrafe', 'kiosk-service-certificato-residenza', 'kiosk-priority-none'];

const shots: Shot[] = [
  { name: 'kiosk-low-portrait-it', viewport: PORTRAIT, lang: 'it', modes: ['low'], then: [] },
  { name: 'kiosk-low-landscape-en', viewport: LANDSCAPE, lang: 'en', modes: ['low'], then: ['kiosk-category-anagrafe'] },
  { name: 'kiosk-contrast-portrait-en', viewport: PORTRAIT, lang: 'en', modes: ['contrast'], then: [] },
  {
    name: 'kiosk-contrast-landscape-it',
    viewport: LANDSCAPE,
    lang: 'it',
    modes: ['contrast'],
    then: ['kiosk-category-anagrafe'],
  },
  {
    name: 'kiosk-low-large-contrast-portrait-en',
    viewport: PORTRAIT,
    lang: 'en',
    modes: ['low', 'large', 'contrast'],
    then: ['kiosk-category-anagrafe', 'kiosk-service-certificato-residenza'],
  },
  { name: 'kiosk-portrait-start-ar', viewport: PORTRAIT, lang: 'ar', modes: [], then: [] },
  { name: 'kiosk-portrait-services-ar', viewport: PORTRAIT, lang: 'ar', modes: [], then: ['kiosk-category-anagrafe'] },
  {
    name: 'kiosk-portrait-ticket-ar',
    viewport: PORTRAIT,
    lang: 'ar',
    modes: [],
    then: TAKE_TICKET,
    waitFor: 'kiosk-ticket-number',
    phone: 'phone-waiting-ar',
  },
  { name: 'kiosk-portrait-start-zh', viewport: PORTRAIT, lang: 'zh', modes: [], then: [] },
  {
    name: 'kiosk-portrait-ticket-zh',
    viewport: PORTRAIT,
    lang: 'zh',
    modes: [],
    then: TAKE_TICKET,
    waitFor: 'kiosk-ticket-number',
  },
];

export async function accessKioskScreenshots(_space: TestSpace, app: TestApp, browser: Browser) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const { name, viewport, lang, modes, then, waitFor, phone } of shots) {
    const page = await (await browser.newContext({ viewport })).newPage();
    await pairNewKiosk(page, app.url);
    await page.goto(`${app.url}/kiosk`);
    await page.getByTestId('kiosk-category-anagrafe').waitFor();
    if (lang !== 'it') await page.getByTestId(`kiosk-lang-${lang}`).click();
    for (const m of modes) await page.getByTestId(`kiosk-access-${m}`).click();
    for (const id of then) await page.getByTestId(id).click();
    if (waitFor) await page.getByTestId(waitFor).waitFor();
    // No focus ring from the last click in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    // The Chinese font comes in pieces, when a page first shows Chinese text.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`${OUT}/${name}.png`);
    if (phone) {
      const qr = (await page.getByTestId('kiosk-ticket-qr').getAttribute('src')) ?? '';
      const code = decodeURIComponent(/\/api\/tickets\/([^/]+)\/qr\.svg/.exec(qr)?.[1] ?? '');
      const ctx = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'it-IT',
      });
      const p = await ctx.newPage();
      await p.goto(`${app.url}/t/${code}`);
      await p.getByTestId('ticket-number').waitFor();
      await p.evaluate(() => document.fonts.ready);
      await p.waitForTimeout(600);
      await p.screenshot({ path: `${OUT}/${phone}.png` });
      console.log(`${OUT}/${phone}.png`);
      await ctx.close();
    }
    await page.context().close();
  }
}

if (process.argv[1]?.endsWith('screenshots-access.ts')) {
  const space = await createTestSpace();
  const app = await startApp(space);
  const browser = await launchBrowser();
  try {
    await accessKioskScreenshots(space, app, browser);
  } finally {
    await browser.close();
    await app.stop();
    await space.drop();
  }
}
