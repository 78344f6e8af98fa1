'use client';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { adminApi, type AdminService } from './api';
import { Field } from './Field';

/** One schedule as GET /api/schedules lists it. */
export interface ScheduleItem {
  id: string;
  officeId: string;
  service: { id: string; code: string; nameIt: string; nameEn: string; mode: 'desk' | 'appointment' };
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  minNoticeMinutes: number;
  active: boolean;
  hours: { weekday: number; opens: string; closes: string }[];
}
export interface SchedulesAnswer {
  schedules: ScheduleItem[];
  offices: { id: string; name: string; nameEn: string; timeZone: string; patronDay: { month: number; day: number; name: string } | null; closures: { id: string; fromDay: string; toDay: string; reason: string }[] }[];
}

/** A range being edited; `key` keeps React's rows stable while ranges are added and removed. */
interface DraftRange {
  key: number;
  weekday: number;
  opens: string;
  closes: string;
}
interface Draft {
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  minNoticeMinutes: number;
  active: boolean;
  hours: DraftRange[];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** 24-hour "HH:MM" as the API takes it (a native time field would show AM/PM on some computers). */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DEFAULTS = { slotMinutes: 15, capacity: 1, horizonDays: 60, minNoticeMinutes: 120, active: true };
let nextKey = 1;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Client-side check of one range, the same rules as the server: ends after it starts, no overlap that day. */
function rangeProblem(r: DraftRange, all: DraftRange[]): 'format' | 'order' | 'overlap' | null {
  if (!TIME.test(r.opens) || !TIME.test(r.closes)) return 'format';
  if (minutes(r.closes) <= minutes(r.opens)) return 'order';
  const i = all.indexOf(r);
  const clash = all.some((o, j) => j < i && o.weekday === r.weekday && minutes(o.opens) < minutes(r.closes) && minutes(r.opens) < minutes(o.closes));
  return clash ? 'overlap' : null;
}

/** Monday … Sunday in the screen's language (1 January 2024 was a Monday). */
function weekdayNames(lang: string): Map<number, string> {
  const f = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  return new Map(WEEKDAYS.map((d) => [d, f.format(new Date(Date.UTC(2024, 0, d)))]));
}

/**
 * The weekly appointment hours of one service at an office: for each weekday its time ranges
 * (add, change, remove), and the booking rules (slot length, people per slot, horizon, notice).
 */
export function OfficesHours({ officeId }: { officeId: string }) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [services, setServices] = useState<AdminService[] | null>(null);
  const [schedules, setSchedules] = useState<ScheduleItem[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [tried, setTried] = useState(false);

  const fail = useFailure();

  const load = useCallback(async () => {
    try {
      const [svc, sch] = await Promise.all([
        adminApi<AdminService[]>('GET', `/api/admin/services?officeId=${encodeURIComponent(officeId)}`),
        adminApi<SchedulesAnswer>('GET', `/api/schedules?officeId=${encodeURIComponent(officeId)}`),
      ]);
      setServices(svc);
      setSchedules(sch.schedules);
    } catch (err) {
      fail(err, setNotice, setIssues);
    }
  }, [officeId, fail]);

  useEffect(() => {
    setServiceId('');
    setNotice(null);
    void load();
  }, [load]);

  // Appointment services of the office, and any other service that already has a schedule here.
  const choices = useMemo(() => {
    const scheduled = new Set(schedules.map((s) => s.service.id));
    return (services ?? []).filter((s) => s.mode === 'appointment' || scheduled.has(s.id));
  }, [services, schedules]);

  useEffect(() => {
    if (!serviceId && choices.length > 0) setServiceId(choices[0].id);
  }, [choices, serviceId]);

  const existing = schedules.find((s) => s.service.id === serviceId) ?? null;
  useEffect(() => {
    if (!serviceId) return setDraft(null);
    const s = schedules.find((x) => x.service.id === serviceId);
    setDraft(
      s
        ? { slotMinutes: s.slotMinutes, capacity: s.capacity, horizonDays: s.horizonDays, minNoticeMinutes: s.minNoticeMinutes, active: s.active, hours: s.hours.map((h) => ({ ...h, key: nextKey++ })) }
        : { ...DEFAULTS, hours: [] },
    );
    setIssues(new Map());
    setTried(false);
  }, [serviceId, schedules]);

  const days = useMemo(() => weekdayNames(lang), [lang]);
  const nameOf = (s: { nameIt: string; nameEn: string }) => (lang === 'en' ? s.nameEn : s.nameIt);

  const update = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setRange = (key: number, patch: Partial<DraftRange>) => setDraft((d) => (d ? { ...d, hours: d.hours.map((h) => (h.key === key ? { ...h, ...patch } : h)) } : d));
  const removeRange = (key: number) => setDraft((d) => (d ? { ...d, hours: d.hours.filter((h) => h.key !== key) } : d));
  const addRange = (weekday: number) =>
    setDraft((d) => {
      if (!d) return d;
      const sameDay = d.hours.filter((h) => h.weekday === weekday);
      const last = sameDay.length ? Math.max(...sameDay.map((h) => minutes(h.closes) || 0)) : null;
      // First range of a day: a morning; a further one: an hour after the last one ends.
      const opens = last === null ? 9 * 60 : Math.min(last + 60, 22 * 60);
      const closes = last === null ? 12 * 60 + 30 : Math.min(opens + 120, 23 * 60 + 59);
      return { ...d, hours: [...d.hours, { key: nextKey++, weekday, opens: hhmm(opens), closes: hhmm(closes) }] };
    });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setTried(true);
    if (draft.hours.some((r) => rangeProblem(r, draft.hours))) {
      setNotice({ kind: 'error', key: 'errors.invalid_input' });
      return;
    }
    try {
      await adminApi('PUT', '/api/schedules', {
        officeId,
        serviceId,
        slotMinutes: draft.slotMinutes,
        capacity: draft.capacity,
        horizonDays: draft.horizonDays,
        minNoticeMinutes: draft.minNoticeMinutes,
        active: draft.active,
        hours: draft.hours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      });
      setIssues(new Map());
      setTried(false);
      setNotice({ kind: 'success', key: 'config.offices.hours.saved' });
      await load();
    } catch (err) {
      fail(err, setNotice, setIssues);
    }
  };

  /** The error of a range: found here before sending, or named by the server (`hours.<index>`). */
  const rangeError = (r: DraftRange): string | null => {
    const local = tried ? rangeProblem(r, draft?.hours ?? []) : null;
    if (local) return t(`config.offices.hours.errors.${local}`);
    const at = `hours.${draft?.hours.indexOf(r) ?? -1}`;
    if (issues.has(`${at}.opens`) || issues.has(`${at}.closes`)) return t('config.offices.hours.errors.format');
    const server = issues.get(at);
    if (server) return t(/overlap/i.test(server) ? 'config.offices.hours.errors.overlap' : 'config.offices.hours.errors.order');
    return null;
  };
  const err = (path: string, key: string) => (issues.has(path) ? t(key) : null);

  return (
    <section className={styles.card} aria-labelledby="hours-title" data-testid="office-hours">
      <div className={styles.cardHead}>
        <h2 className={styles.h2} id="hours-title">
          {t('config.offices.hours.title')}
        </h2>
      </div>
      <div className={styles.cardBody}>
        <p className={styles.muted}>{t('config.offices.hours.intro')}</p>
        <NoticeBox notice={notice} onDismiss={() => setNotice(null)} testId="hours-message" />
        {services && choices.length === 0 && <p data-testid="hours-no-services">{t('config.offices.hours.noServices')}</p>}
        {choices.length > 0 && (
          <Field label={t('config.offices.hours.service')}>
            {(p) => (
              <select {...p} className={styles.select} value={serviceId} onChange={(e) => setServiceId(e.target.value)} data-testid="hours-service">
                {choices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {nameOf(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {draft && (
          <form className={styles.cardBody} onSubmit={save} noValidate>
            {!existing && <p className={styles.warningBox}>{t('config.offices.hours.notSet')}</p>}
            <h3 className={styles.h2}>{t('config.offices.hours.week')}</h3>
            <div className={styles.week} data-testid="hours-week">
              {WEEKDAYS.map((wd) => {
                const ranges = draft.hours.filter((h) => h.weekday === wd);
                const day = days.get(wd) ?? String(wd);
                return (
                  <div key={wd} className={styles.weekDay} role="group" aria-labelledby={`wd-${wd}`} data-testid={`hours-day-${wd}`}>
                    <span className={styles.weekDayName} id={`wd-${wd}`}>
                      {day}
                    </span>
                    <div className={styles.ranges}>
                      {ranges.length === 0 && <p className={styles.closedDay}>{t('config.offices.hours.closed')}</p>}
                      {ranges.map((r, i) => {
                        const error = rangeError(r);
                        return (
                          <div key={r.key} className={styles.range} data-testid={`hours-range-${wd}-${i}`}>
                            <Field className={styles.rangeField} label={t('config.offices.hours.from')} error={null}>
                              {(p) => <input {...p} className={styles.input} inputMode="numeric" placeholder="09:30" maxLength={5} autoComplete="off" required value={r.opens} aria-invalid={error ? true : undefined} aria-label={t('config.offices.hours.fromOf', { day, n: i + 1 })} onChange={(e) => setRange(r.key, { opens: e.target.value })} data-testid="hours-opens" />}
                            </Field>
                            <Field className={styles.rangeField} label={t('config.offices.hours.to')} error={null}>
                              {(p) => <input {...p} className={styles.input} inputMode="numeric" placeholder="09:30" maxLength={5} autoComplete="off" required value={r.closes} aria-invalid={error ? true : undefined} aria-label={t('config.offices.hours.toOf', { day, n: i + 1 })} onChange={(e) => setRange(r.key, { closes: e.target.value })} data-testid="hours-closes" />}
                            </Field>
                            <button type="button" className={styles.buttonSmallDanger} onClick={() => removeRange(r.key)} aria-label={t('config.offices.hours.removeRangeOf', { day, n: i + 1 })}>
                              {t('config.offices.hours.removeRange')}
                            </button>
                            {error && (
                              <span className={styles.fieldError} role="alert" data-testid="hours-range-error">
                                {error}
                              </span>
                            )}
                          </div>
                        );
                      })}
                      <button type="button" className={styles.buttonSmall} onClick={() => addRange(wd)} aria-label={t('config.offices.hours.addRangeOf', { day })} data-testid={`hours-add-${wd}`}>
                        + {t('config.offices.hours.addRange')}
                      </button>
                    </div>
                  </div>
                );
              })}
            </div>
            <h3 className={styles.h2}>{t('config.offices.hours.settings')}</h3>
            <div className={styles.formRow}>
              <Field label={t('config.offices.hours.slotMinutes')} error={err('slotMinutes', 'config.offices.hours.errors.slotMinutes')}>
                {(p) => <input {...p} className={`${styles.input} ${styles.numberInput}`} type="number" min={5} max={240} step={5} value={draft.slotMinutes} onChange={(e) => update({ slotMinutes: Number(e.target.value) })} data-testid="hours-slot" />}
              </Field>
              <Field label={t('config.offices.hours.capacity')} error={err('capacity', 'config.offices.hours.errors.capacity')}>
                {(p) => <input {...p} className={`${styles.input} ${styles.numberInput}`} type="number" min={1} max={50} value={draft.capacity} onChange={(e) => update({ capacity: Number(e.target.value) })} data-testid="hours-capacity" />}
              </Field>
              <Field label={t('config.offices.hours.horizonDays')} error={err('horizonDays', 'config.offices.hours.errors.horizonDays')}>
                {(p) => <input {...p} className={`${styles.input} ${styles.numberInput}`} type="number" min={1} max={366} value={draft.horizonDays} onChange={(e) => update({ horizonDays: Number(e.target.value) })} data-testid="hours-horizon" />}
              </Field>
              <Field label={t('config.offices.hours.minNotice')} hint={t('config.offices.hours.minNoticeHint')} error={err('minNoticeMinutes', 'config.offices.hours.errors.minNotice')}>
                {(p) => <input {...p} className={`${styles.input} ${styles.numberInput}`} type="number" min={0} max={43200} step={15} value={draft.minNoticeMinutes} onChange={(e) => update({ minNoticeMinutes: Number(e.target.value) })} data-testid="hours-notice" />}
              </Field>
            </div>
            <label className={styles.check}>
              <input type="checkbox" checked={draft.active} onChange={(e) => update({ active: e.target.checked })} data-testid="hours-active" />
              {t('config.offices.hours.active')}
            </label>
            <div className={styles.dialogButtons}>
              <button type="submit" className={styles.buttonPrimary} data-testid="hours-save">
                {t('config.offices.hours.save')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
