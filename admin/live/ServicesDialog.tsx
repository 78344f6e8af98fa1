'use client';
import { textIn } from '../../contract/lang';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import type { SupervisorCounter, SupervisorService } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../../ui/staff/Dialog';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';

/** Choose what an open counter serves; the clerk's own skills are listed first and marked. */
export function ServicesDialog({
  counter,
  services,
  onClose,
  onDone,
}: {
  counter: SupervisorCounter;
  services: SupervisorService[];
  onClose: () => void;
  onDone: (n: Notice) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const fail = useFailure();
  // Only services still offered (an inactive one would be refused by the server).
  const [chosen, setChosen] = useState(() => new Set(counter.serviceIds.filter((id) => services.some((s) => s.id === id))));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const skills = new Set(counter.skillServiceIds);
  const ordered = [...services].sort((a, b) => Number(skills.has(b.id)) - Number(skills.has(a.id)));

  const toggle = (id: string) =>
    setChosen((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen.size === 0) return setNotice({ kind: 'error', key: 'servicesDialog.needOne' });
    setBusy(true);
    try {
      await call(api.counterServices, { params: { id: counter.id }, body: { serviceIds: [...chosen] } });
      onDone({ kind: 'success', key: 'servicesDialog.done', values: { counter: counter.name } });
    } catch (err) {
      fail(err, setNotice);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('servicesDialog.title', { counter: counter.name, clerk: counter.staffName ?? '' })}
      onClose={onClose}
      testId="admin-services-dialog"
    >
      <form className={styles.dialogForm} onSubmit={submit}>
        <p className={styles.muted}>{t('servicesDialog.intro')}</p>
        <div className={styles.quick}>
          <button type="button" className={styles.buttonSmall} onClick={() => setChosen(new Set(counter.skillServiceIds))}>
            {t('servicesDialog.onlySkills')}
          </button>
          <button type="button" className={styles.buttonSmall} onClick={() => setChosen(new Set())}>
            {t('servicesDialog.none')}
          </button>
          <span className={styles.muted}>{t('servicesDialog.selected', { n: chosen.size, total: services.length })}</span>
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('servicesDialog.legend')}</legend>
          <ul className={styles.choiceList}>
            {ordered.map((s) => (
              <li key={s.id}>
                <label className={styles.choice}>
                  <input
                    type="checkbox"
                    checked={chosen.has(s.id)}
                    onChange={() => toggle(s.id)}
                    data-testid={`admin-service-${s.id}`}
                  />
                  <span>
                    <span className={styles.prefix}>{s.prefix}</span>
                    {textIn(s.name, lang)}
                    {skills.has(s.id) && <span className={styles.skillTag}>{t('servicesDialog.skill')}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <NoticeBox notice={notice} testId="admin-dialog-message" />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('servicesDialog.submit')}
          submitTestId="admin-services-submit"
          disabled={busy}
        />
      </form>
    </Dialog>
  );
}
