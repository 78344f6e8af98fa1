'use client';
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
import type { AdminCounter } from '../../contract/admin/counters';
import { EditButton } from './EditButton';
import { useConfirmedChange } from './useConfirmedChange';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = { number: number; name: string };
type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; id: string; draft: Draft } | null;

/** Counters of the chosen office: add, rename or renumber, delete (closed, never used). */
export function CountersConfig() {
  const t = useTranslations('admin');
  const { officeId } = useAdmin();
  const [list, setList] = useState<AdminCounter[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, close } = useEditDialog<Editing>();

  usePageTitle('config.counters.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      setList(await call(api.adminCounters, { query: { officeId } }));
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail]);

  useLoad(load);
  const change = useConfirmedChange(setNotice, load);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    try {
      if (editing.kind === 'new') await call(api.createCounter, { body: { officeId: officeId ?? '', ...editing.draft } });
      else await call(api.updateCounter, { params: { id: editing.id }, body: editing.draft });
      close();
      setNotice({ kind: 'success', key: 'config.saved' });
      await load();
    } catch (err) {
      fail(err, setFormError);
    }
  };

  const remove = (c: AdminCounter) =>
    change(t('config.counters.confirmDelete', { name: c.name }), () => call(api.deleteCounter, { params: { id: c.id } }), {
      kind: 'success',
      key: 'config.saved',
    });

  const nextNumber = Math.max(0, ...(list ?? []).map((c) => c.number)) + 1;

  return (
    <main className={styles.main} data-testid="admin-config-counters">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.counters.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() => setEditing({ kind: 'new', draft: { number: nextNumber, name: '' } })}
          data-testid="counter-new"
        >
          {t('config.counters.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <table className={styles.table} data-testid="counters-table">
          <caption className={styles.srOnly}>{t('config.counters.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.num}>
                {t('config.counters.number')}
              </th>
              <th scope="col">{t('config.counters.name')}</th>
              <th scope="col">{t('config.services.state')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((c) => (
              <tr key={c.id} data-testid={`counter-row-${c.number}`}>
                <td className={styles.num}>{c.number}</td>
                <th scope="row">{c.name}</th>
                <td>{t(`config.counters.states.${c.state}`)}</td>
                <td>
                  <div className={styles.actionsCell}>
                    <EditButton
                      name={c.name}
                      onClick={() => setEditing({ kind: 'edit', id: c.id, draft: { number: c.number, name: c.name } })}
                    />
                    <button
                      type="button"
                      className={styles.buttonSmallDanger}
                      disabled={c.state !== 'closed'}
                      onClick={() => void remove(c)}
                      aria-label={t('config.counters.deleteOf', { name: c.name })}
                    >
                      {t('config.counters.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.counters.new') : t('config.counters.edit')}
          onClose={close}
          testId="counter-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="counter-form-message" />
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('config.counters.number')}</span>
              <input
                className={styles.input}
                type="number"
                required
                min={1}
                max={999}
                value={editing.draft.number}
                onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, number: Number(e.target.value) } })}
              />
            </label>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('config.counters.name')}</span>
              <input
                className={styles.input}
                required
                maxLength={60}
                value={editing.draft.name}
                onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, name: e.target.value } })}
                data-testid="counter-name"
              />
            </label>
            <DialogActions onCancel={close} submitTestId="counter-save" />
          </form>
        </Dialog>
      )}
    </main>
  );
}
