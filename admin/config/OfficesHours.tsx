'use client';
import { type LocalizedText, textIn } from '../../contract/lang';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import type { AdminService } from '../../contract/admin/catalog';
import type { SchedulesAnswer } from '../../contract/schedules';
import { Field } from './Field';
import { hasRangeProblems, toDraftRanges, toWeeklyRanges, WeekEditor, type DraftRange } from './WeekEditor';
import { useLoad } from '../../ui/useLoad';

/** One schedule as GET /api/schedules lists it. */
type ScheduleItem = SchedulesAnswer['schedules'][number];

interface Draft {
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  minNoticeMinutes: number;
  active: boolean;
  hours: DraftRange[];
}

const DEFAULTS = { slotMinutes: 15, capacity: 1, horizonDays: 60, minNoticeMinutes: 120, active: true };

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
        call(api.adminServices, { query: { officeId } }),
        call(api.schedules, { query: { officeId } }),
      ]);
      setServices(svc);
      setSchedules(sch.schedules);
    } catch (err) {
      fail(err, setNotice, setIssues);
    }
  }, [officeId, fail]);

  // The component is keyed by office: a new office mounts a new one, with nothing chosen.
  useLoad(load);

  // Appointment services of the office, and any other service that already has a schedule here.
  const choices = useMemo(() => {
    const scheduled = new Set(schedules.map((s) => s.service.id));
    return (services ?? []).filter((s) => s.mode === 'appointment' || scheduled.has(s.id));
  }, [services, schedules]);

  if (!serviceId && choices.length > 0) setServiceId(choices[0].id);

  const existing = schedules.find((s) => s.service.id === serviceId) ?? null;
  // A new choice of service (or a reload) starts the form again from what is stored; set while
  // rendering, as React recommends for state that follows other state.
  const [draftSource, setDraftSource] = useState<{ serviceId: string; schedules: ScheduleItem[] } | null>(null);
  if (draftSource?.serviceId !== serviceId || draftSource.schedules !== schedules) {
    setDraftSource({ serviceId, schedules });
    const s = schedules.find((x) => x.service.id === serviceId);
    setDraft(
      !serviceId
        ? null
        : s
          ? {
              slotMinutes: s.slotMinutes,
              capacity: s.capacity,
              horizonDays: s.horizonDays,
              minNoticeMinutes: s.minNoticeMinutes,
              active: s.active,
              hours: toDraftRanges(s.hours),
            }
          : { ...DEFAULTS, hours: [] },
    );
    setIssues(new Map());
    setTried(false);
  }

  const nameOf = (s: { name: LocalizedText }) => textIn(s.name, lang);

  const update = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setTried(true);
    if (hasRangeProblems(draft.hours)) {
      setNotice({ kind: 'error', key: 'errors.invalid_input' });
      return;
    }
    try {
      await call(api.putSchedule, {
        body: {
          officeId,
          serviceId,
          slotMinutes: draft.slotMinutes,
          capacity: draft.capacity,
          horizonDays: draft.horizonDays,
          minNoticeMinutes: draft.minNoticeMinutes,
          active: draft.active,
          hours: toWeeklyRanges(draft.hours),
        },
      });
      setIssues(new Map());
      setTried(false);
      setNotice({ kind: 'success', key: 'config.offices.hours.saved' });
      await load();
    } catch (err) {
      fail(err, setNotice, setIssues);
    }
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
              <select
                {...p}
                className={styles.select}
                value={serviceId}
                onChange={(e) => setServiceId(e.target.value)}
                data-testid="hours-service"
              >
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
            <WeekEditor hours={draft.hours} onChange={(hours) => update({ hours })} tried={tried} issues={issues} />
            <h3 className={styles.h2}>{t('config.offices.hours.settings')}</h3>
            <div className={styles.formRow}>
              <Field
                label={t('config.offices.hours.slotMinutes')}
                error={err('slotMinutes', 'config.offices.hours.errors.slotMinutes')}
              >
                {(p) => (
                  <input
                    {...p}
                    className={`${styles.input} ${styles.numberInput}`}
                    type="number"
                    min={5}
                    max={240}
                    step={5}
                    value={draft.slotMinutes}
                    onChange={(e) => update({ slotMinutes: Number(e.target.value) })}
                    data-testid="hours-slot"
                  />
                )}
              </Field>
              <Field label={t('config.offices.hours.capacity')} error={err('capacity', 'config.offices.hours.errors.capacity')}>
                {(p) => (
                  <input
                    {...p}
                    className={`${styles.input} ${styles.numberInput}`}
                    type="number"
                    min={1}
                    max={50}
                    value={draft.capacity}
                    onChange={(e) => update({ capacity: Number(e.target.value) })}
                    data-testid="hours-capacity"
                  />
                )}
              </Field>
              <Field
                label={t('config.offices.hours.horizonDays')}
                error={err('horizonDays', 'config.offices.hours.errors.horizonDays')}
              >
                {(p) => (
                  <input
                    {...p}
                    className={`${styles.input} ${styles.numberInput}`}
                    type="number"
                    min={1}
                    max={366}
                    value={draft.horizonDays}
                    onChange={(e) => update({ horizonDays: Number(e.target.value) })}
                    data-testid="hours-horizon"
                  />
                )}
              </Field>
              <Field
                label={t('config.offices.hours.minNotice')}
                hint={t('config.offices.hours.minNoticeHint')}
                error={err('minNoticeMinutes', 'config.offices.hours.errors.minNotice')}
              >
                {(p) => (
                  <input
                    {...p}
                    className={`${styles.input} ${styles.numberInput}`}
                    type="number"
                    min={0}
                    max={43200}
                    step={15}
                    value={draft.minNoticeMinutes}
                    onChange={(e) => update({ minNoticeMinutes: Number(e.target.value) })}
                    data-testid="hours-notice"
                  />
                )}
              </Field>
            </div>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={draft.active}
                onChange={(e) => update({ active: e.target.checked })}
                data-testid="hours-active"
              />
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
