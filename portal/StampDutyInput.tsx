'use client';
/**
 * A certificate's stamp duty ("imposta di bollo"), asked with the request: the citizen either
 * gives the 14-digit number of the revenue stamp they bought, or picks the legal exemption that
 * applies to the use they need it for (contract/certificates.ts; the server checks both again).
 */
import { useTranslations } from 'use-intl';
import { STAMP_DUTY_EXEMPTIONS, type StampDuty, type StampDutyExemption } from '../contract/certificates';
import styles from './portal.module.css';

export interface StampDutyValue {
  mode: '' | 'stamp' | 'exempt';
  stampNumber: string;
  exemption: StampDutyExemption | '';
}
export const emptyStampDuty: StampDutyValue = { mode: '', stampNumber: '', exemption: '' };

/** The value to send, or the message key of what is missing. */
export function stampDutyOf(v: StampDutyValue): { ok: StampDuty } | { error: string } {
  if (v.mode === 'stamp') {
    const n = v.stampNumber.replace(/\s/g, '');
    return /^\d{14}$/.test(n) ? { ok: { kind: 'stamp', stampNumber: n } } : { error: 'stampDuty.numberInvalid' };
  }
  if (v.mode === 'exempt')
    return v.exemption ? { ok: { kind: 'exempt', exemption: v.exemption } } : { error: 'stampDuty.pickReason' };
  return { error: 'stampDuty.pick' };
}

const EXEMPTIONS = Object.keys(STAMP_DUTY_EXEMPTIONS) as StampDutyExemption[];

export function StampDutyInput({
  value,
  error,
  onChange,
}: {
  value: StampDutyValue;
  error?: string;
  onChange: (v: StampDutyValue) => void;
}) {
  const t = useTranslations('citizenPortal');
  const id = 'portal-stamp';
  const errorText = error ? (
    <p id={`${id}-error`} className={styles.fieldError}>
      {error}
    </p>
  ) : null;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
      aria-invalid={error ? true : undefined}
      data-testid={id}
    >
      <legend className={styles.label}>
        {t('stampDuty.title')} <span className={styles.required}>({t('form.required')})</span>
      </legend>
      <p id={`${id}-help`} className={styles.hint}>
        {t('stampDuty.help')}
      </p>
      <div className={styles.options}>
        {(['stamp', 'exempt'] as const).map((mode) => (
          <label key={mode} className={`${styles.option} ${value.mode === mode ? styles.optionOn : ''}`}>
            <input
              type="radio"
              name={id}
              value={mode}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
              data-testid={`${id}-${mode}`}
            />
            <span>{t(`stampDuty.${mode}`)}</span>
          </label>
        ))}
      </div>
      {value.mode === 'stamp' ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-number`} className={styles.label}>
            {t('stampDuty.number')}
          </label>
          <p id={`${id}-number-help`} className={styles.hint}>
            {t('stampDuty.numberHelp')}
          </p>
          <input
            id={`${id}-number`}
            className={styles.input}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            dir="ltr"
            aria-describedby={`${id}-number-help`}
            value={value.stampNumber}
            onChange={(e) => onChange({ ...value, stampNumber: e.target.value })}
            data-testid={`${id}-number`}
          />
        </div>
      ) : null}
      {value.mode === 'exempt' ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-reason`} className={styles.label}>
            {t('stampDuty.reason')}
          </label>
          <select
            id={`${id}-reason`}
            className={styles.input}
            value={value.exemption}
            onChange={(e) => onChange({ ...value, exemption: e.target.value as StampDutyExemption | '' })}
            data-testid={`${id}-reason`}
          >
            <option value="">{t('stampDuty.choose')}</option>
            {EXEMPTIONS.map((e) => (
              <option key={e} value={e}>
                {t(`stampDuty.exemptions.${e}`)}
              </option>
            ))}
          </select>
          {value.exemption ? (
            <p className={styles.hint} lang="it" data-testid={`${id}-law`}>
              {STAMP_DUTY_EXEMPTIONS[value.exemption].text}
            </p>
          ) : null}
        </div>
      ) : null}
      {errorText}
    </fieldset>
  );
}
