import type { FormField } from '../contract/forms';
import type { FieldValue } from './FormFieldInput';

/** A form's values as the server takes them: trimmed, numbers as numbers, empty fields left out. */
export function dataOf(fields: FormField[], values: Record<string, FieldValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined) continue;
    if (typeof v === 'boolean') out[f.name] = v;
    else if (v.trim() === '') continue;
    else if (f.type === 'number') {
      const n = Number(v.trim().replace(',', '.'));
      out[f.name] = Number.isFinite(n) ? n : v.trim();
    } else out[f.name] = v.trim();
  }
  return out;
}
