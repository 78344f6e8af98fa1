/**
 * Admins edit an online service's form in the admin area: a field added (a choice with its
 * options, labels in two languages), one moved and one removed, saved as a new version that the
 * portal offers at once; a request submitted before keeps the version it was submitted with; a
 * field without its Italian label is refused and nothing is saved. axe-core checks the dialog.
 */
import { describe, expect, it } from 'vitest';
import { adminLogin, axeViolations } from '../helpers/axe';
import { useBrowserApp } from '../helpers/e2e';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';

const t = useBrowserApp();

describe('online forms in the admin area', () => {
  it('adds, moves and removes fields, saving a new version; earlier requests keep theirs', async () => {
    const service = await t.space.db.service.findUniqueOrThrow({ where: { code: 'certificato-cittadinanza' } });
    const citizen = await signedInCitizen(t.app, 'forms-admin@example.org');
    const before = await citizen.post('/api/procedures', { serviceId: service.id, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    const oldForm = (await t.space.db.procedure.findUniqueOrThrow({ where: { id: before.body.id } })).formId;

    const page = await (await t.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await adminLogin(page, `${t.app.url}/admin/config/services`, 'admin');
    await page.getByTestId(`service-form-${service.code}`).click();
    const dialog = page.getByTestId('service-form-dialog');
    await dialog.getByTestId('form-field-0').waitFor();
    const count = await dialog.locator('[data-form-field]').count();
    expect(count).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);

    // A new choice field. Without its Italian label the browser does not even send it.
    await page.getByTestId('form-field-add').click();
    const n = count;
    const firstName = await page.getByTestId('form-field-0-name').inputValue();
    await page.getByTestId(`form-field-${n}-name`).fill(firstName);
    await page.getByTestId(`form-field-${n}-type`).selectOption('choice');
    await page.getByTestId(`form-field-${n}-option-0-value`).fill('sportello');
    await page.getByTestId(`form-field-${n}-option-0-label-it`).fill('Allo sportello');
    await page.getByTestId(`form-field-${n}-label-en`).fill('How to collect it');
    await page.getByTestId('service-form-save').click();
    expect(await page.getByTestId(`form-field-${n}-label-it`).evaluate((i: HTMLInputElement) => i.validity.valueMissing)).toBe(
      true,
    );
    // With it, the server refuses the name used twice, under that field; nothing is saved.
    await page.getByTestId(`form-field-${n}-label-it`).fill('Come ritirarlo');
    await page.getByTestId('service-form-save').click();
    await expect.poll(() => page.getByTestId(`form-field-${n}-name`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('service-form-notice').textContent()).not.toBe('');
    expect(await t.space.db.serviceForm.count({ where: { serviceId: service.id } })).toBe(1);
    await page.getByTestId(`form-field-${n}-name`).fill('ritiro');
    // The first field goes away.
    await page.getByTestId('form-field-0-remove').click();
    await page.getByTestId('service-form-save').click();
    await expect.poll(() => dialog.count()).toBe(0);

    const forms = await t.space.db.serviceForm.findMany({ where: { serviceId: service.id }, orderBy: { version: 'asc' } });
    expect(forms.map((f) => f.version)).toEqual([1, 2]);
    const fields = forms[1].fields as { name: string; type: string; label: Record<string, string>; options: unknown[] }[];
    expect(fields).toHaveLength(count);
    expect(fields.at(-1)).toMatchObject({
      name: 'ritiro',
      type: 'choice',
      label: { it: 'Come ritirarlo', en: 'How to collect it' },
      options: [{ value: 'sportello', label: { it: 'Allo sportello' } }],
    });
    // The portal offers the new version; the request sent before keeps the old one.
    const offered = ((await citizen.get('/api/portal/services')).body as { id: string; form: { version: number } }[]).find(
      (s) => s.id === service.id,
    );
    expect(offered?.form.version).toBe(2);
    expect((await t.space.db.procedure.findUniqueOrThrow({ where: { id: before.body.id } })).formId).toBe(oldForm);
  });
});
