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
import type { AdminCategory } from '../../contract/admin/catalog';
import { EditButton } from './EditButton';
import { LocalizedTextField, MissingLanguages } from './LocalizedTextField';
import { fromDraft, languageErrors, textDraft, type TextDraft } from './text-draft';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = { slug: string; name: TextDraft; icon: string };
type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; id: string; draft: Draft } | null;

/** Categories in kiosk order: move up and down, edit the name (every language) and icon, add. */
export function CategoriesConfig() {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [list, setList] = useState<AdminCategory[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();
  const [busy, setBusy] = useState(false);

  usePageTitle('config.categories.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    try {
      setList(await call(api.adminCategories));
    } catch (err) {
      fail(err, setNotice);
    }
  }, [fail]);

  useLoad(load);

  const move = async (index: number, by: -1 | 1) => {
    if (!list) return;
    const ids = list.map((c) => c.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    setBusy(true);
    try {
      setList(await call(api.reorderCategories, { body: { ids } }));
      setNotice({ kind: 'success', key: 'config.saved' });
    } catch (err) {
      fail(err, setNotice);
      await load();
    } finally {
      setBusy(false);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const { slug, name, icon } = editing.draft;
    const fields = { name: fromDraft(name), icon };
    try {
      if (editing.kind === 'new') await call(api.createCategory, { body: { slug, ...fields } });
      else await call(api.updateCategory, { params: { id: editing.id }, body: fields });
      close();
      setNotice({ kind: 'success', key: 'config.saved' });
      await load();
    } catch (err) {
      fail(err, setFormError, setIssues);
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, [k]: v } } : cur));
  const name = (c: AdminCategory) => resolveText(c.name, lang).text;

  return (
    <main className={styles.main} data-testid="admin-config-categories">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.categories.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() => setEditing({ kind: 'new', draft: { slug: '', name: textDraft(), icon: '' } })}
          data-testid="category-new"
        >
          {t('config.categories.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <p className={styles.muted}>{t('config.categories.intro')}</p>
        <table className={styles.table} data-testid="categories-table">
          <caption className={styles.srOnly}>{t('config.categories.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.num}>
                #
              </th>
              <th scope="col">{t('config.categories.icon')}</th>
              <th scope="col">{t('config.services.name')}</th>
              <th scope="col" className={styles.num}>
                {t('config.categories.services')}
              </th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((c, i) => (
              <tr key={c.id} data-testid={`category-row-${c.slug}`}>
                <td className={styles.num}>{i + 1}</td>
                <td aria-hidden="true">{c.icon}</td>
                <th scope="row">
                  <span lang={resolveText(c.name, lang).lang}>{name(c)}</span>{' '}
                  <MissingLanguages text={c.name} testId={`category-missing-${c.slug}`} />
                </th>
                <td className={styles.num}>{c.services}</td>
                <td>
                  <div className={styles.actionsCell}>
                    <button
                      type="button"
                      className={styles.buttonSmall}
                      disabled={busy || i === 0}
                      onClick={() => void move(i, -1)}
                      aria-label={t('config.categories.up', { name: name(c) })}
                      data-testid={`category-up-${c.slug}`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className={styles.buttonSmall}
                      disabled={busy || i === (list?.length ?? 0) - 1}
                      onClick={() => void move(i, 1)}
                      aria-label={t('config.categories.down', { name: name(c) })}
                      data-testid={`category-down-${c.slug}`}
                    >
                      ↓
                    </button>
                    <EditButton
                      name={name(c)}
                      onClick={() =>
                        setEditing({
                          kind: 'edit',
                          id: c.id,
                          draft: { slug: c.slug, name: textDraft(c.name), icon: c.icon },
                        })
                      }
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.categories.new') : t('config.categories.edit')}
          onClose={close}
          testId="category-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="category-form-message" />
            {editing.kind === 'new' && (
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.categories.slug')}</span>
                <input
                  className={styles.input}
                  required
                  pattern="[a-z0-9][a-z0-9\-]{1,59}"
                  value={editing.draft.slug}
                  onChange={(e) => set('slug', e.target.value)}
                />
              </label>
            )}
            <LocalizedTextField
              label={t('config.services.name')}
              value={editing.draft.name}
              onChange={(v) => set('name', v)}
              maxLength={120}
              errors={languageErrors(issues, 'name', t('config.fieldInvalid'))}
              testId="category-name"
            />
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('config.categories.icon')}</span>
              <input
                className={styles.input}
                maxLength={16}
                value={editing.draft.icon}
                onChange={(e) => set('icon', e.target.value)}
              />
            </label>
            <DialogActions onCancel={close} />
          </form>
        </Dialog>
      )}
    </main>
  );
}
