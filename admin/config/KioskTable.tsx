'use client';
import { useTranslations } from 'use-intl';
import type { KioskView } from '../../contract/kiosks';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { ActionsHeader } from './ActionsHeader';
import { EditButton } from './EditButton';
import { ago } from './kiosks';

/** The kiosks of the office with their printer's live status and the actions on each. */
export function KioskTable({
  list,
  now,
  onEdit,
  onTestPrint,
  onPreview,
  onRotate,
  onPair,
  onUnpair,
  onDeactivate,
}: {
  list: KioskView[];
  now: number;
  onEdit: (k: KioskView) => void;
  onTestPrint: (k: KioskView) => void;
  onPreview: (k: KioskView) => void;
  onRotate: (k: KioskView) => void;
  onPair: (k: KioskView) => void;
  onUnpair: (k: KioskView) => void;
  onDeactivate: (k: KioskView) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid="kiosks-table">
        <thead>
          <tr>
            <th scope="col">{t('config.kiosks.name')}</th>
            <th scope="col">{t('config.kiosks.printMode')}</th>
            <th scope="col">{t('config.kiosks.printer')}</th>
            <th scope="col">{t('config.kiosks.paperWidth')}</th>
            <th scope="col">{t('config.kiosks.status')}</th>
            <th scope="col">{t('config.kiosks.lastSeen')}</th>
            <th scope="col">{t('config.kiosks.screen')}</th>
            <th scope="col">{t('config.kiosks.state')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {list.map((k) => (
            <tr key={k.id} className={k.active ? undefined : styles.closedRow} data-testid={`kiosk-row-${k.id}`}>
              <th scope="row">
                <span data-testid="kiosk-name">{k.name}</span>
                {(lang === 'en' ? k.locationHintEn || k.locationHintIt : k.locationHintIt) && (
                  <span className={styles.statusNote}>
                    {lang === 'en' ? k.locationHintEn || k.locationHintIt : k.locationHintIt}
                  </span>
                )}
              </th>
              <td>{t(`config.kiosks.printModes.${k.printMode}`)}</td>
              <td>
                {k.printMode === 'none' ? (
                  '—'
                ) : (
                  <>
                    {t(`config.kiosks.printerTypes.${k.printerType}`)}
                    {k.printerInterface !== 'none' && <span className={styles.statusNote}>{k.printerInterface}</span>}
                  </>
                )}
              </td>
              <td className={styles.nowrap}>{t('config.kiosks.mm', { mm: k.paperWidth })}</td>
              <td>
                <span className={`${styles.status} ${styles[`status_${k.printerStatus}`]}`} data-testid="kiosk-status">
                  {t(`config.kiosks.statuses.${k.printerStatus}`)}
                </span>
                {k.agentConnected === false && k.active && (
                  <span className={styles.statusNote}>{t('config.kiosks.agentOffline')}</span>
                )}
                {k.printerDetail && <span className={styles.statusNote}>{k.printerDetail}</span>}
              </td>
              <td className={styles.nowrap}>
                {k.lastSeenAt ? (
                  <time dateTime={k.lastSeenAt} title={new Date(k.lastSeenAt).toLocaleString(lang)}>
                    {ago(k.lastSeenAt, now, lang)}
                  </time>
                ) : (
                  t('config.kiosks.never')
                )}
              </td>
              <td data-testid="kiosk-screen">
                {k.pairedAt ? (
                  <time dateTime={k.pairedAt} title={new Date(k.pairedAt).toLocaleString(lang)}>
                    {t('config.kiosks.pairedOn', { date: new Date(k.pairedAt).toLocaleDateString(lang) })}
                  </time>
                ) : (
                  t('config.kiosks.notPaired')
                )}
              </td>
              <td>{k.active ? t('config.active') : t('config.inactive')}</td>
              <td>
                <div className={styles.actionsCell}>
                  <EditButton name={k.name} onClick={() => onEdit(k)} testId="kiosk-edit" />
                  <button
                    type="button"
                    className={styles.buttonSmall}
                    disabled={!k.active || k.printMode === 'none'}
                    onClick={() => onTestPrint(k)}
                    aria-label={t('config.kiosks.testPrintOf', { name: k.name })}
                    data-testid="kiosk-test-print"
                  >
                    {t('config.kiosks.testPrint')}
                  </button>
                  <button
                    type="button"
                    className={styles.buttonSmall}
                    onClick={() => onPreview(k)}
                    aria-label={t('config.kiosks.previewOf', { name: k.name })}
                    data-testid="kiosk-preview"
                  >
                    {t('config.kiosks.preview')}
                  </button>
                  <button
                    type="button"
                    className={styles.buttonSmall}
                    disabled={!k.active}
                    onClick={() => onPair(k)}
                    aria-label={t('config.kiosks.pairOf', { name: k.name })}
                    data-testid="kiosk-pair"
                  >
                    {t('config.kiosks.pair')}
                  </button>
                  {k.pairedAt && (
                    <button
                      type="button"
                      className={styles.buttonSmall}
                      onClick={() => onUnpair(k)}
                      aria-label={t('config.kiosks.unpairOf', { name: k.name })}
                      data-testid="kiosk-unpair"
                    >
                      {t('config.kiosks.unpair')}
                    </button>
                  )}
                  <button
                    type="button"
                    className={styles.buttonSmall}
                    disabled={!k.active}
                    onClick={() => onRotate(k)}
                    aria-label={t('config.kiosks.rotateOf', { name: k.name })}
                    data-testid="kiosk-rotate"
                  >
                    {t('config.kiosks.rotate')}
                  </button>
                  <button
                    type="button"
                    className={styles.buttonSmallDanger}
                    disabled={!k.active}
                    onClick={() => onDeactivate(k)}
                    aria-label={t('config.kiosks.deactivateOf', { name: k.name })}
                    data-testid="kiosk-deactivate"
                  >
                    {t('config.kiosks.deactivate')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
