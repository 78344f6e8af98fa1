'use client';
import { type LocalizedText, textIn } from '../../contract/lang';
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
import { MAX_TICKER_LENGTH, MAX_TICKER_MESSAGES, type AdminDisplay } from '../../contract/admin/displays';
import { addNotice, slugify, tickerCoverage, tickerDrafts, tickerOf } from './display-form';
import { EditButton } from './EditButton';
import { useConfirmedChange } from './useConfirmedChange';
import { LocalizedTextField, MissingLanguages } from './LocalizedTextField';
import { languageErrors, type TextDraft } from './text-draft';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = {
  name: string;
  slug: string;
  serviceIds: Set<string>;
  categoryIds: Set<string>;
  ticker: TextDraft[];
  active: boolean;
};
type Editing =
  { kind: 'new'; draft: Draft; slugTouched: boolean } | { kind: 'edit'; id: string; draft: Draft; slugTouched: boolean } | null;

const toDraft = (d: AdminDisplay): Draft => ({
  name: d.name,
  slug: d.slug,
  serviceIds: new Set(d.serviceIds),
  categoryIds: new Set(d.categoryIds),
  ticker: tickerDrafts(d.ticker),
  active: d.active,
});

/** Waiting-room displays of the chosen office: what each shows (areas and services), its ticker, active; add, edit, delete. */
export function DisplaysConfig() {
  const t = useTranslations('admin');
  const { officeId, offices, lang } = useAdmin();
  const [list, setList] = useState<AdminDisplay[] | null>(null);
  const [services, setServices] = useState<AdminService[]>([]);
  const [categories, setCategories] = useState<AdminCategory[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();

  usePageTitle('config.displays.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      const [d, s, c] = await Promise.all([
        call(api.adminDisplays, { query: { officeId } }),
        call(api.adminServices, { query: { officeId } }),
        call(api.adminCategories),
      ]);
      setList(d);
      setServices(s);
      setCategories(c);
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail]);

  useLoad(load);
  const change = useConfirmedChange(setNotice, load);

  const name = useCallback((x: { name: LocalizedText }) => textIn(x.name, lang), [lang]);
  /** Categories with services in this office, in kiosk order, each with its services. */
  const groups = useMemo(
    () =>
      categories
        .map((c) => ({ category: c, services: services.filter((s) => s.categoryId === c.id) }))
        .filter((g) => g.services.length > 0),
    [categories, services],
  );
  const office = offices.find((o) => o.id === officeId);
  const officeName = office ? textIn(office.name, lang) : '';

  const summary = (d: AdminDisplay) => {
    if (d.serviceIds.length === 0 && d.categoryIds.length === 0) return t('config.displays.wholeOffice');
    const parts = categories.filter((c) => d.categoryIds.includes(c.id)).map((c) => name(c));
    const own = d.serviceIds.filter((id) => !services.some((s) => s.id === id && d.categoryIds.includes(s.categoryId)));
    if (own.length > 0) parts.push(t('config.displays.serviceCount', { count: own.length }));
    return parts.join(', ');
  };

  const setDraft = (patch: Partial<Draft>, slugTouched?: boolean) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, ...patch }, slugTouched: slugTouched ?? cur.slugTouched } : cur));

  const toggle = (key: 'serviceIds' | 'categoryIds', id: string) =>
    setEditing((cur) => {
      if (!cur) return cur;
      const next = new Set(cur.draft[key]);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { ...cur, draft: { ...cur.draft, [key]: next } };
    });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const d = editing.draft;
    // A service already covered by a checked area is not listed on its own.
    const covered = new Set(services.filter((s) => d.categoryIds.has(s.categoryId)).map((s) => s.id));
    const body = {
      name: d.name,
      slug: d.slug,
      categoryIds: [...d.categoryIds],
      serviceIds: [...d.serviceIds].filter((id) => !covered.has(id)),
      ticker: tickerOf(d.ticker),
      active: d.active,
    };
    try {
      if (editing.kind === 'new') await call(api.createDisplay, { body: { officeId: officeId ?? '', ...body } });
      else await call(api.updateDisplay, { params: { id: editing.id }, body });
      close();
      setNotice({ kind: 'success', key: 'config.displays.saved' });
      await load();
    } catch (err) {
      fail(err, setFormError, setIssues);
    }
  };

  const remove = (d: AdminDisplay) =>
    change(t('config.displays.confirmDelete', { name: d.name }), () => call(api.deleteDisplay, { params: { id: d.id } }), {
      kind: 'success',
      key: 'config.displays.saved',
    });

  const startNew = () =>
    setEditing({
      kind: 'new',
      slugTouched: false,
      draft: { name: '', slug: '', serviceIds: new Set(), categoryIds: new Set(), ticker: tickerDrafts([]), active: true },
    });

  return (
    <main className={styles.main} data-testid="admin-config-displays">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.displays.title')}</h1>
        <button type="button" className={styles.buttonPrimary} onClick={startNew} disabled={!officeId} data-testid="display-new">
          {t('config.displays.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <p className={styles.muted}>{t('config.displays.intro')}</p>
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="displays-table">
            <caption className={styles.srOnly}>{t('config.displays.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('config.displays.name')}</th>
                <th scope="col">{t('office')}</th>
                <th scope="col">{t('config.displays.shows')}</th>
                <th scope="col" className={styles.num}>
                  {t('config.displays.ticker')}
                </th>
                <th scope="col">{t('config.services.state')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {(list ?? []).map((d) => (
                <tr key={d.id} data-testid={`display-row-${d.slug}`}>
                  <th scope="row">
                    {d.name}
                    <br />
                    <span className={styles.muted}>{d.slug}</span>
                  </th>
                  <td>{officeName}</td>
                  <td data-testid="display-shows">{summary(d)}</td>
                  <td className={styles.num}>
                    {d.ticker.length}{' '}
                    <MissingLanguages text={tickerCoverage(d.ticker)} testId={`display-ticker-missing-${d.slug}`} />
                  </td>
                  <td>{d.active ? t('config.active') : t('config.inactive')}</td>
                  <td>
                    <div className={styles.actionsCell}>
                      <a
                        className={styles.buttonSmall}
                        href={`/display?display=${encodeURIComponent(d.slug)}`}
                        target="_blank"
                        rel="noopener"
                        aria-label={t('config.displays.openOf', { name: d.name })}
                        data-testid={`display-open-${d.slug}`}
                      >
                        {t('config.displays.open')}
                      </a>
                      <EditButton
                        name={d.name}
                        onClick={() => setEditing({ kind: 'edit', id: d.id, draft: toDraft(d), slugTouched: true })}
                        testId={`display-edit-${d.slug}`}
                      />
                      <button
                        type="button"
                        className={styles.buttonSmallDanger}
                        onClick={() => void remove(d)}
                        aria-label={t('config.displays.deleteOf', { name: d.name })}
                      >
                        {t('config.displays.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list && list.length === 0 && <p className={styles.muted}>{t('config.none')}</p>}
        </div>
      </section>
      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.displays.new') : t('config.displays.edit')}
          onClose={close}
          testId="display-dialog"
          wide
        >
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="display-form-message" />
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.displays.name')}</span>
                <input
                  className={styles.input}
                  required
                  maxLength={80}
                  value={editing.draft.name}
                  onChange={(e) =>
                    setDraft({ name: e.target.value, ...(editing.slugTouched ? {} : { slug: slugify(e.target.value) }) })
                  }
                  data-testid="display-name"
                />
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.displays.slug')}</span>
                <input
                  className={styles.input}
                  required
                  pattern="[a-z0-9][a-z0-9\-]{1,59}"
                  maxLength={60}
                  value={editing.draft.slug}
                  onChange={(e) => setDraft({ slug: e.target.value }, true)}
                  aria-describedby="display-slug-hint"
                  data-testid="display-slug"
                />
                <span id="display-slug-hint" className={styles.muted}>
                  {t('config.displays.slugHint', { slug: editing.draft.slug || '…' })}
                </span>
              </label>
            </div>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('config.displays.whatLegend')}</legend>
              <p className={styles.muted}>{t('config.displays.whatHint')}</p>
              <div className={styles.displayGroups}>
                {groups.map(({ category, services: svc }) => {
                  const whole = editing.draft.categoryIds.has(category.id);
                  return (
                    <div
                      key={category.id}
                      className={styles.displayGroup}
                      role="group"
                      aria-labelledby={`display-cat-${category.id}`}
                    >
                      <label className={styles.choice}>
                        <input
                          type="checkbox"
                          checked={whole}
                          onChange={() => toggle('categoryIds', category.id)}
                          data-testid={`display-category-${category.slug}`}
                        />
                        <span id={`display-cat-${category.id}`} className={styles.displayGroupName}>
                          {t('config.displays.wholeCategory', { name: name(category) })}
                        </span>
                      </label>
                      <ul className={`${styles.choiceList} ${styles.choiceListSingle} ${styles.displayServices}`}>
                        {svc.map((s) => (
                          <li key={s.id}>
                            <label className={styles.choice}>
                              <input
                                type="checkbox"
                                checked={whole || editing.draft.serviceIds.has(s.id)}
                                disabled={whole}
                                onChange={() => toggle('serviceIds', s.id)}
                                data-testid={`display-service-${s.code}`}
                              />
                              <span>
                                <span className={styles.prefix}>{s.prefix}</span>
                                {name(s)}
                                {!s.active && <span className={styles.muted}> ({t('config.inactive')})</span>}
                              </span>
                            </label>
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            </fieldset>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('config.displays.tickerLegend')}</legend>
              <p className={styles.muted} id="display-ticker-hint">
                {t('config.displays.tickerHint')}
              </p>
              {editing.draft.ticker.map((m, i) => (
                <div key={i} className={styles.field}>
                  <LocalizedTextField
                    label={t('config.displays.tickerMessage', { number: i + 1 })}
                    value={m}
                    onChange={(v) => setDraft({ ticker: editing.draft.ticker.map((x, j) => (j === i ? v : x)) })}
                    required={false}
                    maxLength={MAX_TICKER_LENGTH}
                    errors={languageErrors(issues, `ticker.${i}`, t('config.fieldInvalid'))}
                    testId={`display-ticker-${i}`}
                  />
                  <button
                    type="button"
                    className={styles.buttonSmall}
                    onClick={() => setDraft({ ticker: editing.draft.ticker.filter((_, j) => j !== i) })}
                    data-testid={`display-ticker-${i}-remove`}
                  >
                    {t('config.displays.tickerRemove', { number: i + 1 })}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className={styles.buttonSmall}
                onClick={() => setDraft({ ticker: addNotice(editing.draft.ticker) })}
                disabled={editing.draft.ticker.length >= MAX_TICKER_MESSAGES}
                data-testid="display-ticker-add"
              >
                {t('config.displays.tickerAdd')}
              </button>
            </fieldset>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={editing.draft.active}
                onChange={(e) => setDraft({ active: e.target.checked })}
                data-testid="display-active"
              />
              {t('config.displays.activeLabel')}
            </label>
            <DialogActions onCancel={close} submitTestId="display-save" />
          </form>
        </Dialog>
      )}
    </main>
  );
}
