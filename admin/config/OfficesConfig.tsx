'use client';
import { resolveText } from '../../contract/lang';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../../ui/staff/Dialog';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';
import { ActionsHeader } from './ActionsHeader';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import type { AdminOffice } from '../../contract/admin/offices';
import { EditButton } from './EditButton';
import { Field } from './Field';
import { OfficesClosures } from './OfficesClosures';
import { OfficesHours } from './OfficesHours';
import { OfficesWalkIn } from './OfficesWalkIn';
import { LocalizedTextField, MissingLanguages } from './LocalizedTextField';
import { fromDraft, languageErrors, textDraft, type TextDraft } from './text-draft';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = { slug: string; name: TextDraft; address: string; timeZone: string; sortOrder: number };
type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; id: string; draft: Draft } | null;

/**
 * Offices: names, address, list order (and a new office); below, the appointment hours, closures
 * and patron day of the office chosen in the top bar (or with "Hours and closures" in the list).
 */
export function OfficesConfig() {
  const t = useTranslations('admin');
  const { officeId, lang, chooseOffice, reloadOffices } = useAdmin();
  const [list, setList] = useState<AdminOffice[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();

  usePageTitle('config.offices.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    try {
      setList(await call(api.adminOffices));
    } catch (err) {
      fail(err, setNotice);
    }
  }, [fail]);

  useLoad(load);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const { slug, timeZone, name, ...rest } = editing.draft;
    const fields = { ...rest, name: fromDraft(name) };
    try {
      if (editing.kind === 'new') await call(api.createOffice, { body: { slug, timeZone, ...fields } });
      else await call(api.updateOffice, { params: { id: editing.id }, body: fields });
      close();
      setNotice({ kind: 'success', key: 'config.saved' });
      await Promise.all([load(), reloadOffices()]);
    } catch (err) {
      fail(err, setFormError, setIssues);
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, [k]: v } } : cur));
  const nameOf = (o: AdminOffice) => resolveText(o.name, lang).text;
  const current = list?.find((o) => o.id === officeId) ?? null;
  const nextOrder = Math.max(0, ...(list ?? []).map((o) => o.sortOrder)) + 1;
  const err = (path: string) => (issues.has(path) ? t('config.fieldInvalid') : null);

  return (
    <main className={styles.main} data-testid="admin-config-offices">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.offices.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() =>
            setEditing({
              kind: 'new',
              draft: { slug: '', name: textDraft(), address: '', timeZone: 'Europe/Rome', sortOrder: nextOrder },
            })
          }
          data-testid="office-new"
        >
          {t('config.offices.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card} aria-labelledby="offices-list">
        <h2 className={styles.h2} id="offices-list">
          {t('config.offices.list')}
        </h2>
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="offices-table">
            <thead>
              <tr>
                <th scope="col" className={styles.num}>
                  {t('config.offices.sortOrder')}
                </th>
                <th scope="col">{t('config.offices.name')}</th>
                <th scope="col">{t('config.offices.address')}</th>
                <th scope="col">{t('config.offices.timeZone')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {(list ?? []).map((o) => (
                <tr
                  key={o.id}
                  className={o.id === officeId ? styles.currentRow : undefined}
                  aria-current={o.id === officeId ? 'true' : undefined}
                  data-testid={`office-row-${o.slug}`}
                >
                  <td className={styles.num}>{o.sortOrder}</td>
                  <th scope="row">
                    <span lang={resolveText(o.name, lang).lang}>{nameOf(o)}</span>{' '}
                    <MissingLanguages text={o.name} testId={`office-missing-${o.slug}`} />
                    {o.isOneStop && (
                      <>
                        <span className={styles.statusNote}>{t('config.offices.oneStop')}</span>
                      </>
                    )}
                  </th>
                  <td>{o.address}</td>
                  <td>{o.timeZone}</td>
                  <td>
                    <div className={styles.actionsCell}>
                      <EditButton
                        name={nameOf(o)}
                        onClick={() =>
                          setEditing({
                            kind: 'edit',
                            id: o.id,
                            draft: {
                              slug: o.slug,
                              name: textDraft(o.name),
                              address: o.address,
                              timeZone: o.timeZone,
                              sortOrder: o.sortOrder,
                            },
                          })
                        }
                        testId={`office-edit-${o.slug}`}
                      />
                      <button
                        type="button"
                        className={styles.buttonSmall}
                        onClick={() => chooseOffice(o.id)}
                        aria-pressed={o.id === officeId}
                        aria-label={t('config.offices.manageOf', { name: nameOf(o) })}
                        data-testid={`office-manage-${o.slug}`}
                      >
                        {t('config.offices.manage')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {current && (
        <>
          <h2 className={styles.h1} data-testid="office-selected">
            {t('config.offices.selected', { name: nameOf(current) })}
          </h2>
          <div className={styles.officeGrid}>
            {/* Keyed by office: a late answer for the previous office cannot land in the new one. */}
            <OfficesWalkIn key={`walkin-${current.id}`} office={current} onSaved={load} />
            <OfficesHours key={`hours-${current.id}`} officeId={current.id} />
            <OfficesClosures key={`closures-${current.id}`} officeId={current.id} />
          </div>
        </>
      )}
      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.offices.new') : t('config.offices.edit')}
          onClose={close}
          testId="office-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save} noValidate>
            <NoticeBox notice={formError} testId="office-form-message" />
            {editing.kind === 'new' && (
              <Field label={t('config.offices.slug')} error={err('slug')}>
                {(p) => (
                  <input
                    {...p}
                    className={styles.input}
                    required
                    maxLength={60}
                    value={editing.draft.slug}
                    onChange={(e) => set('slug', e.target.value)}
                    data-testid="office-slug"
                  />
                )}
              </Field>
            )}
            <LocalizedTextField
              label={t('config.offices.name')}
              value={editing.draft.name}
              onChange={(v) => set('name', v)}
              maxLength={120}
              errors={languageErrors(issues, 'name', t('config.fieldInvalid'))}
              testId="office-name"
            />
            <Field label={t('config.offices.address')} error={err('address')}>
              {(p) => (
                <input
                  {...p}
                  className={styles.input}
                  maxLength={200}
                  value={editing.draft.address}
                  onChange={(e) => set('address', e.target.value)}
                  data-testid="office-address"
                />
              )}
            </Field>
            <div className={styles.formRow}>
              <Field label={t('config.offices.sortOrder')} error={err('sortOrder')}>
                {(p) => (
                  <input
                    {...p}
                    className={`${styles.input} ${styles.numberInput}`}
                    type="number"
                    min={0}
                    max={10000}
                    value={editing.draft.sortOrder}
                    onChange={(e) => set('sortOrder', Number(e.target.value))}
                  />
                )}
              </Field>
              <Field label={t('config.offices.timeZone')} hint={t('config.offices.timeZoneHint')} error={err('timeZone')}>
                {(p) => (
                  <input
                    {...p}
                    className={styles.input}
                    value={editing.draft.timeZone}
                    readOnly={editing.kind === 'edit'}
                    onChange={(e) => set('timeZone', e.target.value)}
                    data-testid="office-timezone"
                  />
                )}
              </Field>
            </div>
            <DialogActions onCancel={close} submitTestId="office-save" />
          </form>
        </Dialog>
      )}
    </main>
  );
}
