'use client';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { KioskView } from '../../server/printing/kiosks';
import type { PrintOutcome } from '../../server/printing/print-jobs';
import type { PrinterAlert } from '../../server/realtime/contract';
import { getSocket } from '../../ui/socket';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';
import { ActionsHeader } from './ActionsHeader';
import { adminApi } from './api';
import { EditButton } from './EditButton';
import { Field } from './Field';
import { useConfirmedChange } from './useConfirmedChange';
import { useEditDialog } from './useEditDialog';

type Draft = Pick<
  KioskView,
  'name' | 'printMode' | 'printerType' | 'printerInterface' | 'paperWidth' | 'locationHintIt' | 'locationHintEn' | 'active'
>;
type Editing = { kind: 'new'; draft: Draft } | { kind: 'edit'; kiosk: KioskView; draft: Draft } | null;
type Shown = { kind: 'token'; kiosk: KioskView; token: string } | { kind: 'preview'; kiosk: KioskView } | null;

/** The list's "last seen" moves on by itself; the list is also read again this often and on focus. */
const REFRESH_MS = 30_000;

const draftOf = (k: KioskView): Draft => ({
  name: k.name,
  printMode: k.printMode,
  printerType: k.printerType,
  printerInterface: k.printerInterface,
  paperWidth: k.paperWidth,
  locationHintIt: k.locationHintIt,
  locationHintEn: k.locationHintEn,
  active: k.active,
});

/** "3 min ago" in the screen's language. */
function ago(iso: string, now: number, lang: string): string {
  const f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const s = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(s) < 60) return f.format(Math.min(0, s), 'second');
  const m = Math.round(s / 60);
  if (Math.abs(m) < 60) return f.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return f.format(h, 'hour');
  return f.format(Math.round(h / 24), 'day');
}

/**
 * Kiosks of the chosen office: printer and its live status, register and edit, a new agent token
 * (shown once), test print, print preview, deactivate.
 */
export function KiosksConfig() {
  const t = useTranslations('admin');
  const { officeId, lang } = useAdmin();
  const [list, setList] = useState<KioskView[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();
  const [shown, setShown] = useState<Shown>(null);
  const [copied, setCopied] = useState<Notice | null>(null);
  const [now, setNow] = useState(() => Date.now());

  usePageTitle('config.kiosks.pageTitle');

  const fail = useFailure();

  const officeRef = useRef(officeId);
  officeRef.current = officeId;
  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      const rows = await adminApi<KioskView[]>('GET', `/api/kiosks?officeId=${encodeURIComponent(officeId)}`);
      // A late answer for the office shown before is dropped.
      if (officeRef.current !== officeId) return;
      setList(rows);
      setNow(Date.now());
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  // Printer changes arrive live in the office's staff room (the supervisor subscription joins it).
  useEffect(() => {
    if (!officeId) return;
    const socket = getSocket();
    const join = () => socket.emit('supervisor:subscribe', { officeId }, () => undefined);
    const onPrinter = (p: PrinterAlert) => {
      if (p.officeId === officeId) void load();
    };
    socket.on('connect', join);
    socket.on('printer', onPrinter);
    if (socket.connected) join();
    return () => {
      socket.off('connect', join);
      socket.off('printer', onPrinter);
    };
  }, [officeId, load]);

  const change = useConfirmedChange(setNotice, load);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    try {
      if (editing.kind === 'new') {
        const { active: _active, ...fields } = editing.draft;
        const r = await adminApi<{ kiosk: KioskView; token: string }>('POST', '/api/kiosks', { officeId, ...fields });
        close();
        setShown({ kind: 'token', kiosk: r.kiosk, token: r.token });
      } else {
        // Only what changed: a PATCH naming the printer resets its status and reconnects the agent.
        const before = draftOf(editing.kiosk);
        const changed = Object.fromEntries(Object.entries(editing.draft).filter(([k, v]) => before[k as keyof Draft] !== v));
        if (Object.keys(changed).length > 0) await adminApi('PATCH', `/api/kiosks/${editing.kiosk.id}`, changed);
        close();
        setNotice({ kind: 'success', key: 'config.saved' });
      }
      await load();
    } catch (err) {
      fail(err, setFormError, setIssues);
    }
  };

  const rotate = async (k: KioskView) => {
    if (!window.confirm(t('config.kiosks.confirmRotate', { name: k.name }))) return;
    try {
      const r = await adminApi<{ kiosk: KioskView; token: string }>('POST', `/api/kiosks/${k.id}/token`);
      setShown({ kind: 'token', kiosk: r.kiosk, token: r.token });
      await load();
    } catch (err) {
      fail(err, setNotice);
    }
  };

  const testPrint = async (k: KioskView) => {
    try {
      const { print } = await adminApi<{ print: PrintOutcome }>('POST', `/api/kiosks/${k.id}/test-print`);
      if (print.status === 'queued')
        setNotice({ kind: 'success', key: 'config.kiosks.testPrintQueued', values: { name: k.name } });
      else
        setNotice({
          kind: 'error',
          key: 'config.kiosks.testPrintUnavailable',
          values: { name: k.name, reason: t(`config.kiosks.reasons.${print.reason}`) },
        });
    } catch (err) {
      fail(err, setNotice);
    }
  };

  const deactivate = (k: KioskView) =>
    change(t('config.kiosks.confirmDeactivate', { name: k.name }), () => adminApi('DELETE', `/api/kiosks/${k.id}`), {
      kind: 'success',
      key: 'config.saved',
    });

  const copy = async (text: string, inputId: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ kind: 'success', key: 'config.kiosks.copied' });
    } catch {
      // No clipboard permission (plain http, old browser): select it for a manual copy.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
      setCopied({ kind: 'info', key: 'config.kiosks.copyFailed' });
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, [k]: v } } : cur));
  const err = (path: string, key: string) => (issues.has(path) ? t(key) : null);

  return (
    <main className={styles.main} data-testid="admin-config-kiosks">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.kiosks.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() =>
            setEditing({
              kind: 'new',
              draft: {
                name: '',
                printMode: 'agent',
                printerType: 'epson',
                printerInterface: 'none',
                paperWidth: 80,
                locationHintIt: '',
                locationHintEn: '',
                active: true,
              },
            })
          }
          disabled={!officeId}
          data-testid="kiosk-new"
        >
          {t('config.kiosks.new')}
        </button>
      </div>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card} aria-labelledby="kiosk-list">
        <div className={styles.cardHead}>
          <h2 className={styles.h2} id="kiosk-list">
            {t('config.kiosks.list')}
          </h2>
          <p className={styles.muted}>{t('config.kiosks.liveNote')}</p>
        </div>
        {list && list.length === 0 && <p>{t('config.kiosks.none')}</p>}
        {list && list.length > 0 && (
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
                    <td>{k.active ? t('config.active') : t('config.inactive')}</td>
                    <td>
                      <div className={styles.actionsCell}>
                        <EditButton
                          name={k.name}
                          onClick={() => setEditing({ kind: 'edit', kiosk: k, draft: draftOf(k) })}
                          testId="kiosk-edit"
                        />
                        <button
                          type="button"
                          className={styles.buttonSmall}
                          disabled={!k.active || k.printMode === 'none'}
                          onClick={() => void testPrint(k)}
                          aria-label={t('config.kiosks.testPrintOf', { name: k.name })}
                          data-testid="kiosk-test-print"
                        >
                          {t('config.kiosks.testPrint')}
                        </button>
                        <button
                          type="button"
                          className={styles.buttonSmall}
                          onClick={() => setShown({ kind: 'preview', kiosk: k })}
                          aria-label={t('config.kiosks.previewOf', { name: k.name })}
                          data-testid="kiosk-preview"
                        >
                          {t('config.kiosks.preview')}
                        </button>
                        <button
                          type="button"
                          className={styles.buttonSmall}
                          disabled={!k.active}
                          onClick={() => void rotate(k)}
                          aria-label={t('config.kiosks.rotateOf', { name: k.name })}
                          data-testid="kiosk-rotate"
                        >
                          {t('config.kiosks.rotate')}
                        </button>
                        <button
                          type="button"
                          className={styles.buttonSmallDanger}
                          disabled={!k.active}
                          onClick={() => void deactivate(k)}
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
        )}
      </section>

      {editing && (
        <Dialog
          title={editing.kind === 'new' ? t('config.kiosks.new') : t('config.kiosks.edit')}
          onClose={close}
          testId="kiosk-dialog"
        >
          <form className={styles.dialogForm} onSubmit={save} noValidate>
            <NoticeBox notice={formError} testId="kiosk-form-message" />
            <Field label={t('config.kiosks.name')} error={err('name', 'config.kiosks.errors.name')} testId="kiosk-name">
              {(p) => (
                <input
                  {...p}
                  className={styles.input}
                  required
                  maxLength={80}
                  value={editing.draft.name}
                  onChange={(e) => set('name', e.target.value)}
                  data-testid="kiosk-name-input"
                />
              )}
            </Field>
            <div className={styles.formRow}>
              <Field label={t('config.kiosks.printMode')}>
                {(p) => (
                  <select
                    {...p}
                    className={styles.select}
                    value={editing.draft.printMode}
                    onChange={(e) => set('printMode', e.target.value as Draft['printMode'])}
                    data-testid="kiosk-print-mode"
                  >
                    {(['agent', 'server', 'none'] as const).map((m) => (
                      <option key={m} value={m}>
                        {t(`config.kiosks.printModes.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('config.kiosks.printerType')}>
                {(p) => (
                  <select
                    {...p}
                    className={styles.select}
                    value={editing.draft.printerType}
                    onChange={(e) => set('printerType', e.target.value as Draft['printerType'])}
                  >
                    {(['epson', 'star', 'custom'] as const).map((m) => (
                      <option key={m} value={m}>
                        {t(`config.kiosks.printerTypes.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('config.kiosks.paperWidth')}>
                {(p) => (
                  <select
                    {...p}
                    className={styles.select}
                    value={editing.draft.paperWidth}
                    onChange={(e) => set('paperWidth', Number(e.target.value))}
                    data-testid="kiosk-paper"
                  >
                    {[80, 58].map((w) => (
                      <option key={w} value={w}>
                        {t('config.kiosks.mm', { mm: w })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field
              label={t('config.kiosks.printerInterface')}
              hint={t('config.kiosks.printerInterfaceHint')}
              error={
                formError?.key === 'errors.printer_interface_required'
                  ? t('errors.printer_interface_required')
                  : err('printerInterface', 'config.kiosks.errors.printerInterface')
              }
            >
              {(p) => (
                <input
                  {...p}
                  className={styles.input}
                  maxLength={200}
                  value={editing.draft.printerInterface}
                  onChange={(e) => set('printerInterface', e.target.value)}
                  data-testid="kiosk-interface"
                />
              )}
            </Field>
            <Field label={t('config.kiosks.locationHintIt')} error={err('locationHintIt', 'config.kiosks.errors.locationHint')}>
              {(p) => (
                <input
                  {...p}
                  className={styles.input}
                  lang="it"
                  maxLength={120}
                  value={editing.draft.locationHintIt}
                  onChange={(e) => set('locationHintIt', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('config.kiosks.locationHintEn')} error={err('locationHintEn', 'config.kiosks.errors.locationHint')}>
              {(p) => (
                <input
                  {...p}
                  className={styles.input}
                  lang="en"
                  maxLength={120}
                  value={editing.draft.locationHintEn}
                  onChange={(e) => set('locationHintEn', e.target.value)}
                />
              )}
            </Field>
            {editing.kind === 'edit' && (
              <label className={styles.check}>
                <input type="checkbox" checked={editing.draft.active} onChange={(e) => set('active', e.target.checked)} />
                {t('config.active')}
              </label>
            )}
            <DialogActions onCancel={close} submitTestId="kiosk-save" />
          </form>
        </Dialog>
      )}

      {shown?.kind === 'token' && (
        <Dialog
          title={t('config.kiosks.tokenTitle', { name: shown.kiosk.name })}
          onClose={() => {
            setShown(null);
            setCopied(null);
          }}
          testId="kiosk-token-dialog"
        >
          <div className={styles.dialogForm}>
            <p className={styles.warningBox} role="alert">
              {t('config.kiosks.tokenWarning')}
            </p>
            <Field label={t('config.kiosks.token')}>
              {(p) => (
                <div className={styles.copyRow}>
                  <input
                    {...p}
                    className={styles.input}
                    readOnly
                    value={shown.token}
                    onFocus={(e) => e.currentTarget.select()}
                    data-testid="kiosk-token"
                  />
                  <button
                    type="button"
                    className={styles.buttonSecondary}
                    onClick={() => void copy(shown.token, p.id)}
                    aria-label={t('config.kiosks.copyOf', { what: t('config.kiosks.token') })}
                    data-testid="kiosk-token-copy"
                  >
                    {t('config.kiosks.copy')}
                  </button>
                </div>
              )}
            </Field>
            <Field label={t('config.kiosks.kioskUrl')}>
              {(p) => (
                <div className={styles.copyRow}>
                  <input
                    {...p}
                    className={styles.input}
                    readOnly
                    value={shown.kiosk.kioskUrl}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <button
                    type="button"
                    className={styles.buttonSecondary}
                    onClick={() => void copy(shown.kiosk.kioskUrl, p.id)}
                    aria-label={t('config.kiosks.copyOf', { what: t('config.kiosks.kioskUrl') })}
                  >
                    {t('config.kiosks.copy')}
                  </button>
                </div>
              )}
            </Field>
            <NoticeBox notice={copied} testId="kiosk-copy-message" />
            <div className={styles.dialogButtons}>
              <button
                type="button"
                className={styles.buttonPrimary}
                onClick={() => {
                  setShown(null);
                  setCopied(null);
                }}
                data-testid="kiosk-token-done"
              >
                {t('config.kiosks.tokenDone')}
              </button>
            </div>
          </div>
        </Dialog>
      )}

      {shown?.kind === 'preview' && (
        <Dialog
          title={t('config.kiosks.previewTitle', { name: shown.kiosk.name })}
          onClose={() => setShown(null)}
          testId="kiosk-preview-dialog"
        >
          <div className={styles.dialogForm}>
            <iframe
              className={styles.previewFrame}
              src={`/api/kiosks/${encodeURIComponent(shown.kiosk.id)}/print-preview?lang=${lang === 'en' ? 'en' : 'it'}`}
              title={t('config.kiosks.previewFrame', { name: shown.kiosk.name })}
              data-testid="kiosk-preview-frame"
            />
            <div className={styles.dialogButtons}>
              <a
                className={styles.dialogLink}
                href={`/api/kiosks/${encodeURIComponent(shown.kiosk.id)}/print-preview`}
                target="_blank"
                rel="noopener"
              >
                {t('config.kiosks.openPreview')}
              </a>
              <button type="button" className={styles.buttonPrimary} onClick={() => setShown(null)}>
                {t('config.kiosks.close')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </main>
  );
}
