'use client';
import { localeOf } from '../../contract/lang';
import { AUDIT_ENTITIES, type AuditEntity, type AuditItem } from '../../contract/admin/audit';
import { useCallback, useState } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import { useLoad } from '../../ui/useLoad';

const PAGE = 50;

/** Fields whose value differs between before and after (all fields of a create or delete). */
function changes(before: unknown, after: unknown): { key: string; from?: unknown; to?: unknown }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  if (Array.isArray(before) || Array.isArray(after)) return [{ key: 'order', from: before, to: after }];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((key) => ({ key, from: b[key], to: a[key] }));
}

const show = (v: unknown) => (v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

/** The audit log of admin changes, newest first, filterable by kind, with "load more". */
export function AuditLogView() {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [entity, setEntity] = useState<AuditEntity | ''>('');
  const [items, setItems] = useState<AuditItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  usePageTitle('config.audit.pageTitle');

  const fail = useFailure();

  const load = useCallback(
    async (before: string | null) => {
      try {
        const r = await call(api.audit, { query: { limit: PAGE, entity: entity || undefined, before: before ?? undefined } });
        setItems((cur) => (before && cur ? [...cur, ...r.items] : r.items));
        setNext(r.nextBefore);
      } catch (err) {
        fail(err, setNotice);
      }
    },
    [entity, fail],
  );

  useLoad(useCallback(() => load(null), [load]));

  const fmt = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <main className={styles.main} data-testid="admin-audit">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.audit.title')}</h1>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('config.audit.entity')}</span>
          <select
            className={styles.select}
            value={entity}
            onChange={(e) => setEntity(e.target.value as AuditEntity | '')}
            data-testid="audit-entity"
          >
            <option value="">{t('config.all')}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`config.audit.entities.${e}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="audit-table">
            <caption className={styles.srOnly}>{t('config.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('config.audit.when')}</th>
                <th scope="col">{t('config.audit.who')}</th>
                <th scope="col">{t('config.audit.what')}</th>
                <th scope="col">{t('config.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {(items ?? []).map((i) => (
                <tr key={i.id}>
                  <td className={styles.num}>{fmt.format(new Date(i.at))}</td>
                  <td>{i.staff.displayName ?? i.staff.id}</td>
                  <th scope="row">
                    {t(`config.audit.actions.${i.action}`)} · {t(`config.audit.entities.${i.entity}`)}
                    <br />
                    <span className={styles.muted}>{i.entityId}</span>
                  </th>
                  <td>
                    <ul className={styles.diff}>
                      {changes(i.before, i.after).map((c) => (
                        <li key={c.key}>
                          <span className={styles.diffKey}>{c.key}</span>: {show(c.from)} → {show(c.to)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items && items.length === 0 && <p className={styles.muted}>{t('config.none')}</p>}
        </div>
        {next && (
          <button type="button" className={styles.buttonSecondary} onClick={() => void load(next)} data-testid="audit-more">
            {t('config.audit.more')}
          </button>
        )}
      </section>
    </main>
  );
}
