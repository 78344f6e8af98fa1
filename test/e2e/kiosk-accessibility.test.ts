/**
 * The kiosk for everyone (issue 11, EN 301 549 chapters 5 and 8, WCAG 2.1 AA), in Chromium:
 * a blind citizen takes a ticket with the keys alone in listen mode (what is spoken is read from a
 * spy on the speech API); the key path to the topics is short; the low layout keeps every control
 * in the lower half of the portrait screen; large text and high contrast are switched on from the
 * start screen and reset when the kiosk starts over after its warned, extendable time-out; axe
 * finds nothing on any screen in any offered language and mode; every touch target is 60 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../contract/lang';
import { messages } from '../../i18n/messages';
import { startApp, type TestApp } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { pairNewKiosk } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await space?.drop();
});

const PORTRAIT = { width: 1080, height: 1920 };
/** The low layout's promise: nothing to press in the top half of the portrait screen. */
const LOW_LIMIT = PORTRAIT.height / 2;
/** Smallest touch target on the kiosk, in CSS pixels (both sides). */
const MIN_TARGET = 60;

interface Utterance {
  text: string;
  lang: string;
  volume: number;
  rate: number;
}

/** A paired kiosk page whose speech engine is a spy: every utterance is recorded, none is played. */
async function kioskPage(viewport = PORTRAIT): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    const heard: Utterance[] = [];
    Object.assign(window, { __spoken: heard });
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      heard.push({ text: u.text, lang: u.lang, volume: u.volume, rate: u.rate });
    };
  });
  const page = await context.newPage();
  await pairNewKiosk(page, app.url);
  await page.goto(`${app.url}/kiosk`);
  await page.getByTestId('kiosk-category-anagrafe').waitFor();
  return page;
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken.slice());
/** What was said since `from` utterances. */
const heardSince = async (page: Page, from: number) => (await spoken(page)).slice(from);
const focusedId = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? '');

/**
 * Presses `key` until the focus is on `testId` (a prefix ending in `-` matches any); the number of
 * presses (0 when it is there already).
 */
async function pressUntil(page: Page, key: string, testId: string, max = 15): Promise<number> {
  const there = async () => {
    const id = await focusedId(page);
    return testId.endsWith('-') ? id.startsWith(testId) : id === testId;
  };
  for (let n = 0; n <= max; n++) {
    if (await there()) return n;
    if (n < max) await page.keyboard.press(key);
  }
  throw new Error(`${testId} not reached with ${max} × ${key} (focus on ${await focusedId(page)})`);
}

/** Waits until something was said that contains `part` (after utterance `from`); returns it. */
async function waitSaid(page: Page, part: string, from = 0): Promise<Utterance> {
  // Polls the whole transcript, so a failure shows what was said instead.
  await expect.poll(async () => (await heardSince(page, from)).map((u) => u.text).join('\n')).toContain(part);
  return (await heardSince(page, from)).find((u) => u.text.includes(part))!;
}

/** Every visible control of the kiosk with its box. */
async function controlBoxes(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="kiosk"] :is(button, input, a[href], [role="switch"])'))
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        return { name, top: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) };
      }),
  );
}

async function smallTargets(page: Page): Promise<string[]> {
  return (await controlBoxes(page))
    .filter((b) => b.width < MIN_TARGET || b.height < MIN_TARGET)
    .map((b) => `${b.name} ${b.width}x${b.height}`);
}

describe('kiosk accessibility in Chromium', () => {
  it('a blind citizen takes a ticket with the keys alone in listen mode, and hears every step in their language', async () => {
    const page = await kioskPage();
    const en = messages.en.kiosk;
    const it_ = messages.it.kiosk;

    // Holding 5 for a second switches listen mode on: the keys, then the screen, in Italian.
    await page.keyboard.down('5');
    await page.waitForTimeout(1300);
    await page.keyboard.up('5');
    const intro = await waitSaid(page, it_.access.speech.intro);
    expect(intro.text).toContain(it_.welcome);
    expect(intro.text).toContain(it_.access.help.home);
    expect(intro.lang).toBe('it-IT');
    expect(await page.getByTestId('kiosk').getAttribute('data-listen')).toBe('true');

    // Down reaches the languages (one stop), Right the next language, Enter chooses it.
    expect(await pressUntil(page, 'ArrowDown', 'kiosk-lang-', 1)).toBe(1);
    let mark = (await spoken(page)).length;
    await pressUntil(page, 'ArrowRight', 'kiosk-lang-en', 3);
    await page.keyboard.press('Enter');
    const chosen = await waitSaid(page, `English, ${en.access.speech.selected}`, mark);
    expect(chosen.lang).toBe('en-GB');

    // A few stops down to the first topic; each is read as it gets the focus.
    mark = (await spoken(page)).length;
    const presses = await pressUntil(page, 'ArrowDown', 'kiosk-category-');
    expect(presses).toBeLessThanOrEqual(3);
    const heardCategory = await heardSince(page, mark);
    expect(heardCategory.at(-1)?.text).toMatch(new RegExp(`1 of \\d+$`));
    expect(heardCategory.every((u) => u.lang === 'en-GB')).toBe(true);
    await pressUntil(page, 'ArrowRight', 'kiosk-category-anagrafe');

    // Enter opens the topic: its title and what to do there.
    mark = (await spoken(page)).length;
    await page.keyboard.press('Enter');
    const topic = await waitSaid(page, en.access.help.category, mark);
    // The title as heard: without its emoji (hidden from assistive technology).
    const title = await page.locator('h1').evaluate((h) =>
      Array.from(h.childNodes)
        .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    );
    expect(title.length).toBeGreaterThan(0);
    expect(topic.text.startsWith(title)).toBe(true);

    // Back (Escape) returns to the start, then the same topic again with the keys.
    mark = (await spoken(page)).length;
    await page.keyboard.press('Escape');
    await waitSaid(page, en.access.help.home, mark);
    await pressUntil(page, 'ArrowRight', 'kiosk-category-anagrafe');
    await page.keyboard.press('Enter');
    await page.getByTestId('kiosk-service-certificato-residenza').waitFor();

    // Quieter and faster with - and *: said at the new volume and speed.
    mark = (await spoken(page)).length;
    await page.keyboard.press('-');
    const volume = await waitSaid(page, en.access.volume.replace('{percent}', '80'), mark);
    expect(volume.volume).toBeCloseTo(0.8);
    await page.keyboard.press('*');
    const rate = await waitSaid(page, en.access.rate.replace('{percent}', '125'), mark);
    expect(rate.rate).toBeCloseTo(1.25);
    // 0 says the last sentence again.
    mark = (await spoken(page)).length;
    await page.keyboard.press('0');
    await waitSaid(page, rate.text, mark);

    // The service, the priority question, no priority, the ticket.
    await pressUntil(page, 'ArrowDown', 'kiosk-service-certificato-residenza');
    mark = (await spoken(page)).length;
    await page.keyboard.press('Enter');
    await waitSaid(page, en.priorityTitle, mark);
    await pressUntil(page, 'ArrowDown', 'kiosk-priority-none');
    mark = (await spoken(page)).length;
    await page.keyboard.press('Enter');
    const number = (await page.getByTestId('kiosk-ticket-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    const ticketSaid = await waitSaid(page, en.access.help.ticket, mark);
    expect(ticketSaid.text).toContain(en.ticketTitle);
    expect(ticketSaid.text).toContain(number);
    expect(ticketSaid.lang).toBe('en-GB');
    const ticket = await space.db.ticket.findFirstOrThrow({ where: { number }, orderBy: { issuedAt: 'desc' } });
    expect(ticket.lang).toBe('en');

    // Back on the ticket is "done": the kiosk starts over, silent, Italian, every mode off.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('kiosk').getAttribute('data-listen')).toBe('false');
    await waitSaid(page, it_.access.speech.stopped);
    expect(await page.getByTestId('kiosk').getAttribute('lang')).toBe('it');
    mark = (await spoken(page)).length;
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(await heardSince(page, mark)).toEqual([]);
    await page.context().close();
  });

  it('reaches the first topic in a few Tab presses; an on-screen keyboard is one stop with arrow keys inside', async () => {
    const page = await kioskPage();
    // Languages (one stop), "I have an appointment", search, first topic.
    expect(await pressUntil(page, 'Tab', 'kiosk-category-', 10)).toBeLessThanOrEqual(4);

    // Typing in the search box opens the search layout with its keyboard.
    await page.getByTestId('kiosk-search').focus();
    await page.keyboard.type('cert');
    await page.getByTestId('kiosk-service-certificato-residenza').waitFor();
    // Tab goes over the results to the keyboard, and once more leaves it.
    const keyboard = page.getByRole('group', { name: messages.it.kiosk.keyboardLabel });
    let stopsInKeyboard = 0;
    let left = false;
    for (let i = 0; i < 60 && !left; i++) {
      await page.keyboard.press('Tab');
      const inside = await keyboard.evaluate((k) => k.contains(document.activeElement));
      if (inside) stopsInKeyboard++;
      else if (stopsInKeyboard > 0) left = true;
    }
    expect(stopsInKeyboard).toBe(1);
    // Back in the keyboard: Right goes to the next key, Down to the key below, Enter types it.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Q');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('W');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^[AS]$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('kiosk-search').inputValue()).toMatch(/^cert[zx]$/);
    await page.context().close();
  });

  it('the low layout keeps every control in the lower half of the portrait screen, on every screen', async () => {
    const page = await kioskPage();
    await page.getByTestId('kiosk-access-low').click();
    const above = async (where: string) => {
      const high = (await controlBoxes(page)).filter((b) => b.top < LOW_LIMIT).map((b) => `${where}: ${b.name} at ${b.top}`);
      expect(high).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    };
    await above('start');
    await page.getByTestId('kiosk-search').click();
    await page.keyboard.type('carta');
    await page.getByTestId('kiosk-service-carta-identita-elettronica').waitFor();
    await above('search');
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-checkin-start').click();
    await page.getByTestId('kiosk-checkin').waitFor();
    await above('check-in');
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-category-anagrafe').click();
    await above('topic');
    await page.getByTestId('kiosk-service-carta-identita-elettronica').click();
    await page.getByTestId('kiosk-appointment').waitFor();
    await above('appointment');
    await page.getByTestId('kiosk-back').first().click();
    await page.getByTestId('kiosk-service-certificato-residenza').click();
    await page.getByTestId('kiosk-priority-none').waitFor();
    await above('priority');
    await page.getByTestId('kiosk-priority-none').click();
    await page.getByTestId('kiosk-ticket-number').waitFor();
    await above('ticket');
    expect(await page.getByTestId('kiosk').getAttribute('data-low')).toBe('true');
    // Done: the next citizen finds the standard layout.
    await page.getByTestId('kiosk-done').click();
    await expect.poll(() => page.getByTestId('kiosk').getAttribute('data-low')).toBe('false');
    await page.context().close();
  });

  it('large text and high contrast are switched on at the start screen, warned about, extended, and reset by the time-out', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT });
    const page = await context.newPage();
    await page.clock.install();
    await pairNewKiosk(page, app.url);
    await page.goto(`${app.url}/kiosk`);
    await page.getByTestId('kiosk-category-anagrafe').waitFor();
    const kiosk = page.getByTestId('kiosk');
    expect(await page.getByTestId('kiosk-idle').count()).toBe(0);

    // The page's time stands still from here until the test moves it (a few seconds ahead, so
    // that it is still ahead when the pause takes effect on a busy machine).
    const pause = async () => page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000);
    await pause();
    await page.getByTestId('kiosk-access-large').click();
    await page.getByTestId('kiosk-access-contrast').click();
    expect(await kiosk.getAttribute('data-large')).toBe('true');
    expect(await kiosk.getAttribute('data-contrast')).toBe('true');
    expect(await page.getByTestId('kiosk-access-contrast').getAttribute('aria-checked')).toBe('true');
    // Black behind white text; a third bigger, and still exactly the screen.
    const look = await kiosk.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { bg: s.backgroundColor, fg: s.color, zoom: s.zoom, width: Math.round(r.width), height: Math.round(r.height) };
    });
    expect(look).toMatchObject({ bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)', zoom: '1.3' });
    expect(Math.abs(look.width - PORTRAIT.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(look.height - PORTRAIT.height)).toBeLessThanOrEqual(2);
    expect(await smallTargets(page)).toEqual([]);

    // A mode left on counts down even on the start screen: the warning, then more time.
    await page.getByTestId('kiosk-idle').waitFor();
    await page.clock.runFor(21_000);
    await expect.poll(() => page.getByTestId('kiosk-idle').getAttribute('data-warning')).toBe('true');
    await page.getByTestId('kiosk-more-time').click();
    await page.clock.runFor(1_000);
    await expect.poll(() => page.getByTestId('kiosk-idle').getAttribute('data-warning')).toBe('false');
    expect(await kiosk.getAttribute('data-contrast')).toBe('true');
    // More than a minute left now: time may run while axe (which needs timers) looks at the page.
    await page.clock.resume();
    expect(await axeViolations(page)).toEqual([]);
    await pause();

    // Nobody touches it: back to the start, every mode off.
    await page.clock.runFor(120_000);
    await expect.poll(() => kiosk.getAttribute('data-contrast')).toBe('false');
    expect(await kiosk.getAttribute('data-large')).toBe('false');
    expect(await page.getByTestId('kiosk-access-large').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('kiosk-idle').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('axe finds no violation on any kiosk screen, in any offered language, in each mode; targets are 60 px', async () => {
    const page = await kioskPage();
    const check = async (where: string) => {
      // axe is slow on a busy machine: more time first, so the kiosk stays on this screen.
      const more = page.getByTestId('kiosk-more-time');
      if (await more.isVisible()) await more.click();
      expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
      expect({ where, small: await smallTargets(page) }).toEqual({ where, small: [] });
    };
    // Every screen in every language; the modes on every screen in the default language.
    const runs = [
      ...languages.map(({ code }) => ({ code, modes: [] as string[] })),
      ...[['contrast'], ['low', 'large'], ['listen']].map((modes) => ({ code: languages[0].code, modes })),
    ];
    for (const { code, modes } of runs) {
      {
        const where = `${code} ${modes.join('+') || 'standard'}`;
        await page.getByTestId(`kiosk-lang-${code}`).click();
        for (const m of modes) await page.getByTestId(`kiosk-access-${m}`).click();
        // Arabic, once offered, lays the kiosk out right to left.
        const direction = await page.getByTestId('kiosk').evaluate((el) => getComputedStyle(el).direction);
        expect(direction).toBe((code as string) === 'ar' ? 'rtl' : 'ltr');
        await check(`${where}: start`);
        await page.getByTestId('kiosk-search').click();
        await page.keyboard.type('cert');
        await page.getByTestId('kiosk-service-certificato-residenza').waitFor();
        await check(`${where}: search`);
        await page.getByTestId('kiosk-back').click();
        await page.getByTestId('kiosk-checkin-start').click();
        await check(`${where}: check-in`);
        await page.getByTestId('kiosk-back').click();
        await page.getByTestId('kiosk-category-anagrafe').click();
        await check(`${where}: topic`);
        await page.getByTestId('kiosk-service-carta-identita-elettronica').click();
        await page.getByTestId('kiosk-appointment').waitFor();
        await check(`${where}: appointment`);
        await page.getByTestId('kiosk-back').first().click();
        await page.getByTestId('kiosk-service-certificato-residenza').click();
        await check(`${where}: priority`);
        await page.getByTestId('kiosk-priority-none').click();
        await page.getByTestId('kiosk-ticket-number').waitFor();
        await check(`${where}: ticket`);
        await page.getByTestId('kiosk-done').click();
        await expect.poll(() => page.getByTestId('kiosk').getAttribute('data-low')).toBe('false');
      }
    }
    await page.context().close();
  }, 600_000);
});
