'use client';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { ActionsHeader } from './ActionsHeader';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import { Field } from './Field';
import type { SchedulesAnswer } from '../../contract/schedules';
import { useConfirmedChange } from './useConfirmedChange';
import { useLoad } from '../../ui/useLoad';
import { resolveText } from '../../contract/lang';
import { LocalizedTextField, MissingLanguages } from './LocalizedTextField';
import { fromOptionalDraft, languageErrors, textDraft } from './text-draft';

type OfficeRules = SchedulesAnswer['offices'][number];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Closures (date ranges with a reason; add, delete) and the patron saint day of one office. */
export function OfficesClosures({ officeId }: { officeId: string }) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [rules, setRules] = useState<OfficeRules | null>(null);
  const [closure, setClosure] = useState({ fromDay: '', toDay: '', reason: textDraft() });
  const [closureNotice, setClosureNotice] = useState<Notice | null>(null);
  const [closureIssues, setClosureIssues] = useState<Map<string, string>>(new Map());
  const [patron, setPatron] = useState({ day: 1, month: 1, name: textDraft() });
  const [patronNotice, setPatronNotice] = useState<Notice | null>(null);
  const [patronIssues, setPatronIssues] = useState<Map<string, string>>(new Map());

  const fail = useFailure();

  const load = useCallback(async () => {
    try {
      const answer = await call(api.schedules, { query: { officeId } });
      const o = answer.offices[0] ?? null;
      setRules(o);
      setPatron(
        o?.patronDay
          ? { day: o.patronDay.day, month: o.patronDay.month, name: textDraft(o.patronDay.name) }
          : { day: 1, month: 1, name: textDraft() },
      );
    } catch (err) {
      fail(err, setClosureNotice);
    }
  }, [officeId, fail]);

  // The component is keyed by office: a new office mounts a new one, with empty notices.
  useLoad(load);
  const changeClosures = useConfirmedChange(setClosureNotice, load, setClosureIssues);

  const dateFormat = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }), [lang]);
  const monthNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    return new Map(MONTHS.map((m) => [m, f.format(new Date(Date.UTC(2024, m - 1, 1)))]));
  }, [lang]);
  const showDay = (d: string) => dateFormat.format(new Date(`${d}T00:00:00Z`));

  const addClosure = async (e: FormEvent) => {
    e.preventDefault();
    // The API names these too; checking here first saves a round trip and says it in the screen's language.
    const local = new Map<string, string>();
    if (!closure.fromDay) local.set('fromDay', 'required');
    if (!closure.toDay) local.set('toDay', 'required');
    else if (closure.fromDay && closure.toDay < closure.fromDay) local.set('toDay', 'order');
    if (local.size > 0) {
      setClosureIssues(local);
      setClosureNotice({ kind: 'error', key: 'errors.invalid_input' });
      return;
    }
    try {
      await call(api.addClosure, { body: { officeId, ...closure, reason: fromOptionalDraft(closure.reason) } });
      setClosure({ fromDay: '', toDay: '', reason: textDraft() });
      setClosureIssues(new Map());
      setClosureNotice({ kind: 'success', key: 'config.offices.closures.added' });
      await load();
    } catch (err) {
      fail(err, setClosureNotice, setClosureIssues);
    }
  };

  const removeClosure = (c: OfficeRules['closures'][number]) =>
    changeClosures(
      t('config.offices.closures.confirmDelete', { from: showDay(c.fromDay), to: showDay(c.toDay) }),
      () => call(api.removeClosure, { params: { id: c.id } }),
      { kind: 'success', key: 'config.offices.closures.deleted' },
    );

  const savePatron = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call(api.patronDay, { body: { officeId, patronDay: { ...patron, name: fromOptionalDraft(patron.name) } } });
      setPatronIssues(new Map());
      setPatronNotice({ kind: 'success', key: 'config.offices.patron.saved' });
      await load();
    } catch (err) {
      fail(err, setPatronNotice, setPatronIssues);
    }
  };

  const removePatron = async () => {
    try {
      await call(api.patronDay, { body: { officeId, patronDay: null } });
      setPatronIssues(new Map());
      setPatronNotice({ kind: 'success', key: 'config.offices.patron.removed' });
      await load();
    } catch (err) {
      fail(err, setPatronNotice, setPatronIssues);
    }
  };

  const closureError = (path: string) => {
    const v = closureIssues.get(path);
    if (!v) return null;
    if (v === 'order' || (path === 'toDay' && /before/i.test(v))) return t('config.offices.closures.errors.order');
    return t('config.offices.closures.errors.day');
  };

  return (
    <div className={styles.stack}>
      <section className={styles.card} aria-labelledby="closures-title" data-testid="office-closures">
        <div className={styles.cardHead}>
          <h2 className={styles.h2} id="closures-title">
            {t('config.offices.closures.title')}
          </h2>
        </div>
        <div className={styles.cardBody}>
          <p className={styles.muted}>{t('config.offices.closures.intro')}</p>
          <NoticeBox notice={closureNotice} onDismiss={() => setClosureNotice(null)} testId="closures-message" />
          {rules && rules.closures.length === 0 && <p>{t('config.offices.closures.none')}</p>}
          {rules && rules.closures.length > 0 && (
            <table className={styles.table} data-testid="closures-table">
              <thead>
                <tr>
                  <th scope="col">{t('config.offices.closures.dates')}</th>
                  <th scope="col">{t('config.offices.closures.reason')}</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {rules.closures.map((c) => (
                  <tr key={c.id} data-testid="closure-row">
                    <th scope="row" className={styles.nowrap}>
                      {c.fromDay === c.toDay ? showDay(c.fromDay) : `${showDay(c.fromDay)} – ${showDay(c.toDay)}`}
                    </th>
                    <td>
                      {c.reason && (
                        <>
                          <span lang={resolveText(c.reason, lang).lang}>{resolveText(c.reason, lang).text}</span>{' '}
                          <MissingLanguages text={c.reason} />
                        </>
                      )}
                    </td>
                    <td>
                      <div className={styles.actionsCell}>
                        <button
                          type="button"
                          className={styles.buttonSmallDanger}
                          onClick={() => void removeClosure(c)}
                          aria-label={t('config.offices.closures.deleteOf', { from: showDay(c.fromDay), to: showDay(c.toDay) })}
                        >
                          {t('config.offices.closures.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form className={styles.cardBody} onSubmit={addClosure} noValidate>
            <div className={styles.formRow}>
              <Field label={t('config.offices.closures.from')} error={closureError('fromDay')}>
                {(p) => (
                  <input
                    {...p}
                    className={styles.input}
                    type="date"
                    required
                    value={closure.fromDay}
                    onChange={(e) => setClosure({ ...closure, fromDay: e.target.value, toDay: closure.toDay || e.target.value })}
                    data-testid="closure-from"
                  />
                )}
              </Field>
              <Field label={t('config.offices.closures.to')} error={closureError('toDay')} testId="closure-to">
                {(p) => (
                  <input
                    {...p}
                    className={styles.input}
                    type="date"
                    required
                    value={closure.toDay}
                    onChange={(e) => setClosure({ ...closure, toDay: e.target.value })}
                    data-testid="closure-to"
                  />
                )}
              </Field>
            </div>
            <LocalizedTextField
              label={t('config.offices.closures.reason')}
              value={closure.reason}
              onChange={(reason) => setClosure({ ...closure, reason })}
              required={false}
              maxLength={200}
              errors={languageErrors(closureIssues, 'reason', t('config.offices.closures.errors.reason'))}
              testId="closure-reason"
            />
            <div className={styles.dialogButtons}>
              <button type="submit" className={styles.buttonPrimary} data-testid="closure-add">
                {t('config.offices.closures.add')}
              </button>
            </div>
          </form>
        </div>
      </section>

      <section className={styles.card} aria-labelledby="patron-title" data-testid="office-patron">
        <div className={styles.cardHead}>
          <h2 className={styles.h2} id="patron-title">
            {t('config.offices.patron.title')}
          </h2>
        </div>
        <form className={styles.cardBody} onSubmit={savePatron} noValidate>
          <p className={styles.muted}>{t('config.offices.patron.intro')}</p>
          <NoticeBox notice={patronNotice} onDismiss={() => setPatronNotice(null)} testId="patron-message" />
          <div className={styles.formRow}>
            <Field
              label={t('config.offices.patron.day')}
              error={patronIssues.has('patronDay.day') ? t('config.offices.patron.errors.day') : null}
              testId="patron-day"
            >
              {(p) => (
                <input
                  {...p}
                  className={`${styles.input} ${styles.numberInput}`}
                  type="number"
                  min={1}
                  max={31}
                  required
                  value={patron.day}
                  onChange={(e) => setPatron({ ...patron, day: Number(e.target.value) })}
                  data-testid="patron-day"
                />
              )}
            </Field>
            <Field
              label={t('config.offices.patron.month')}
              error={patronIssues.has('patronDay.month') ? t('config.fieldInvalid') : null}
            >
              {(p) => (
                <select
                  {...p}
                  className={styles.select}
                  value={patron.month}
                  onChange={(e) => setPatron({ ...patron, month: Number(e.target.value) })}
                  data-testid="patron-month"
                >
                  {MONTHS.map((m) => (
                    <option key={m} value={m}>
                      {monthNames.get(m)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <LocalizedTextField
            label={t('config.offices.patron.name')}
            value={patron.name}
            onChange={(name) => setPatron({ ...patron, name })}
            required={false}
            maxLength={100}
            errors={languageErrors(patronIssues, 'patronDay.name', t('config.offices.patron.errors.name'))}
            testId="patron-name"
          />
          <div className={styles.dialogButtons}>
            {rules?.patronDay && (
              <button
                type="button"
                className={styles.buttonSecondary}
                onClick={() => void removePatron()}
                data-testid="patron-remove"
              >
                {t('config.offices.patron.remove')}
              </button>
            )}
            <button type="submit" className={styles.buttonPrimary} data-testid="patron-save">
              {t('config.offices.patron.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
