/**
 * Checks what a citizen filled in against the form version they were shown: one zod schema built
 * from the field definitions, so the server validates from the same data the screens render.
 * Unknown fields are refused; optional ones may be left out or null.
 */
import { z } from 'zod';
import { formFieldSchema, type FormField } from '../../contract/forms';
import { calendarDay } from '../../contract/primitives';
import { fiscalCodeInput } from '../../contract/portal';

function valueSchema(f: FormField): z.ZodType {
  switch (f.type) {
    case 'text':
      return z
        .string()
        .trim()
        .max(500)
        .min(f.required ? 1 : 0);
    case 'longtext':
      return z
        .string()
        .trim()
        .max(4000)
        .min(f.required ? 1 : 0);
    case 'number':
      return z.number().finite().min(-1e9).max(1e9);
    case 'date':
      return calendarDay;
    case 'choice':
      return z.enum(f.options.map((o) => o.value) as [string, ...string[]]);
    case 'checkbox':
      // A required box must be ticked (a declaration, a consent).
      return f.required ? z.literal(true) : z.boolean();
    case 'fiscal_code':
      return fiscalCodeInput;
    case 'email':
      return z.string().trim().toLowerCase().max(254).email();
  }
}

export function dataSchemaFor(fields: readonly FormField[]) {
  return z.strictObject(
    Object.fromEntries(fields.map((f) => [f.name, f.required ? valueSchema(f) : valueSchema(f).nullable().optional()])),
  );
}

/** The fields of a stored form version (anything unreadable counts as no field). */
export function storedFields(json: unknown): FormField[] {
  const parsed = z.array(formFieldSchema).safeParse(json);
  return parsed.success ? parsed.data : [];
}
