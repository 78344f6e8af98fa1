'use client';
import { textIn } from '../contract/lang';
import { api } from '../contract/api';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterSnapshot } from '../contract/counters';
import { ApiError, call } from '../ui/http';
import { errorNotice } from './errors';
import styles from './counter.module.css';
import { NoticeBox } from './NoticeBox';
import type { Me, MyService } from '../contract/auth';
import type { CounterListItem } from '../contract/counters';
import type { Office as OfficeItem } from '../contract/offices';
import type { Notice } from './types';
import { useLoad } from '../ui/useLoad';

const POLL_MS = 10_000;

/** "Open a counter": pick a free counter of the office and the services to serve. */
export function OpenCounter({
  me,
  lang,
  notice,
  onNotice,
  onOpened,
  onUnauthorized,
}: {
  me: Me;
  lang: LanguageCode;
  notice: Notice | null;
  onNotice: (n: Notice | null) => void;
  onOpened: (s: CounterSnapshot) => void;
  onUnauthorized: () => void;
}) {
  const t = useTranslations('counter');
  const [services, setServices] = useState<MyService[] | null>(null);
  const [offices, setOffices] = useState<OfficeItem[]>([]);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [counters, setCounters] = useState<CounterListItem[] | null>(null);
  const [counterId, setCounterId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  const fail = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
      else onNotice(errorNotice(err));
    },
    [onNotice, onUnauthorized],
  );

  // The clerk's services, and the offices they belong to (the one-stop desk first).
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [list, all] = await Promise.all([call(api.myServices), call(api.offices).catch((): OfficeItem[] => [])]);
        if (!live) return;
        const ids = [...new Set(list.map((s) => s.officeId))];
        const mineOffices = all.filter((o) => ids.includes(o.id));
        setServices(list);
        setOffices(mineOffices);
        const preferred = mineOffices.find((o) => o.isOneStop)?.id ?? mineOffices[0]?.id ?? ids[0] ?? null;
        setOfficeId(preferred);
      } catch (err) {
        if (live) {
          setServices([]);
          fail(err);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [fail]);

  const officeServices = useMemo(
    () => (services ?? []).filter((s) => !officeId || s.officeId === officeId),
    [services, officeId],
  );

  // All services preselected whenever the office changes.
  const [selectedFor, setSelectedFor] = useState(officeServices);
  if (selectedFor !== officeServices) {
    setSelectedFor(officeServices);
    setSelected(new Set(officeServices.map((s) => s.id)));
  }

  const loadCounters = useCallback(async () => {
    try {
      const data = await call(api.counters, { query: { officeId: officeId ?? undefined } });
      setCounters(data.slice().sort((a, b) => a.number - b.number));
    } catch (err) {
      setCounters((c) => c ?? []);
      fail(err);
    }
  }, [officeId, fail]);

  const servicesKnown = services !== null;
  useLoad(useCallback(async () => (servicesKnown ? loadCounters() : undefined), [servicesKnown, loadCounters]));
  useEffect(() => {
    if (!servicesKnown) return;
    const id = window.setInterval(() => void loadCounters(), POLL_MS);
    return () => window.clearInterval(id);
  }, [loadCounters, servicesKnown]);

  // Forget a choice that another clerk took in the meantime.
  if (counterId && counters) {
    const c = counters.find((x) => x.id === counterId);
    if (!c || !isFree(c, me.staff.id)) setCounterId(null);
  }

  const groups = useMemo(() => {
    const map = new Map<string, MyService[]>();
    for (const s of officeServices) {
      const name = textIn(s.category.name, lang);
      const arr = map.get(name) ?? [];
      arr.push(s);
      map.set(name, arr);
    }
    return [...map.entries()];
  }, [officeServices, lang]);

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!counterId) return onNotice({ kind: 'error', key: 'open.needCounter' });
    if (selected.size === 0) return onNotice({ kind: 'error', key: 'open.needService' });
    setBusy(true);
    onNotice(null);
    try {
      const data = await call(api.openCounter, {
        params: { id: counterId },
        body: { serviceIds: officeServices.filter((s) => selected.has(s.id)).map((s) => s.id) },
      });
      if (data?.counter) onOpened(data);
      else onNotice({ kind: 'error', key: 'errors.generic', values: { code: 'open' } });
    } catch (err) {
      fail(err);
      void loadCounters();
    } finally {
      setBusy(false);
    }
  }

  const loading = services === null || counters === null;

  return (
    <main className={styles.openMain}>
      <form className={styles.openForm} onSubmit={submit} aria-labelledby="counter-open-title" aria-busy={loading}>
        <div className={styles.openHeader}>
          <h1 id="counter-open-title" className={styles.h1}>
            {t('open.title')}
          </h1>
          {offices.length > 1 && (
            <label className={styles.inlineField}>
              <span>{t('open.office')}</span>
              <select
                className={styles.select}
                value={officeId ?? ''}
                onChange={(e) => setOfficeId(e.target.value)}
                data-testid="counter-open-office"
              >
                {offices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {textIn(o.name, lang)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>

        {loading ? (
          <p>{t('loading')}</p>
        ) : (
          <div className={styles.openGrid}>
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('open.counters')}</legend>
              {counters.length === 0 ? (
                <p>{t('open.noCounters')}</p>
              ) : (
                <ul className={styles.counterChoices}>
                  {counters.map((c) => {
                    const free = isFree(c, me.staff.id);
                    const inputId = `counter-choice-${c.id}`;
                    return (
                      <li key={c.id}>
                        <label
                          htmlFor={inputId}
                          className={`${styles.counterChoice} ${free ? '' : styles.counterChoiceTaken} ${counterId === c.id ? styles.counterChoiceSelected : ''}`}
                        >
                          <input
                            id={inputId}
                            type="radio"
                            name="counter"
                            value={c.id}
                            checked={counterId === c.id}
                            disabled={!free}
                            onChange={() => setCounterId(c.id)}
                            data-testid={`counter-open-${c.number}`}
                          />
                          <span className={styles.counterChoiceText}>
                            <strong>{c.name || t('open.counterLabel', { number: c.number })}</strong>
                            <span className={free ? styles.freeTag : styles.takenTag}>
                              {free
                                ? t('open.free')
                                : c.staffName
                                  ? t('open.takenBy', { name: c.staffName })
                                  : t('open.takenUnknown')}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
              <button
                type="button"
                className={styles.buttonLink}
                onClick={() => void loadCounters()}
                data-testid="counter-open-refresh"
              >
                {t('open.refresh')}
              </button>
            </fieldset>

            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>{t('open.services')}</legend>
              {officeServices.length === 0 ? (
                <p>{t('open.noServices')}</p>
              ) : (
                <>
                  <div className={styles.selectBar}>
                    <button
                      type="button"
                      className={styles.buttonSecondary}
                      onClick={() => setSelected(new Set(officeServices.map((s) => s.id)))}
                      data-testid="counter-open-select-all"
                    >
                      {t('open.selectAll')}
                    </button>
                    <button
                      type="button"
                      className={styles.buttonSecondary}
                      onClick={() => setSelected(new Set())}
                      data-testid="counter-open-select-none"
                    >
                      {t('open.selectNone')}
                    </button>
                    <span className={styles.muted} aria-live="polite">
                      {t('open.selectedCount', { selected: selected.size, total: officeServices.length })}
                    </span>
                  </div>
                  <div className={styles.serviceGroups}>
                    {groups.map(([category, list]) => (
                      <fieldset key={category} className={styles.serviceGroup}>
                        <legend className={styles.groupLegend}>{category}</legend>
                        {list.map((s) => (
                          <label key={s.id} className={styles.check}>
                            <input
                              type="checkbox"
                              checked={selected.has(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                              data-testid={`counter-open-service-${s.id}`}
                            />
                            <span className={styles.prefix} aria-hidden="true">
                              {s.prefix}
                            </span>
                            <span>{textIn(s.name, lang)}</span>
                          </label>
                        ))}
                      </fieldset>
                    ))}
                  </div>
                </>
              )}
            </fieldset>
          </div>
        )}

        <div className={styles.openFooter}>
          <NoticeBox notice={notice} onDismiss={() => onNotice(null)} />
          <button type="submit" className={styles.buttonPrimary} disabled={busy || loading} data-testid="counter-open-submit">
            {busy ? t('open.submitting') : t('open.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}

function isFree(c: CounterListItem, myId: string) {
  return c.state === 'closed' || c.staffId === myId;
}
