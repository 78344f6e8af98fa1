import { describe, expect, it } from 'vitest';
import { formInput, type FormField } from '../../contract/forms';
import { dataSchemaFor } from '../../server/forms/validate';

const field = (f: Partial<FormField> & Pick<FormField, 'name' | 'type'>): FormField => ({
  label: { it: f.name },
  help: null,
  required: false,
  options: [],
  ...f,
});

const schema = dataSchemaFor([
  field({ name: 'nome', type: 'text', required: true }),
  field({ name: 'note', type: 'longtext' }),
  field({ name: 'eta', type: 'number' }),
  field({ name: 'dal', type: 'date' }),
  field({ name: 'uso', type: 'choice', options: [{ value: 'a', label: { it: 'A' } }] }),
  field({ name: 'dieta', type: 'checkbox' }),
  field({ name: 'dichiaro', type: 'checkbox', required: true }),
  field({ name: 'cf', type: 'fiscal_code' }),
  field({ name: 'mail', type: 'email' }),
]);
const ok = { nome: 'Ada', dichiaro: true };

describe('form data validation', () => {
  it('accepts the required fields alone, and every type well filled', () => {
    expect(schema.safeParse(ok).success).toBe(true);
    const all = { ...ok, note: 'x', eta: 7, dal: '2026-03-01', uso: 'a', dieta: false, cf: 'rssmra85t10a562s', mail: 'A@B.it' };
    expect(schema.parse(all)).toMatchObject({ cf: 'RSSMRA85T10A562S', mail: 'a@b.it' });
    expect(schema.safeParse({ ...ok, note: null }).success).toBe(true);
  });

  it('refuses a missing or empty required field, an unticked declaration, and unknown fields', () => {
    for (const bad of [{ dichiaro: true }, { ...ok, nome: '  ' }, { ...ok, dichiaro: false }, { ...ok, extra: 1 }])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('refuses each type’s wrong values', () => {
    for (const bad of [
      { eta: '7' },
      { eta: Number.POSITIVE_INFINITY },
      { dal: '2026-02-30' },
      { uso: 'b' },
      { dieta: 'yes' },
      { cf: 'RSSMRA85T10A562T' },
      { mail: 'not-mail' },
      { note: 'x'.repeat(4001) },
    ])
      expect(schema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it('admins’ definitions: names unique, choices with options and only them', () => {
    const f = { name: 'a', type: 'text', label: { it: 'A' } };
    expect(formInput.safeParse({ fields: [f] }).success).toBe(true);
    expect(formInput.safeParse({ fields: [f, f] }).success).toBe(false);
    expect(formInput.safeParse({ fields: [{ ...f, type: 'choice' }] }).success).toBe(false);
    expect(formInput.safeParse({ fields: [{ ...f, options: [{ value: 'x', label: { it: 'X' } }] }] }).success).toBe(false);
    expect(formInput.safeParse({ fields: [{ ...f, name: 'Bad Name' }] }).success).toBe(false);
    expect(formInput.safeParse({ fields: [{ ...f, label: { en: 'A' } }] }).success).toBe(false);
  });
});
