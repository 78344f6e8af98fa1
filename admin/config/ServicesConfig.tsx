'use client';
import { textIn, textIncludes } from '../../contract/lang';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
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
import type { AdminCategory, AdminService } from '../../contract/admin/catalog';
import { EditButton } from './EditButton';
import { ServiceFormDialog } from './ServiceFormDialog';
import { LocalizedTextField, MissingLanguages } from './LocalizedTextField';
import { fromDraft, languageErrors, textDraft, type TextDraft } from './text-draft';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = Omit<AdminService, 'id' | 'sortOrder' | 'name' | 'certificate'> & { name: TextDraft };
const toDraft = (s: AdminService): Draft => ({
  code: s.code,
  prefix: s.prefix,
  name: textDraft(s.name),
  keywords: s.keywords,
  mode: s.mode,
  expectedMinutes: s.expectedMinutes,
  targetWaitMinutes: s.targetWaitMinutes,
  active: s.active,
  categoryId: s.categoryId,
  officeId: s.officeId,
  onlineIdentity: s.onlineIdentity,
  legalDeadlineDays: s.legalDeadlineDays,
});
type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; id: string; draft: Draft } | null;

/** Services of the chosen office: filter, edit (name in every language, prefix, category, mode, times, active, keywords), add. */
export function ServicesConfig() {
  const t = useTranslations('admin');
  const { officeId, lang } = useAdmin();
  const [services, setServices] = useState<AdminService[] | null>(null);
  const [categories, setCategories] = useState<AdminCategory[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [categoryFilter, setCategoryFilter] = useState('');
  const [activeFilter, setActiveFilter] = useState<'all' | 'true' | 'false'>('all');
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();
  const [editingForm, setEditingForm] = useState<AdminService | null>(null);

  usePageTitle('config.services.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      const [s, c] = await Promise.all([call(api.adminServices, { query: { officeId } }), call(api.adminCategories)]);
      setServices(s);
      setCategories(c);
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail]);

  useLoad(load);

  const catName = useMemo(() => new Map(categories.map((c) => [c.id, textIn(c.name, lang)])), [categories, lang]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (services ?? []).filter(
      (s) =>
        (!categoryFilter || s.categoryId === categoryFilter) &&
        (activeFilter === 'all' || String(s.active) === activeFilter) &&
        (!q || textIncludes(s.name, q) || [s.code, s.prefix, s.keywords].some((x) => x.toLowerCase().includes(q))),
    );
  }, [services, query, categoryFilter, activeFilter]);

  const startNew = () =>
    setEditing({
      kind: 'new',
      draft: {
        code: '',
        prefix: '',
        name: textDraft(),
        keywords: '',
        mode: 'desk',
        expectedMinutes: 10,
        targetWaitMinutes: 20,
        active: true,
        categoryId: categories[0]?.id ?? '',
        officeId: officeId ?? '',
        onlineIdentity: null,
        legalDeadlineDays: 30,
      },
    });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const { code, name, ...rest } = editing.draft;
    const fields = { ...rest, name: fromDraft(name) };
    try {
      if (editing.kind === 'new') {
        await call(api.createService, { body: { code, ...fields } });
      } else {
        const { officeId: _office, ...rest } = fields;
        await call(api.updateService, { params: { id: editing.id }, body: rest });
      }
      close();
      setNotice({ kind: 'success', key: 'config.saved' });
      await load();
    } catch (err) {
      fail(err, setFormError, setIssues);
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, [k]: v } } : cur));

  return (
    <main className={styles.main} data-testid="admin-config-services">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.services.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={startNew}
          disabled={categories.length === 0}
          data-testid="service-new"
        >
          {t('config.services.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card} aria-labelledby="svc-filter">
        <h2 className={styles.h2} id="svc-filter">
          {t('config.filter')}
        </h2>
        <div className={styles.formRow}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('config.search')}</span>
            <input
              className={styles.input}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="service-filter"
            />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('config.services.category')}</span>
            <select className={styles.select} value={categoryFilter} onChange={(e) => setCategoryFilter(e.target.value)}>
              <option value="">{t('config.all')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {catName.get(c.id)}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('config.services.state')}</span>
            <select
              className={styles.select}
              value={activeFilter}
              onChange={(e) => setActiveFilter(e.target.value as typeof activeFilter)}
            >
              <option value="all">{t('config.all')}</option>
              <option value="true">{t('config.active')}</option>
              <option value="false">{t('config.inactive')}</option>
            </select>
          </label>
        </div>
      </section>
      <section className={styles.card} aria-labelledby="svc-list">
        <div className={styles.cardHead}>
          <h2 className={styles.h2} id="svc-list">
            {t('config.services.list')}
          </h2>
          <p className={styles.muted}>{t('config.services.count', { shown: shown.length, total: services?.length ?? 0 })}</p>
        </div>
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="services-table">
            <thead>
              <tr>
                <th scope="col">{t('config.services.prefix')}</th>
                <th scope="col">{t('config.services.name')}</th>
                <th scope="col">{t('config.services.category')}</th>
                <th scope="col">{t('config.services.mode')}</th>
                <th scope="col" className={styles.num}>
                  {t('config.services.expected')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('config.services.target')}
                </th>
                <th scope="col">{t('config.services.state')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} data-testid={`service-row-${s.code}`}>
                  <td>
                    <span className={styles.prefix}>{s.prefix}</span>
                  </td>
                  <th scope="row">
                    <span data-testid="service-name">{textIn(s.name, lang)}</span>{' '}
                    <MissingLanguages text={s.name} testId={`service-missing-${s.code}`} />
                    <br />
                    <span className={styles.muted}>{s.code}</span>
                  </th>
                  <td>{catName.get(s.categoryId)}</td>
                  <td>{t(`config.services.modes.${s.mode}`)}</td>
                  <td className={styles.num}>{s.expectedMinutes}</td>
                  <td className={styles.num}>{s.targetWaitMinutes}</td>
                  <td>{s.active ? t('config.active') : t('config.inactive')}</td>
                  <td>
                    <div className={styles.actionsCell}>
                      <EditButton
                        name={textIn(s.name, lang)}
                        onClick={() => setEditing({ kind: 'edit', id: s.id, draft: toDraft(s) })}
                        testId={`service-edit-${s.code}`}
                      />
                      {s.onlineIdentity ? (
                        <button
                          type="button"
                          className={styles.buttonSmall}
                          onClick={() => setEditingForm(s)}
                          aria-label={t('config.forms.openOf', { name: textIn(s.name, lang) })}
                          data-testid={`service-form-${s.code}`}
                        >
                          {t('config.forms.open')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {services && shown.length === 0 && <p className={styles.muted}>{t('config.none')}</p>}
        </div>
      </section>
      {editingForm && (
        <ServiceFormDialog
          serviceId={editingForm.id}
          serviceName={textIn(editingForm.name, lang)}
          onClose={() => setEditingForm(null)}
          onSaved={(version) => {
            setEditingForm(null);
            setNotice({ kind: 'success', key: 'config.forms.saved', values: { version } });
          }}
        />
      )}
      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.services.new') : t('config.services.edit')}
          onClose={close}
          testId="service-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="service-form-message" />
            {editing.kind === 'new' && (
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.code')}</span>
                <input
                  className={styles.input}
                  required
                  pattern="[a-z0-9][a-z0-9_\-]{1,59}"
                  value={editing.draft.code}
                  onChange={(e) => set('code', e.target.value)}
                />
              </label>
            )}
            <LocalizedTextField
              label={t('config.services.name')}
              value={editing.draft.name}
              onChange={(v) => set('name', v)}
              maxLength={200}
              errors={languageErrors(issues, 'name', t('config.fieldInvalid'))}
              testId="service-name"
            />
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.prefix')}</span>
                <input
                  className={styles.input}
                  required
                  pattern="[A-Z]{1,2}"
                  maxLength={2}
                  size={3}
                  value={editing.draft.prefix}
                  onChange={(e) => set('prefix', e.target.value.toUpperCase())}
                  aria-describedby="prefix-hint"
                />
                <span id="prefix-hint" className={styles.muted}>
                  {t('config.services.prefixHint')}
                </span>
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.category')}</span>
                <select
                  className={styles.select}
                  value={editing.draft.categoryId}
                  onChange={(e) => set('categoryId', e.target.value)}
                >
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {catName.get(c.id)}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.mode')}</span>
                <select
                  className={styles.select}
                  value={editing.draft.mode}
                  onChange={(e) => set('mode', e.target.value as Draft['mode'])}
                >
                  <option value="desk">{t('config.services.modes.desk')}</option>
                  <option value="appointment">{t('config.services.modes.appointment')}</option>
                </select>
              </label>
            </div>
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.expected')}</span>
                <input
                  className={styles.input}
                  type="number"
                  required
                  min={1}
                  max={480}
                  value={editing.draft.expectedMinutes}
                  onChange={(e) => set('expectedMinutes', Number(e.target.value))}
                />
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.target')}</span>
                <input
                  className={styles.input}
                  type="number"
                  required
                  min={1}
                  max={480}
                  value={editing.draft.targetWaitMinutes}
                  onChange={(e) => set('targetWaitMinutes', Number(e.target.value))}
                />
              </label>
            </div>
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.online')}</span>
                <select
                  className={styles.select}
                  data-testid="service-online"
                  value={editing.draft.onlineIdentity ?? ''}
                  onChange={(e) => set('onlineIdentity', (e.target.value || null) as Draft['onlineIdentity'])}
                >
                  <option value="">{t('config.services.onlineNo')}</option>
                  <option value="email">{t('config.services.onlineEmail')}</option>
                  <option value="strong">{t('config.services.onlineStrong')}</option>
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.services.deadlineDays')}</span>
                <input
                  className={styles.input}
                  type="number"
                  required
                  min={1}
                  max={365}
                  value={editing.draft.legalDeadlineDays}
                  onChange={(e) => set('legalDeadlineDays', Number(e.target.value))}
                />
              </label>
            </div>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('config.services.keywords')}</span>
              <input className={styles.input} value={editing.draft.keywords} onChange={(e) => set('keywords', e.target.value)} />
            </label>
            <label className={styles.check}>
              <input type="checkbox" checked={editing.draft.active} onChange={(e) => set('active', e.target.checked)} />
              {t('config.active')}
            </label>
            <DialogActions onCancel={close} submitTestId="service-save" />
          </form>
        </Dialog>
      )}
    </main>
  );
}
