'use client';
/**
 * The citizen's procedures, newest first: service, protocol number, status, days left, responsible
 * officer; live (a procedure opened at the desk or moved by a clerk shows up without reloading).
 * Below them, their appointments.
 */
import { useCallback, useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { textIn } from '../contract/lang';
import type { Answer } from '../contract/endpoint';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { getSocket } from '../ui/socket';
import { useLoad } from '../ui/useLoad';
import { MyAppointments } from './MyAppointments';
import { linkTo } from './nav';
import type { PortalView } from './PortalApp';
import { ClockLine, StatusBadge } from './ProcedureBits';
import styles from './portal.module.css';

type List = Answer<typeof api.procedures>;

export function ProcedureList({
  lang,
  go,
  onSessionEnded,
}: {
  lang: LanguageCode;
  go: (v: PortalView) => void;
  onSessionEnded: () => void;
}) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  const [list, setList] = useState<List | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      setList(await call(api.procedures));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onSessionEnded();
      else setFailed(true);
    }
  }, [onSessionEnded]);
  useLoad(load);

  // Live: the list with every (re)connect, then read again over HTTP after each change of one of theirs.
  useEffect(() => {
    const socket = getSocket();
    const subscribe = () =>
      socket.emit('portal:subscribe', {}, (r) => {
        if (r.ok) setList(r.data);
      });
    const onChanged = () => void load();
    socket.on('connect', subscribe);
    socket.on('procedureChanged', onChanged);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('procedureChanged', onChanged);
    };
  }, [load]);

  return (
    <div className={styles.flow}>
      <a className={styles.primary} {...linkTo({ kind: 'new', serviceId: null }, go, lang)} data-testid="portal-new">
        <span aria-hidden="true">+</span>&nbsp;{t('home.newRequest')}
      </a>
      <section aria-labelledby="portal-mine-title" className={styles.section}>
        <h2 id="portal-mine-title" className={styles.sectionTitle}>
          {t('home.mine')}
        </h2>
        {!list && !failed ? (
          <p className={styles.muted} role="status">
            {t('loading')}
          </p>
        ) : null}
        {failed ? (
          <p className={styles.errorBox} role="alert">
            {t('errors.network')}
          </p>
        ) : null}
        {list && list.length === 0 ? <p className={styles.panel}>{t('home.none')}</p> : null}
        {list && list.length > 0 ? (
          <ul className={styles.cards} data-testid="portal-list">
            {[...list]
              .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
              .map((p) => (
                <li key={p.id}>
                  <a
                    className={`${styles.procCard} ${p.status === 'waiting_citizen' ? styles.procCardAttention : ''}`}
                    {...linkTo({ kind: 'detail', id: p.id }, go, lang)}
                    data-testid={`portal-proc-${p.protocolNumber}`}
                    data-status={p.status}
                  >
                    <span className={styles.procService}>{textIn(p.service.name, lang)}</span>
                    <span className={styles.procMeta}>
                      {t('home.protocol')} <bdi dir="ltr">{p.protocolNumber}</bdi> ·{' '}
                      {format.dateTime(new Date(p.submittedAt), { dateStyle: 'medium' })}
                    </span>
                    <StatusBadge status={p.status} testId={`portal-proc-status-${p.protocolNumber}`} />
                    <ClockLine clock={p.clock} />
                    {p.responsible || p.status === 'submitted' ? (
                      <span className={styles.procMeta}>
                        {p.responsible ? t('home.officer', { name: p.responsible }) : t('home.noOfficer')}
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
          </ul>
        ) : null}
      </section>
      <MyAppointments lang={lang} />
    </div>
  );
}
