'use client';
/** One field of a service's online form, as its type asks: label, help, "required", and the server's error under it. */
import { useTranslations } from 'use-intl';
import type { FormField } from '../contract/forms';
import { resolveText, textIn } from '../contract/lang';
import type { LanguageCode } from '../i18n/languages';
import styles from './portal.module.css';

export type FieldValue = string | boolean;

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function FormFieldInput({
  field,
  lang,
  value,
  error,
  onChange,
}: {
  field: FormField;
  lang: LanguageCode;
  value: FieldValue;
  error?: string;
  onChange: (v: FieldValue) => void;
}) {
  const t = useTranslations('citizenPortal');
  const id = `portal-field-${field.name}`;
  const label = resolveText(field.label, lang);
  const help = field.help ? resolveText(field.help, lang) : null;
  const helpId = help ? `${id}-help` : null;
  const errorId = error ? `${id}-error` : null;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(helpId, errorId),
    'aria-required': field.required || undefined,
    'data-testid': id,
  } as const;
  const labelText = (
    <>
      {/* An admin's text may fall back to another language: say which, for screen readers. */}
      <span lang={label.lang}>{label.text}</span>
      {field.required ? <span className={styles.required}> ({t('form.required')})</span> : null}
    </>
  );
  const helpText = help ? (
    <p id={helpId ?? undefined} className={styles.hint} lang={help.lang}>
      {help.text}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId ?? undefined} className={styles.fieldError}>
      {error}
    </p>
  ) : null;

  if (field.type === 'checkbox')
    return (
      <div className={styles.field}>
        <div className={`${styles.check} ${error ? styles.checkInvalid : ''}`}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={id}>{labelText}</label>
        </div>
        {helpText}
        {errorText}
      </div>
    );

  if (field.type === 'choice')
    return (
      <fieldset
        className={styles.fieldset}
        aria-describedby={describedBy(helpId, errorId)}
        aria-invalid={error ? true : undefined}
        data-testid={id}
      >
        <legend className={styles.label}>{labelText}</legend>
        {helpText}
        <div className={styles.options}>
          {field.options.map((o) => (
            <label key={o.value} className={`${styles.option} ${value === o.value ? styles.optionOn : ''}`}>
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                data-testid={`${id}-${o.value}`}
              />
              <span>{textIn(o.label, lang)}</span>
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );

  const text = typeof value === 'string' ? value : '';
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {labelText}
      </label>
      {helpText}
      {field.type === 'longtext' ? (
        <textarea
          {...common}
          className={styles.textarea}
          rows={4}
          maxLength={4000}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          className={styles.input}
          value={text}
          onChange={(e) => onChange(field.type === 'fiscal_code' ? e.target.value.toUpperCase() : e.target.value)}
          {...inputKind(field.type)}
        />
      )}
      {errorText}
    </div>
  );
}

/** What the phone's keyboard and the browser should offer for each type. */
function inputKind(type: FormField['type']) {
  switch (type) {
    case 'number':
      return { type: 'text', inputMode: 'decimal', dir: 'ltr' } as const;
    case 'date':
      return { type: 'date' } as const;
    case 'email':
      return { type: 'email', inputMode: 'email', autoComplete: 'email', dir: 'ltr' } as const;
    case 'fiscal_code':
      return {
        type: 'text',
        autoCapitalize: 'characters',
        autoComplete: 'off',
        spellCheck: false,
        maxLength: 16,
        dir: 'ltr',
      } as const;
    default:
      return { type: 'text', maxLength: 4000 } as const;
  }
}
