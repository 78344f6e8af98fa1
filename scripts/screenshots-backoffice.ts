// Screenshot of the clerks' back office (docs/screenshots/backoffice.png, 1600x1000): a few
// online requests of the demo, one open in detail after the clerk asked for information.
// Run with `node --import tsx scripts/screenshots-backoffice.ts`.
import fs from 'node:fs';
import { startApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../test/helpers/portal';
import { clerk } from '../test/helpers/sportello';
import { createTestSpace } from '../test/helpers/services';

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
try {
  const code = async (c: string) => (await space.db.service.findUniqueOrThrow({ where: { code: c } })).id;
  const anna = await signedInCitizen(app, 'anna.verdi@example.org');
  const luca = await signedInCitizen(app, 'luca.neri@example.org');
  const first = await anna.post('/api/procedures', {
    serviceId: await code('certificato-residenza'),
    data: CERT_DATA,
    stampDuty: CERT_STAMP,
  });
  await luca.post('/api/procedures', {
    serviceId: await code('certificato-stato-famiglia'),
    data: { ...CERT_DATA, uso: 'lavoro' },
    stampDuty: CERT_STAMP,
  });
  await luca.post('/api/procedures', {
    serviceId: await code('iscrizione-mensa-scolastica'),
    data: { bambino: 'MRTMTT91D08F205J', scuola: 'Primaria Rodari, 2B', dieta: true, dichiarazione: true },
  });
  const op = await clerk(app.url, 'operatore1');
  await op.post(`/api/procedures/${first.body.id}/take`, { internalNote: 'Verificato in anagrafe' });
  await op.post(`/api/procedures/${first.body.id}/request-info`, {
    citizenNote: 'Ci serve una copia del documento di identità.',
  });

  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto(`${app.url}/counter/pratiche`);
  await page.getByTestId('counter-login-username').fill('operatore1');
  await page.getByTestId('counter-login-password').fill('sportello');
  await page.getByTestId('counter-login-submit').click();
  await page.getByTestId(`bo-item-${first.body.protocolNumber}`).click();
  await page.getByTestId('bo-detail').waitFor();
  fs.mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/backoffice.png' });
  console.log('docs/screenshots/backoffice.png');
} finally {
  await browser.close();
  await app.stop();
  await space.drop();
}
