'use client';
import { textIn } from '../../contract/lang';
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
import type { AdminService } from '../../contract/admin/catalog';
import type { AdminStaff } from '../../contract/admin/staff';
import type { Role } from '../../contract/enums';
import { EditButton } from './EditButton';
import { useEditDialog } from './useEditDialog';
import { useLoad } from '../../ui/useLoad';

type Draft = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  active: boolean;
  skills: Map<string, number>;
};
type Editing =
  | { kind: 'new'; draft: Draft }
  | { kind: 'edit'; id: string; draft: Draft }
  | { kind: 'password'; id: string; name: string; password: string }
  | null;

const ROLES: Role[] = ['operator', 'supervisor', 'admin'];
const WEIGHTS = [1, 2, 3, 4, 5];

/** Staff: add, change name, role, active and skills (services of the chosen office, weights 1–5), set a new password. */
export function StaffConfig() {
  const t = useTranslations('admin');
  const { officeId, lang } = useAdmin();
  const [list, setList] = useState<AdminStaff[] | null>(null);
  const [services, setServices] = useState<AdminService[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, close } = useEditDialog<Editing>();

  usePageTitle('config.staff.pageTitle');

  const fail = useFailure();

  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      const [s, v] = await Promise.all([call(api.adminStaff), call(api.adminServices, { query: { officeId, active: 'true' } })]);
      setList(s);
      setServices(v);
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail]);

  useLoad(load);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    try {
      if (editing.kind === 'password') {
        await call(api.setPassword, { params: { id: editing.id }, body: { password: editing.password } });
      } else {
        const { username, password, skills, ...fields } = editing.draft;
        const body = { ...fields, skills: [...skills].map(([serviceId, weight]) => ({ serviceId, weight })) };
        if (editing.kind === 'new') await call(api.createStaff, { body: { username, password, ...body } });
        else await call(api.updateStaff, { params: { id: editing.id }, body });
      }
      close();
      setNotice({ kind: 'success', key: editing.kind === 'password' ? 'config.staff.passwordSet' : 'config.saved' });
      await load();
    } catch (err) {
      fail(err, setFormError);
    }
  };

  const setDraft = (patch: Partial<Draft>) =>
    setEditing((cur) => (cur && cur.kind !== 'password' ? { ...cur, draft: { ...cur.draft, ...patch } } : cur));
  const setWeight = (serviceId: string, weight: number | null) =>
    setEditing((cur) => {
      if (!cur || cur.kind === 'password') return cur;
      const skills = new Map(cur.draft.skills);
      if (weight === null) skills.delete(serviceId);
      else skills.set(serviceId, weight);
      return { ...cur, draft: { ...cur.draft, skills } };
    });

  const inOffice = new Set(services.map((s) => s.id));
  const draft = editing && editing.kind !== 'password' ? editing.draft : null;

  return (
    <main className={styles.main} data-testid="admin-config-staff">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.staff.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() =>
            setEditing({
              kind: 'new',
              draft: { username: '', password: '', displayName: '', role: 'operator', active: true, skills: new Map() },
            })
          }
          data-testid="staff-new"
        >
          {t('config.staff.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <table className={styles.table} data-testid="staff-table">
          <caption className={styles.srOnly}>{t('config.staff.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('config.staff.displayName')}</th>
              <th scope="col">{t('config.staff.username')}</th>
              <th scope="col">{t('config.staff.role')}</th>
              <th scope="col">{t('config.services.state')}</th>
              <th scope="col" className={styles.num}>
                {t('config.staff.skillsHere')}
              </th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((s) => (
              <tr key={s.id} data-testid={`staff-row-${s.username}`}>
                <th scope="row">{s.displayName}</th>
                <td>{s.username}</td>
                <td>{t(`roles.${s.role}`)}</td>
                <td>{s.active ? t('config.active') : t('config.inactive')}</td>
                <td className={styles.num}>{s.skills.filter((k) => inOffice.has(k.serviceId)).length}</td>
                <td>
                  <div className={styles.actionsCell}>
                    <EditButton
                      name={s.displayName}
                      onClick={() =>
                        setEditing({
                          kind: 'edit',
                          id: s.id,
                          draft: {
                            username: s.username,
                            password: '',
                            displayName: s.displayName,
                            role: s.role,
                            active: s.active,
                            skills: new Map(s.skills.map((k) => [k.serviceId, k.weight])),
                          },
                        })
                      }
                      testId={`staff-edit-${s.username}`}
                    />
                    <button
                      type="button"
                      className={styles.buttonSmall}
                      onClick={() => setEditing({ kind: 'password', id: s.id, name: s.displayName, password: '' })}
                      aria-label={t('config.staff.passwordOf', { name: s.displayName })}
                    >
                      {t('config.staff.password')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing?.kind === 'password' && (
        <Dialog title={t('config.staff.passwordOf', { name: editing.name })} onClose={close} testId="staff-password-dialog">
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="staff-form-message" />
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('config.staff.newPassword')}</span>
              <input
                className={styles.input}
                type="password"
                autoComplete="new-password"
                required
                minLength={8}
                maxLength={200}
                value={editing.password}
                onChange={(e) => setEditing({ ...editing, password: e.target.value })}
              />
            </label>
            <DialogActions onCancel={close} />
          </form>
        </Dialog>
      )}
      {editing && editing.kind !== 'password' && draft && (
        <Dialog
          title={editing.kind === 'new' ? t('config.staff.new') : t('config.staff.edit')}
          onClose={close}
          testId="staff-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save}>
            <NoticeBox notice={formError} testId="staff-form-message" />
            {editing.kind === 'new' && (
              <div className={styles.formRow}>
                <label className={styles.field}>
                  <span className={styles.fieldLabel}>{t('config.staff.username')}</span>
                  <input
                    className={styles.input}
                    required
                    autoComplete="off"
                    pattern="[a-z0-9._\-]{3,32}"
                    value={draft.username}
                    onChange={(e) => setDraft({ username: e.target.value })}
                  />
                </label>
                <label className={styles.field}>
                  <span className={styles.fieldLabel}>{t('config.staff.newPassword')}</span>
                  <input
                    className={styles.input}
                    type="password"
                    autoComplete="new-password"
                    required
                    minLength={8}
                    value={draft.password}
                    onChange={(e) => setDraft({ password: e.target.value })}
                  />
                </label>
              </div>
            )}
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.staff.displayName')}</span>
                <input
                  className={styles.input}
                  required
                  maxLength={120}
                  value={draft.displayName}
                  onChange={(e) => setDraft({ displayName: e.target.value })}
                />
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.staff.role')}</span>
                <select className={styles.select} value={draft.role} onChange={(e) => setDraft({ role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className={styles.check}>
              <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ active: e.target.checked })} />
              {t('config.active')}
            </label>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('config.staff.skills')}</legend>
              <p className={styles.muted}>{t('config.staff.skillsHint')}</p>
              <div className={styles.tableScroll} style={{ maxHeight: '38vh' }}>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t('config.services.name')}</th>
                      <th scope="col">{t('config.staff.weight')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {services.map((s) => {
                      const w = draft.skills.get(s.id);
                      const name = textIn(s.name, lang);
                      return (
                        <tr key={s.id}>
                          <th scope="row">
                            <span className={styles.prefix}>{s.prefix}</span>
                            {name}
                          </th>
                          <td>
                            <select
                              className={styles.select}
                              value={w ?? ''}
                              onChange={(e) => setWeight(s.id, e.target.value ? Number(e.target.value) : null)}
                              aria-label={t('config.staff.weightOf', { name })}
                              data-testid={`skill-${s.code}`}
                            >
                              <option value="">{t('config.staff.noSkill')}</option>
                              {WEIGHTS.map((n) => (
                                <option key={n} value={n}>
                                  {n}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </fieldset>
            <DialogActions onCancel={close} submitTestId="staff-save" />
          </form>
        </Dialog>
      )}
    </main>
  );
}
