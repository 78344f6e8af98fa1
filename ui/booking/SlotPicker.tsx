'use client';
/**
 * Month calendar of the days with free places, then the free times of the chosen day. Used by the
 * booking page, the manage page (reschedule) and the clerk's booking dialog. A day is a button only
 * when it has a free place; closed days say why (holiday, patron saint, closure) to screen readers
 * and on hover.
 */
import { textIn } from '../../contract/languages';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { LanguageCode } from '../../i18n/languages';
import type { Api } from '../../contract/api';
import type { Availability, DayInfo, SlotInfo } from '../../contract/appointments';
import { call, route } from '../http';
import { addDays, addMonths, lastDayOfMonth, monthOf } from './calendarDays';
import { errorKey } from './errors';
import styles from './slot-picker.module.css';

// By route, not from contract/api.ts: the contract's schemas (zod, luxon) would weigh more than
// the booking page on a phone.
const availability = route<Api['availability']>('GET', '/api/appointments/availability');

export interface PickedSlot {
  startsAt: string;
  time: string;
  day: string;
}

type Load = { status: 'loading' } | { status: 'error'; key: string } | { status: 'ready'; data: Availability };

export function SlotPicker({
  serviceId,
  officeId,
  lang,
  selected,
  onPick,
  exclude,
  idPrefix = 'book',
}: {
  serviceId: string;
  officeId: string;
  lang: LanguageCode;
  selected: PickedSlot | null;
  onPick: (slot: PickedSlot) => void;
  /** A slot that is not an option (the appointment's own time, when moving it). */
  exclude?: string;
  idPrefix?: string;
}) {
  const t = useTranslations('book');
  const format = useFormatter();
  const [month, setMonth] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [day, setDay] = useState<string | null>(selected?.day ?? null);
  const [window, setWindow] = useState<{ first: string; last: string } | null>(null);
  const timesRef = useRef<HTMLHeadingElement>(null);

  // The first month shown is the one with the first free place (loaded from "today" on).
  useEffect(() => {
    let live = true;
    // Another month shows "loading" at once (a synchronous setState by design).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLoad({ status: 'loading' });
    const today = new Date().toISOString().slice(0, 10);
    // From yesterday (UTC) to be safe across time zones: the server clips to its own window.
    const from = month ? `${month}-01` : addDays(today, -1);
    const to = month ? lastDayOfMonth(month) : lastDayOfMonth(monthOf(addDays(today, 31)));
    call(availability, { query: { serviceId, officeId, from, to } })
      .then((data) => {
        if (!live) return;
        setWindow({ first: data.firstDay, last: data.lastDay });
        if (!month) {
          const firstFree = data.days.find((d) => d.free > 0)?.day ?? data.firstDay;
          setMonth(monthOf(firstFree));
          return;
        }
        setLoad({ status: 'ready', data });
      })
      .catch((e: unknown) => live && setLoad({ status: 'error', key: errorKey(e) }));
    return () => {
      live = false;
    };
  }, [serviceId, officeId, month]);

  const byDay = useMemo(() => new Map((load.status === 'ready' ? load.data.days : []).map((d) => [d.day, d])), [load]);
  const chosen = day ? byDay.get(day) : undefined;
  const dateLabel = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

  const pickDay = (d: DayInfo) => {
    setDay(d.day);
    // Move to the times: on a phone they are below the calendar.
    requestAnimationFrame(() => timesRef.current?.focus());
  };

  if (!month || (load.status === 'loading' && byDay.size === 0)) {
    return (
      <p className={styles.muted} role="status">
        {load.status === 'error' ? t(load.key) : t('calendar.loading')}
      </p>
    );
  }
  const canPrev = window ? month > monthOf(window.first) : false;
  const canNext = window ? month < monthOf(window.last) : false;
  const monthTitle = format.dateTime(new Date(`${month}-15T12:00:00Z`), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weeks = monthGrid(month);
  const weekdayNames = (weekday: 'long' | 'short' | 'narrow') =>
    weeks[0].map((d) => format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday, timeZone: 'UTC' }));
  // Arabic has no short weekday names (its "short" ones are whole words that do not fit a phone's
  // column): then the one-letter form, the whole name staying for screen readers (abbr).
  const shortNames = weekdayNames('short');
  const weekdays = shortNames.some((w) => w.length > 4) ? weekdayNames('narrow') : shortNames;
  const weekdaysLong = weekdayNames('long');
  const freeSlots = (chosen?.slots ?? []).filter((s) => s.free > 0 && s.startsAt !== exclude);
  const dayShown = day && day.startsWith(month) ? day : null;

  return (
    <div className={styles.picker} data-testid={`${idPrefix}-picker`}>
      <div className={styles.monthBar}>
        <button
          type="button"
          className={styles.monthButton}
          onClick={() => canPrev && setMonth(addMonths(month, -1))}
          disabled={!canPrev}
          aria-label={t('calendar.previous')}
          data-testid={`${idPrefix}-month-prev`}
        >
          <span aria-hidden="true" className={styles.arrow}>
            ‹
          </span>
        </button>
        <h3 className={styles.monthTitle} id={`${idPrefix}-month-title`} aria-live="polite">
          {monthTitle}
        </h3>
        <button
          type="button"
          className={styles.monthButton}
          onClick={() => canNext && setMonth(addMonths(month, 1))}
          disabled={!canNext}
          aria-label={t('calendar.next')}
          data-testid={`${idPrefix}-month-next`}
        >
          <span aria-hidden="true" className={styles.arrow}>
            ›
          </span>
        </button>
      </div>
      {load.status === 'error' ? (
        <p className={styles.error} role="alert">
          {t(load.key)}
        </p>
      ) : null}
      <table className={styles.calendar} aria-labelledby={`${idPrefix}-month-title`} aria-busy={load.status === 'loading'}>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={i} scope="col" abbr={weekdaysLong[i]}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map(({ day: d, inMonth }) => {
                if (!inMonth) return <td key={d} className={styles.dayOutside} />;
                const info = byDay.get(d);
                const n = Number(d.slice(8, 10));
                const free = info && !info.closed ? info.slots.filter((s) => s.free > 0 && s.startsAt !== exclude).length : 0;
                const closedName = info?.closed ? textIn(info.closed.name, lang) : null;
                if (free === 0) {
                  const why = closedName
                    ? t('calendar.closed', { reason: closedName })
                    : info
                      ? t('calendar.full')
                      : t('calendar.notBookable');
                  return (
                    <td key={d}>
                      <span
                        className={styles.dayOff}
                        title={closedName ?? undefined}
                        data-closed={info?.closed?.kind ?? undefined}
                      >
                        <span aria-hidden="true">{n}</span>
                        <span className="visually-hidden">{`${dateLabel(d)}: ${why}`}</span>
                      </span>
                    </td>
                  );
                }
                return (
                  <td key={d}>
                    <button
                      type="button"
                      className={styles.dayFree}
                      aria-pressed={day === d}
                      aria-label={`${dateLabel(d)}: ${t('calendar.freeTimes', { count: free })}`}
                      onClick={() => info && pickDay(info)}
                      data-testid={`${idPrefix}-day-${d}`}
                    >
                      {n}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.legend}>
        <span className={styles.legendFree} aria-hidden="true" /> {t('calendar.legendFree')}
      </p>

      <section className={styles.times} aria-labelledby={`${idPrefix}-times-title`}>
        <h3 id={`${idPrefix}-times-title`} ref={timesRef} tabIndex={-1} className={styles.timesTitle}>
          {dayShown ? t('calendar.timesOf', { date: dateLabel(dayShown) }) : t('calendar.pickDay')}
        </h3>
        {dayShown && freeSlots.length === 0 ? <p className={styles.muted}>{t('calendar.noTimes')}</p> : null}
        {dayShown && freeSlots.length > 0 ? (
          <ul className={styles.slotList} aria-label={t('calendar.timesLabel')}>
            {freeSlots.map((s: SlotInfo) => (
              <li key={s.startsAt}>
                <button
                  type="button"
                  className={styles.slotButton}
                  aria-pressed={selected?.startsAt === s.startsAt}
                  onClick={() => onPick({ startsAt: s.startsAt, time: s.time, day: day as string })}
                  data-testid={`${idPrefix}-slot-${s.time.replace(':', '')}`}
                >
                  {s.time}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

/** Weeks (Monday first) covering a month, with the neighbouring days marked outside. */
function monthGrid(month: string): { day: string; inMonth: boolean }[][] {
  const first = new Date(`${month}-01T00:00:00Z`);
  const offset = (first.getUTCDay() + 6) % 7;
  const start = new Date(first.getTime() - offset * 86_400_000);
  const weeks: { day: string; inMonth: boolean }[][] = [];
  for (let w = 0; w < 6; w++) {
    const week = [];
    for (let i = 0; i < 7; i++) {
      const d = new Date(start.getTime() + (w * 7 + i) * 86_400_000).toISOString().slice(0, 10);
      week.push({ day: d, inMonth: d.startsWith(month) });
    }
    if (w > 0 && !week.some((x) => x.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}
