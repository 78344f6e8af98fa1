'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import { Field } from './Field';
import type { AdminOffice } from '../../contract/admin/offices';
import { hasRangeProblems, toDraftRanges, toWeeklyRanges, WeekEditor, type DraftRange } from './WeekEditor';

/**
 * The walk-in opening hours of an office: when its kiosk gives out numbers for the desk, and how
 * many minutes before each closing it stops. No hours = numbers at any time (the default).
 * Saving makes open kiosks reload at once (PUT /api/admin/offices/{id}/hours).
 */
export function OfficesWalkIn({ office, onSaved }: { office: AdminOffice; onSaved: () => Promise<void> }) {
  const t = useTranslations('admin');
  const [hours, setHours] = useState<DraftRange[]>(() => toDraftRanges(office.hours));
  const [lastTicket, setLastTicket] = useState(office.lastTicketMinutes);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [tried, setTried] = useState(false);
  const fail = useFailure();

  // A reload after saving (or another admin's change) shows the stored hours again.
  const [shown, setShown] = useState(office);
  if (shown !== office) {
    setShown(office);
    setHours(toDraftRanges(office.hours));
    setLastTicket(office.lastTicketMinutes);
  }

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (hasRangeProblems(hours)) {
      setNotice({ kind: 'error', key: 'errors.invalid_input' });
      return;
    }
    try {
      await call(api.officeHours, {
        params: { id: office.id },
        body: { hours: toWeeklyRanges(hours), lastTicketMinutes: lastTicket },
      });
      setIssues(new Map());
      setTried(false);
      setNotice({ kind: 'success', key: 'config.offices.walkIn.saved' });
      await onSaved();
    } catch (err) {
      fail(err, setNotice, setIssues);
    }
  };

  return (
    <section className={styles.card} aria-labelledby="walkin-title" data-testid="office-walkin">
      <div className={styles.cardHead}>
        <h2 className={styles.h2} id="walkin-title">
          {t('config.offices.walkIn.title')}
        </h2>
      </div>
      <form className={styles.cardBody} onSubmit={save} noValidate>
        <p className={styles.muted}>{t('config.offices.walkIn.intro')}</p>
        <NoticeBox notice={notice} onDismiss={() => setNotice(null)} testId="walkin-message" />
        {hours.length === 0 && <p className={styles.warningBox}>{t('config.offices.walkIn.always')}</p>}
        <WeekEditor
          hours={hours}
          onChange={setHours}
          tried={tried}
          issues={issues}
          testId="walkin"
          firstRange={{ opens: 8 * 60 + 30, closes: 12 * 60 + 30 }}
        />
        <Field
          label={t('config.offices.walkIn.lastTicket')}
          hint={t('config.offices.walkIn.lastTicketHint')}
          error={
            (tried && !(Number.isInteger(lastTicket) && lastTicket >= 0 && lastTicket <= 240)) || issues.has('lastTicketMinutes')
              ? t('config.offices.walkIn.errors.lastTicket')
              : null
          }
          testId="walkin-last"
        >
          {(p) => (
            <input
              {...p}
              className={`${styles.input} ${styles.numberInput}`}
              type="number"
              min={0}
              max={240}
              step={5}
              value={Number.isNaN(lastTicket) ? '' : lastTicket}
              onChange={(e) => setLastTicket(e.target.value === '' ? Number.NaN : Number(e.target.value))}
              data-testid="walkin-last"
            />
          )}
        </Field>
        <div className={styles.dialogButtons}>
          <button type="submit" className={styles.buttonPrimary} data-testid="walkin-save">
            {t('config.offices.walkIn.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
