'use client';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { languages, missingLanguages, type Lang, type LocalizedText } from '../../contract/lang';
import styles from './localized.module.css';
import { fromDraft, type TextDraft } from './text-draft';

/**
 * One admin-written text in every language: a compact row per language (its own name, an input
 * written in that language and direction), Italian marked required, each untranslated language
 * marked "missing" (it falls back by the rule of contract/lang.ts), and how many are missing.
 * `errors` maps a language code to its error (see `languageErrors`). Test ids: `<testId>-<lang>`
 * for the inputs, `<testId>-group` for the whole.
 */
export function LocalizedTextField({
  label,
  value,
  onChange,
  required = true,
  maxLength,
  errors,
  testId,
}: {
  label: string;
  value: TextDraft;
  onChange: (value: TextDraft) => void;
  /** Italian required (names); false: the whole text may stay empty (hints, reasons). */
  required?: boolean;
  maxLength?: number;
  errors?: Partial<Record<Lang, string>>;
  testId?: string;
}) {
  const t = useTranslations('admin');
  const id = useId();
  const empty = languages.every((l) => !value[l.code].trim());
  const missing = empty ? [] : missingLanguages(fromDraft(value)).filter((l) => l !== 'it' || !required);
  const untranslated = missing.filter((l) => l !== 'it');
  return (
    <fieldset className={styles.group} data-testid={testId ? `${testId}-group` : undefined}>
      <legend className={styles.legend}>
        {label}
        <span className={styles.summary} data-testid={testId ? `${testId}-summary` : undefined}>
          {empty && !required
            ? t('config.texts.none')
            : untranslated.length === 0
              ? t('config.texts.complete')
              : t('config.texts.missingCount', { count: untranslated.length })}
        </span>
      </legend>
      <div className={styles.rows}>
        {languages.map((l) => {
          const inputId = `${id}-${l.code}`;
          const markId = `${inputId}-mark`;
          const errorId = `${inputId}-error`;
          const error = errors?.[l.code];
          const isRequired = required && l.code === 'it';
          const isMissing = !isRequired && !empty && !value[l.code].trim();
          const describedBy = [isRequired || isMissing ? markId : null, error ? errorId : null].filter(Boolean).join(' ');
          return (
            <div key={l.code} style={{ display: 'contents' }}>
              <label htmlFor={inputId} className={styles.lang}>
                <span className="visually-hidden">{`${label}: `}</span>
                <span lang={l.code}>{l.nativeName}</span>
                <span className={styles.code} aria-hidden="true">
                  {l.code}
                </span>
              </label>
              <input
                id={inputId}
                className={styles.input}
                lang={l.code}
                dir={l.dir}
                value={value[l.code]}
                onChange={(e) => onChange({ ...value, [l.code]: e.target.value })}
                required={isRequired}
                maxLength={maxLength}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                data-testid={testId ? `${testId}-${l.code}` : undefined}
              />
              <span>
                {isRequired && (
                  <span id={markId} className={styles.required}>
                    {t('config.texts.required')}
                  </span>
                )}
                {isMissing && (
                  <span id={markId} className={styles.missing} data-testid={testId ? `${testId}-${l.code}-missing` : undefined}>
                    {t('config.texts.missing')}
                  </span>
                )}
              </span>
              {error && (
                <p id={errorId} className={styles.error}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** In a table row: the languages a text lacks, as codes (their names on hover and for screen readers); nothing when complete. */
export function MissingLanguages({ text, testId }: { text: LocalizedText | null; testId?: string }) {
  const t = useTranslations('admin');
  if (!text) return null;
  const missing = missingLanguages(text);
  if (missing.length === 0) return null;
  const names = missing.map((code) => languages.find((l) => l.code === code)?.nativeName ?? code);
  return (
    <span className={styles.missingList} data-testid={testId} title={names.join(', ')}>
      <span className="visually-hidden">{t('config.texts.missingIn', { languages: names.join(', ') })}</span>
      {missing.map((code) => (
        <span key={code} className={styles.missingCode} aria-hidden="true">
          {code.toUpperCase()}
        </span>
      ))}
    </span>
  );
}
