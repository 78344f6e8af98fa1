'use client';
import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Field } from './Field';

/**
 * The weekly hours editor shared by the appointment hours and the walk-in opening hours: for each
 * weekday its time ranges (add, change, remove), with the server's rules checked before sending
 * (well-formed, ends after it starts, no overlap that day) and the server's own errors
 * (`hours.<index>`) shown next to the range they name.
 */

/** A range being edited; `key` keeps React's rows stable while ranges are added and removed. */
export interface DraftRange {
  key: number;
  weekday: number;
  opens: string;
  closes: string;
}
export type WeeklyRange = Omit<DraftRange, 'key'>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** 24-hour "HH:MM" as the API takes it (a native time field would show AM/PM on some computers). */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
let nextKey = 1;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

export const toDraftRanges = (hours: WeeklyRange[]): DraftRange[] => hours.map((h) => ({ ...h, key: nextKey++ }));
export const toWeeklyRanges = (hours: DraftRange[]): WeeklyRange[] =>
  hours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));

/** Client-side check of one range, the same rules as the server: ends after it starts, no overlap that day. */
export function rangeProblem(r: DraftRange, all: DraftRange[]): 'format' | 'order' | 'overlap' | null {
  if (!TIME.test(r.opens) || !TIME.test(r.closes)) return 'format';
  if (minutes(r.closes) <= minutes(r.opens)) return 'order';
  const i = all.indexOf(r);
  const clash = all.some(
    (o, j) => j < i && o.weekday === r.weekday && minutes(o.opens) < minutes(r.closes) && minutes(r.opens) < minutes(o.closes),
  );
  return clash ? 'overlap' : null;
}

export const hasRangeProblems = (all: DraftRange[]) => all.some((r) => rangeProblem(r, all));

/** Monday … Sunday in the screen's language (1 January 2024 was a Monday). */
function weekdayNames(lang: string): Map<number, string> {
  const f = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  return new Map(WEEKDAYS.map((d) => [d, f.format(new Date(Date.UTC(2024, 0, d)))]));
}

export function WeekEditor({
  hours,
  onChange,
  tried,
  issues,
  testId = 'hours',
  firstRange = { opens: 9 * 60, closes: 12 * 60 + 30 },
}: {
  hours: DraftRange[];
  onChange: (hours: DraftRange[]) => void;
  /** Save was pressed: show the local problems too. */
  tried: boolean;
  /** The server's invalid fields by path. */
  issues: Map<string, string>;
  /** Prefix of the test ids and element ids, so two editors can share a page. */
  testId?: string;
  /** The range a day gets first, in minutes since midnight. */
  firstRange?: { opens: number; closes: number };
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const days = useMemo(() => weekdayNames(lang), [lang]);

  const setRange = (key: number, patch: Partial<DraftRange>) =>
    onChange(hours.map((h) => (h.key === key ? { ...h, ...patch } : h)));
  const removeRange = (key: number) => onChange(hours.filter((h) => h.key !== key));
  const addRange = (weekday: number) => {
    const sameDay = hours.filter((h) => h.weekday === weekday);
    const last = sameDay.length ? Math.max(...sameDay.map((h) => minutes(h.closes) || 0)) : null;
    // First range of a day: the usual morning; a further one: an hour after the last one ends.
    const opens = last === null ? firstRange.opens : Math.min(last + 60, 22 * 60);
    const closes = last === null ? firstRange.closes : Math.min(opens + 120, 23 * 60 + 59);
    onChange([...hours, { key: nextKey++, weekday, opens: hhmm(opens), closes: hhmm(closes) }]);
  };

  /** The error of a range: found here before sending, or named by the server (`hours.<index>`). */
  const rangeError = (r: DraftRange): string | null => {
    const local = tried ? rangeProblem(r, hours) : null;
    if (local) return t(`config.offices.hours.errors.${local}`);
    const at = `hours.${hours.indexOf(r)}`;
    if (issues.has(`${at}.opens`) || issues.has(`${at}.closes`)) return t('config.offices.hours.errors.format');
    const server = issues.get(at);
    if (server) return t(/overlap/i.test(server) ? 'config.offices.hours.errors.overlap' : 'config.offices.hours.errors.order');
    return null;
  };

  return (
    <div className={styles.week} data-testid={`${testId}-week`}>
      {WEEKDAYS.map((wd) => {
        const ranges = hours.filter((h) => h.weekday === wd);
        const day = days.get(wd) ?? String(wd);
        const dayId = `${testId}-wd-${wd}`;
        return (
          <div key={wd} className={styles.weekDay} role="group" aria-labelledby={dayId} data-testid={`${testId}-day-${wd}`}>
            <span className={styles.weekDayName} id={dayId}>
              {day}
            </span>
            <div className={styles.ranges}>
              {ranges.length === 0 && <p className={styles.closedDay}>{t('config.offices.hours.closed')}</p>}
              {ranges.map((r, i) => {
                const error = rangeError(r);
                return (
                  <div key={r.key} className={styles.range} data-testid={`${testId}-range-${wd}-${i}`}>
                    <Field className={styles.rangeField} label={t('config.offices.hours.from')} error={null}>
                      {(p) => (
                        <input
                          {...p}
                          className={styles.input}
                          inputMode="numeric"
                          placeholder="09:30"
                          maxLength={5}
                          autoComplete="off"
                          required
                          value={r.opens}
                          aria-invalid={error ? true : undefined}
                          aria-label={t('config.offices.hours.fromOf', { day, n: i + 1 })}
                          onChange={(e) => setRange(r.key, { opens: e.target.value })}
                          data-testid={`${testId}-opens`}
                        />
                      )}
                    </Field>
                    <Field className={styles.rangeField} label={t('config.offices.hours.to')} error={null}>
                      {(p) => (
                        <input
                          {...p}
                          className={styles.input}
                          inputMode="numeric"
                          placeholder="09:30"
                          maxLength={5}
                          autoComplete="off"
                          required
                          value={r.closes}
                          aria-invalid={error ? true : undefined}
                          aria-label={t('config.offices.hours.toOf', { day, n: i + 1 })}
                          onChange={(e) => setRange(r.key, { closes: e.target.value })}
                          data-testid={`${testId}-closes`}
                        />
                      )}
                    </Field>
                    <button
                      type="button"
                      className={styles.buttonSmallDanger}
                      onClick={() => removeRange(r.key)}
                      aria-label={t('config.offices.hours.removeRangeOf', { day, n: i + 1 })}
                    >
                      {t('config.offices.hours.removeRange')}
                    </button>
                    {error && (
                      <span className={styles.fieldError} role="alert" data-testid={`${testId}-range-error`}>
                        {error}
                      </span>
                    )}
                  </div>
                );
              })}
              <button
                type="button"
                className={styles.buttonSmall}
                onClick={() => addRange(wd)}
                aria-label={t('config.offices.hours.addRangeOf', { day })}
                data-testid={`${testId}-add-${wd}`}
              >
                + {t('config.offices.hours.addRange')}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
