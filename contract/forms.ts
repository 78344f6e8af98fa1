/**
 * A service's online form, defined as data by admins: the fields a citizen fills in, with labels
 * in every language. The server validates submissions from the same definition (server/forms/),
 * and a procedure keeps the version it was submitted with.
 */
import { z } from './zod';
import { localizedText, localizedTextSchema } from './lang';

export const formFieldTypeSchema = z.enum(['text', 'longtext', 'number', 'date', 'choice', 'checkbox', 'fiscal_code', 'email']);
export type FormFieldType = z.infer<typeof formFieldTypeSchema>;

const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower case letters, digits and _');

/** A field as admins write it (labels: Italian required). */
export const formFieldInput = z.strictObject({
  name: fieldName,
  type: formFieldTypeSchema,
  label: localizedText(200),
  help: localizedText(400).nullable().default(null),
  required: z.boolean().default(false),
  /** `choice` only: the values offered. */
  options: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(80), label: localizedText(200) }))
    .max(50)
    .default([]),
});

/** PUT /api/admin/services/{id}/form body. */
export const formInput = z.strictObject({ fields: z.array(formFieldInput).max(40) }).superRefine((f, ctx) => {
  const seen = new Set<string>();
  f.fields.forEach((field, i) => {
    if (seen.has(field.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: 'used twice' });
    seen.add(field.name);
    if ((field.type === 'choice') !== field.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'choice fields need options, others none' });
  });
});

export const formFieldSchema = z.object({
  name: z.string(),
  type: formFieldTypeSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.nullable(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: localizedTextSchema })),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** A version of a service's form as screens get it. */
export const formSchema = z.object({ version: z.number(), fields: z.array(formFieldSchema) });
export type FormDefinition = z.infer<typeof formSchema>;
