'use client';
import { textIn } from '../contract/lang';
import { api } from '../contract/api';
import { call } from '../ui/http';
import { fold } from '../ui/booking/search';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterTicket } from '../contract/tickets';
import styles from './counter.module.css';
import { Dialog } from '../ui/staff/Dialog';
import type { Colleague } from '../contract/auth';
import type { Service as ServiceItem } from '../contract/catalog';
import type { CounterListItem } from '../contract/counters';

export type TransferTarget = { serviceId: string } | { counterId: string } | { staffId: string };
type Tab = 'service' | 'counter' | 'staff';
const tabs: Tab[] = ['service', 'counter', 'staff'];

interface Lists {
  services: ServiceItem[] | null;
  counters: CounterListItem[] | null;
  staff: Colleague[] | null;
  failed: boolean;
}

/** Transfer the current ticket (same number) to a service, a counter or a colleague. */
export function TransferDialog({
  ticket,
  officeId,
  myCounterId,
  myStaffId,
  lang,
  busy,
  onConfirm,
  onClose,
}: {
  ticket: CounterTicket;
  officeId: string;
  myCounterId: string;
  myStaffId: string;
  lang: LanguageCode;
  busy: boolean;
  onConfirm: (target: TransferTarget, note: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations('counter');
  const [tab, setTab] = useState<Tab>('service');
  const [choice, setChoice] = useState<Record<Tab, string | null>>({ service: null, counter: null, staff: null });
  const [note, setNote] = useState('');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lists, setLists] = useState<Lists>({ services: null, counters: null, staff: null, failed: false });
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ service: null, counter: null, staff: null });

  useEffect(() => {
    let live = true;
    void Promise.allSettled([
      call(api.services, { query: { officeId, lang } }),
      call(api.counters, { query: { officeId } }),
      call(api.colleagues, { query: { officeId } }),
    ]).then(([s, c, st]) => {
      if (!live) return;
      setLists({
        services: s.status === 'fulfilled' ? s.value.filter((x) => x.mode !== 'appointment' && x.id !== ticket.serviceId) : [],
        counters: c.status === 'fulfilled' ? c.value.filter((x) => x.id !== myCounterId).sort((a, b) => a.number - b.number) : [],
        staff: st.status === 'fulfilled' ? st.value.filter((x) => x.id !== myStaffId) : [],
        failed: [s, c, st].some((r) => r.status === 'rejected'),
      });
    });
    return () => {
      live = false;
    };
    // The lists are loaded once per opening of the dialog (the dialog is mounted only while open).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const filteredServices = useMemo(() => {
    const words = fold(filter).split(/\s+/).filter(Boolean);
    const list = lists.services ?? [];
    if (words.length === 0) return list;
    return list.filter((s) => {
      const names = [...Object.values(s.names), ...Object.values(s.category?.names ?? {})];
      const hay = fold(`${s.prefix} ${names.join(' ')}`).split(/[^\p{L}\p{N}]+/u);
      return words.every((w) => hay.some((h) => h.startsWith(w)));
    });
  }, [lists.services, filter]);

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    const i = tabs.indexOf(tab);
    let next: Tab | null = null;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i + tabs.length - 1) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      e.preventDefault();
      setTab(next);
      setError(null);
      tabRefs.current[next]?.focus();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const id = choice[tab];
    if (!id) {
      setError(t('transfer.pick'));
      return;
    }
    const target: TransferTarget =
      tab === 'service' ? { serviceId: id } : tab === 'counter' ? { counterId: id } : { staffId: id };
    onConfirm(target, note.trim());
  }

  const pick = (value: string) => {
    setChoice((c) => ({ ...c, [tab]: value }));
    setError(null);
  };

  const loading = lists.services === null;
  const tabLabel: Record<Tab, string> = {
    service: t('transfer.tabService'),
    counter: t('transfer.tabCounter'),
    staff: t('transfer.tabStaff'),
  };

  return (
    <Dialog title={t('transfer.title', { number: ticket.number })} onClose={onClose} testId="counter-transfer-dialog" wide>
      <form onSubmit={submit} className={styles.dialogForm}>
        <p className={styles.muted}>{t('transfer.intro')}</p>
        <div role="tablist" aria-label={t('transfer.tabsLabel')} className={styles.tabs}>
          {tabs.map((k) => (
            <button
              key={k}
              ref={(el) => {
                tabRefs.current[k] = el;
              }}
              type="button"
              role="tab"
              id={`transfer-tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`transfer-panel-${k}`}
              tabIndex={tab === k ? 0 : -1}
              className={tab === k ? styles.tabActive : styles.tab}
              onClick={() => {
                setTab(k);
                setError(null);
              }}
              onKeyDown={onTabKey}
              data-testid={`counter-transfer-tab-${k}`}
            >
              {tabLabel[k]}
            </button>
          ))}
        </div>

        <div role="tabpanel" id={`transfer-panel-${tab}`} aria-labelledby={`transfer-tab-${tab}`} className={styles.tabPanel}>
          {loading ? (
            <p>{t('loading')}</p>
          ) : (
            <>
              {lists.failed && <p className={styles.inlineError}>{t('transfer.loadFailed')}</p>}
              {tab === 'service' && (
                <>
                  <label className={styles.field}>
                    <span className={styles.fieldLabel}>{t('transfer.filter')}</span>
                    <input
                      className={styles.input}
                      type="search"
                      value={filter}
                      onChange={(e) => setFilter(e.target.value)}
                      data-testid="counter-transfer-filter"
                    />
                  </label>
                  <Options
                    legend={t('transfer.tabService')}
                    name="transfer-service"
                    value={choice.service}
                    onPick={pick}
                    empty={t('transfer.noResults')}
                    items={filteredServices.map((s) => ({
                      id: s.id,
                      label: `${s.prefix} · ${textIn(s.names, lang)}`,
                      detail: s.category ? textIn(s.category.names, lang) : undefined,
                    }))}
                  />
                </>
              )}
              {tab === 'counter' && (
                <Options
                  legend={t('transfer.tabCounter')}
                  name="transfer-counter"
                  value={choice.counter}
                  onPick={pick}
                  empty={t('transfer.noResults')}
                  items={(lists.counters ?? []).map((c) => ({
                    id: c.id,
                    label: t('transfer.counterItem', { number: c.number, name: c.name }),
                    detail:
                      c.state === 'closed'
                        ? t('state.closed')
                        : `${t(`state.${c.state}`)}${c.staffName ? ` · ${c.staffName}` : ''}`,
                    disabled: c.state === 'closed',
                  }))}
                />
              )}
              {tab === 'staff' && (
                <Options
                  legend={t('transfer.tabStaff')}
                  name="transfer-staff"
                  value={choice.staff}
                  onPick={pick}
                  empty={t('transfer.noResults')}
                  items={(lists.staff ?? []).map((s) => ({
                    id: s.id,
                    label: s.displayName,
                    detail: s.counter ? t('transfer.atCounter', { number: s.counter.number }) : t('transfer.notAtCounter'),
                  }))}
                />
              )}
            </>
          )}
        </div>

        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('transfer.note')}</span>
          <textarea
            className={styles.textarea}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="counter-transfer-note"
          />
        </label>
        {error && (
          <p className={styles.inlineError} role="alert">
            {error}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.buttonSecondary} onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className={styles.buttonPrimary}
            disabled={busy || loading}
            data-testid="counter-transfer-confirm"
          >
            {t('transfer.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Options({
  legend,
  name,
  items,
  value,
  onPick,
  empty,
}: {
  legend: string;
  name: string;
  items: { id: string; label: string; detail?: string; disabled?: boolean }[];
  value: string | null;
  onPick: (id: string) => void;
  empty: string;
}) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <fieldset className={styles.fieldsetPlain}>
      <legend className="visually-hidden">{legend}</legend>
      <ul className={styles.optionList}>
        {items.map((it) => (
          <li key={it.id}>
            <label
              className={`${styles.option} ${value === it.id ? styles.optionSelected : ''} ${it.disabled ? styles.optionDisabled : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={it.id}
                checked={value === it.id}
                disabled={it.disabled}
                onChange={() => onPick(it.id)}
                data-testid={`counter-${name}-${it.id}`}
              />
              <span className={styles.optionText}>
                <span>{it.label}</span>
                {it.detail && <span className={styles.optionDetail}>{it.detail}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
