// `npm run screenshots:portal`: starts Sportello on a scratch database and saves screenshots of the
// citizen portal on a phone (390x844) under docs/screenshots/portal-*.png: sign-in, my
// procedures, a procedure waiting for the citizen, a new request's form, the public tracking page
// (also in Arabic); a completed certificate request with its documents, the certificate PDF's page
// (certificate-pdf.png, rendered with pdfjs) and the public verification page (verify*.png); then,
// with a test OpenID provider configured, the sign-in with SPID/CIE.
// Needs PostgreSQL, Redis and Chromium, like `npm run screenshots`.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { FormField } from '../contract/forms';
import { freePort, startApp, type TestApp } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';
import { startTestProvider, type TestProvider } from '../test/helpers/oidc-provider';
import { waitForMail } from '../test/helpers/outbox';
import { createTestSpace } from '../test/helpers/services';
import { renderPdfPage } from '../test/helpers/pdf';
import { clerk } from '../test/helpers/sportello';

const OUT = 'docs/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const space = await createTestSpace();
const app = await startApp(space);
const browser = await launchBrowser();
let spidApp: TestApp | undefined;
let provider: TestProvider | undefined;
const phoneOptions: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
  // Dates in the browser's own controls (the date field) in Italian, as on an Italian phone.
  locale: 'it-IT',
};
const page = async (): Promise<Page> => (await browser.newContext(phoneOptions)).newPage();
const shot = async (p: Page, name: string, fullPage = false) => {
  await p.waitForTimeout(500);
  await p.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`${OUT}/${name}.png`);
};

/** A value of each field as a citizen would fill it. */
function sampleData(fields: FormField[]): Record<string, string | number | boolean> {
  const values: Record<FormField['type'], (f: FormField) => string | number | boolean> = {
    text: () => 'Anna Verdi',
    longtext: () => 'Per l’iscrizione di mio figlio alla scuola primaria.',
    number: () => 1,
    date: () => '2026-09-14',
    choice: (f) => f.options[0].value,
    checkbox: () => true,
    fiscal_code: () => 'VRDNNA85T50A562F',
    email: () => 'anna.verdi@example.org',
  };
  return Object.fromEntries(fields.map((f) => [f.name, values[f.type](f)]));
}

try {
  const email = 'anna.verdi@example.org';
  const phone = await page();
  await phone.goto(`${app.url}/portale?lang=it`);
  await phone.getByTestId('portal-email').fill(email);
  await shot(phone, 'portal-signin');
  await phone.getByTestId('portal-send-code').click();
  await phone.getByTestId('portal-code-sent').waitFor();
  const mail = await waitForMail(path.join(app.dataDir, 'outbox'), (t) => t.includes(`To: ${email}`) && /^\d{6}$/m.test(t));
  await phone.getByTestId('portal-code').fill(/^(\d{6})$/m.exec(mail)![1]);
  await shot(phone, 'portal-signin-code');
  await phone.getByTestId('portal-verify').click();
  await phone.getByTestId('portal-new').waitFor();

  // A few procedures at different points: submitted through the page's own session.
  const ids = Object.fromEntries(
    (await space.db.service.findMany({ where: { onlineIdentity: { not: null } } })).map((s) => [s.code, s.id]),
  );
  const forms = new Map(
    ((await (await fetch(`${app.url}/api/portal/services`)).json()) as { id: string; form: { fields: FormField[] } }[]).map(
      (s) => [s.id, s.form.fields],
    ),
  );
  const certificates = new Set((await space.db.service.findMany({ where: { certificate: { not: null } } })).map((s) => s.code));
  const submit = async (code: string) => {
    const stampDuty = certificates.has(code) ? { kind: 'exempt', exemption: 'school' } : undefined;
    const created = await phone.evaluate(
      async ([serviceId, data, stampDuty]) =>
        (await (
          await fetch('/api/procedures', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId, data, stampDuty }),
          })
        ).json()) as { id?: string },
      [ids[code], sampleData(forms.get(ids[code]) ?? []), stampDuty] as const,
    );
    if (!created.id) throw new Error(`${code} not submitted: ${JSON.stringify(created)}`);
    return { id: created.id };
  };
  const done = await submit('estratto-atto-nascita');
  const family = await submit('certificato-stato-famiglia');
  const residence = await submit('certificato-residenza');
  const op = await clerk(app.url, 'operatore1');
  // The office knows Anna by name and fiscal code (as the registry would): the certificate names her.
  await space.db.citizen.update({ where: { email }, data: { name: 'Anna Verdi', fiscalCode: 'VRDNNA85T50A562F' } });
  await op.post(`/api/procedures/${done.id}/take`, {});
  await op.post(`/api/procedures/${done.id}/complete`, { citizenNote: 'Il certificato è pronto: lo trovi qui sotto.' });
  await op.post(`/api/procedures/${residence.id}/take`, {});
  await op.post(`/api/procedures/${residence.id}/request-info`, {
    citizenNote: 'Per quale uso ti serve il certificato? Se è per la scuola, indicaci quale.',
  });
  void family;

  await phone.reload();
  await phone.getByTestId('portal-list').waitFor();
  await shot(phone, 'portal-procedures');

  await phone.goto(`${app.url}/portale?lang=it&p=${residence.id}`);
  await phone.getByTestId('portal-reply').waitFor();
  await phone.getByTestId('portal-reply-text').fill('Serve per l’iscrizione alla scuola primaria Dante Alighieri.');
  await phone.getByTestId('portal-reply-files').setInputFiles({
    name: 'modulo-iscrizione.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await phone.getByTestId('portal-reply-files-list').waitFor();
  await phone.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await shot(phone, 'portal-detail');
  await shot(phone, 'portal-detail-full', true);
  await phone.goto(`${app.url}/portale?lang=ar`);
  await phone.getByTestId('portal-list').waitFor();
  await shot(phone, 'portal-procedures-ar');

  // The new request's form (the school canteen's: one field of most types).
  const form = await page();
  await form.context().addCookies(await phone.context().cookies());
  const canteen = ids['iscrizione-mensa-scolastica'];
  await form.goto(`${app.url}/portale?lang=it&new=1`);
  await form.getByTestId(`portal-service-${canteen}`).waitFor();
  await shot(form, 'portal-services');
  await form.getByTestId(`portal-service-${canteen}`).click();
  await form.getByTestId('portal-form').waitFor();
  await form
    .getByTestId('portal-field-child_name')
    .fill('Luca Verdi')
    .catch(() => undefined);
  await shot(form, 'portal-form');
  // The same form in Arabic, right to left, with what the server refused under its field.
  await form.goto(`${app.url}/portale?lang=ar&new=${ids['certificato-residenza']}`);
  await form.getByTestId('portal-form').waitFor();
  await form.locator('[data-testid^="portal-field-"][type="text"]').first().fill('RSSMRA85T10A562X');
  await form.locator('[data-testid^="portal-field-"][inputmode="decimal"]').first().fill('2');
  await form.getByTestId('portal-submit').click();
  await form.getByTestId('portal-form-error').waitFor();
  await shot(form, 'portal-form-ar');

  // A certificate's form: the stamp duty, exempt for school.
  await form.goto(`${app.url}/portale?lang=it&new=${ids['certificato-stato-famiglia']}`);
  await form.getByTestId('portal-form').waitFor();
  await form.getByTestId('portal-stamp-exempt').check();
  await form.getByTestId('portal-stamp-reason').selectOption('school');
  await form.getByTestId('portal-stamp').scrollIntoViewIfNeeded();
  await shot(form, 'portal-form-stamp');

  // The completed certificate: its documents, the PDF's page, the verification page.
  await phone.goto(`${app.url}/portale?lang=it&p=${done.id}`);
  await phone.getByTestId('portal-documents').waitFor();
  await phone.getByTestId('portal-documents').scrollIntoViewIfNeeded();
  await shot(phone, 'portal-documents');
  const cert = await space.db.document.findFirstOrThrow({ where: { procedureId: done.id, kind: 'certificate' } });
  const pdf = Buffer.from(
    await phone.evaluate(async (u) => {
      const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    }, `/api/procedures/${done.id}/documents/${cert.id}`),
    'base64',
  );
  fs.writeFileSync(`${OUT}/certificate-pdf.png`, (await renderPdfPage(pdf, 1, 1.25)).png);
  console.log(`${OUT}/certificate-pdf.png`);
  const verify = await page();
  await verify.goto(`${app.url}/verify/${cert.verificationCode}?lang=it`);
  await verify.getByTestId('verify-valid').waitFor();
  await shot(verify, 'verify');
  await shot(verify, 'verify-full', true);
  await verify.goto(`${app.url}/verify/AAAABBBBCCCC?lang=en`);
  await verify.getByTestId('verify-missing').waitFor();
  await shot(verify, 'verify-missing-en');

  const residenceRow = await space.db.procedure.findUniqueOrThrow({ where: { id: residence.id } });
  const track = await page();
  await track.goto(`${app.url}/portale/track/${residenceRow.trackingCode}?lang=it`);
  await track.getByTestId('portal-track').waitFor();
  await shot(track, 'portal-track');
  await track.goto(`${app.url}/portale/track/${residenceRow.trackingCode}?lang=ar`);
  await track.getByTestId('portal-track').waitFor();
  await shot(track, 'portal-track-ar');

  // With an OpenID provider (SPID/CIE gateway) configured: the sign-in offers it first.
  const port = await freePort();
  provider = await startTestProvider(`http://127.0.0.1:${port}/api/citizen/oidc/callback`, {});
  spidApp = await startApp(space, { PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...provider.env });
  const spid = await page();
  await spid.goto(`${spidApp.url}/portale?lang=it`);
  await spid.getByTestId('portal-oidc-start').waitFor();
  await shot(spid, 'portal-signin-spid');
  // Signed in with an e-mailed code, the services needing SPID/CIE lead to that sign-in.
  await spid.context().addCookies((await phone.context().cookies()).map((c) => ({ ...c, domain: '127.0.0.1' })));
  await spid.goto(`${spidApp.url}/portale?lang=it&new=1`);
  await spid.getByTestId('portal-services').waitFor();
  await spid.locator('[data-needs="strong"]').first().scrollIntoViewIfNeeded();
  await shot(spid, 'portal-services-spid');
} finally {
  await browser.close();
  await spidApp?.stop();
  await provider?.close();
  await app.stop();
  await space.drop();
}
