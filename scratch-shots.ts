// Scratch (not committed): language switchers with seven languages.
import { ApiClient } from './test/helpers/api';
import { startApp } from './test/helpers/app';
import { launchBrowser } from './test/helpers/browser';
import { createTestSpace } from './test/helpers/services';

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
try {
  const api = new ApiClient(app.url);
  const svc = ((await api.get('/api/services?mode=desk')).body as { id: string }[])[0];
  const t = (await api.post('/api/tickets', { serviceId: svc.id, lang: 'ar' })).body as { code: string };
  const shots: [string, number, number][] = (
    process.env.SHOTS
      ? JSON.parse(process.env.SHOTS)
      : [
          ['kiosk?lang=zh', 1080, 1920],
          ['kiosk?lang=ar', 1920, 1080],
          ['book?lang=ro', 390, 844],
          ['book?lang=uk', 1280, 800],
          [`t/${t.code}`, 390, 844],
          ['admin', 1280, 800],
          ['counter', 1280, 800],
        ]
  ) as [string, number, number][];
  for (const [path, w, h] of shots) {
    const p = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    await p.goto(`${app.url}/${path}`);
    await p.waitForTimeout(3000);
    const out = `/tmp/shots/${path.replace(/[^a-z]/g, '_').slice(0, 20)}-${w}x${h}.png`;
    await p.screenshot({ path: out });
    const wide = await p.evaluate(
      () =>
        [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length,
    );
    console.log(out, wide ? `${wide} elements beyond the right edge` : 'ok');
  }
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}
process.exit(0);
