'use client';
import { useCallback, useEffect, useReducer, useRef, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { PrinterAlert } from '../../contract/supervisor';
import { getSocket } from '../../ui/socket';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';
import { api } from '../../contract/api';
import type { KioskView } from '../../contract/kiosks';
import { call } from '../../ui/http';
import { KioskDialog } from './KioskDialog';
import { KioskPairingDialog } from './KioskPairingDialog';
import { KioskPreviewDialog } from './KioskPreviewDialog';
import { changedFields, draftOf, initialKiosksState, kiosksReducer, newDraft, type Draft, type Editing } from './kiosks';
import { KioskTable } from './KioskTable';
import { KioskTokenDialog } from './KioskTokenDialog';
import { useConfirmedChange } from './useConfirmedChange';
import { useEditDialog } from './useEditDialog';

/** The list's "last seen" moves on by itself; the list is also read again this often and on focus. */
const REFRESH_MS = 30_000;

/**
 * Kiosks of the chosen office: printer and its live status, register and edit, a new agent token
 * (shown once), pair the kiosk PC's screen (a one-time code), test print, print preview, deactivate. State in `kiosks.ts`; views beside it.
 */
export function KiosksConfig() {
  const t = useTranslations('admin');
  const { officeId } = useAdmin();
  const [state, dispatch] = useReducer(kiosksReducer, initialKiosksState);
  const { list, now, notice, shown, copied } = state;
  const setNotice = useCallback((n: Notice | null) => dispatch({ type: 'notice', notice: n }), []);
  const { editing, setEditing, formError, setFormError, issues, setIssues, close } = useEditDialog<Editing>();

  usePageTitle('config.kiosks.pageTitle');

  const fail = useFailure();

  const officeRef = useRef(officeId);
  useEffect(() => {
    officeRef.current = officeId;
  }, [officeId]);
  const load = useCallback(async () => {
    if (!officeId) return;
    try {
      const rows = await call(api.kiosks, { query: { officeId } });
      // A late answer for the office shown before is dropped.
      if (officeRef.current !== officeId) return;
      dispatch({ type: 'loaded', list: rows, now: Date.now() });
    } catch (err) {
      fail(err, setNotice);
    }
  }, [officeId, fail, setNotice]);

  useEffect(() => {
    const first = window.setTimeout(() => void load(), 0);
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearTimeout(first);
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
        const r = await call(api.createKiosk, { body: { officeId: officeId ?? '', ...fields } });
        close();
        dispatch({ type: 'show', shown: { kind: 'token', kiosk: r.kiosk, token: r.token } });
      } else {
        const changed = changedFields(editing.kiosk, editing.draft);
        if (Object.keys(changed).length > 0) await call(api.updateKiosk, { params: { id: editing.kiosk.id }, body: changed });
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
      const r = await call(api.rotateKioskToken, { params: { id: k.id } });
      dispatch({ type: 'show', shown: { kind: 'token', kiosk: r.kiosk, token: r.token } });
      await load();
    } catch (err) {
      fail(err, setNotice);
    }
  };

  const pair = async (k: KioskView) => {
    try {
      const pairing = await call(api.pairingCode, { params: { id: k.id } });
      dispatch({ type: 'show', shown: { kind: 'pairing', kiosk: k, pairing } });
    } catch (err) {
      fail(err, setNotice);
    }
  };

  const unpair = (k: KioskView) =>
    change(t('config.kiosks.confirmUnpair', { name: k.name }), () => call(api.unpairKiosk, { params: { id: k.id } }), {
      kind: 'success',
      key: 'config.kiosks.unpaired',
      values: { name: k.name },
    });

  const testPrint = async (k: KioskView) => {
    try {
      const { print } = await call(api.testPrint, { params: { id: k.id } });
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
    change(t('config.kiosks.confirmDeactivate', { name: k.name }), () => call(api.deactivateKiosk, { params: { id: k.id } }), {
      kind: 'success',
      key: 'config.saved',
    });

  const copy = async (text: string, inputId: string) => {
    try {
      await navigator.clipboard.writeText(text);
      dispatch({ type: 'copied', notice: { kind: 'success', key: 'config.kiosks.copied' } });
    } catch {
      // No clipboard permission (plain http, old browser): select it for a manual copy.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
      dispatch({ type: 'copied', notice: { kind: 'info', key: 'config.kiosks.copyFailed' } });
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) =>
    setEditing((cur) => (cur ? { ...cur, draft: { ...cur.draft, [k]: v } } : cur));
  const hideShown = () => dispatch({ type: 'show', shown: null });

  return (
    <main className={styles.main} data-testid="admin-config-kiosks">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('config.kiosks.title')}</h1>
        <button
          type="button"
          className={styles.buttonPrimary}
          onClick={() => setEditing({ kind: 'new', draft: newDraft })}
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
          <KioskTable
            list={list}
            now={now}
            onEdit={(k) => setEditing({ kind: 'edit', kiosk: k, draft: draftOf(k) })}
            onTestPrint={(k) => void testPrint(k)}
            onPreview={(k) => dispatch({ type: 'show', shown: { kind: 'preview', kiosk: k } })}
            onRotate={(k) => void rotate(k)}
            onPair={(k) => void pair(k)}
            onUnpair={(k) => void unpair(k)}
            onDeactivate={(k) => void deactivate(k)}
          />
        )}
      </section>

      {editing && (
        <KioskDialog
          isNew={editing.kind === 'new'}
          draft={editing.draft}
          set={set}
          formError={formError}
          issues={issues}
          onSave={(e) => void save(e)}
          onClose={close}
        />
      )}
      {shown?.kind === 'token' && (
        <KioskTokenDialog
          kiosk={shown.kiosk}
          token={shown.token}
          copied={copied}
          onCopy={(text, id) => void copy(text, id)}
          onClose={hideShown}
        />
      )}
      {shown?.kind === 'pairing' && (
        <KioskPairingDialog
          kiosk={shown.kiosk}
          pairing={shown.pairing}
          copied={copied}
          onCopy={(text, id) => void copy(text, id)}
          onClose={() => {
            hideShown();
            void load();
          }}
        />
      )}
      {shown?.kind === 'preview' && <KioskPreviewDialog kiosk={shown.kiosk} onClose={hideShown} />}
    </main>
  );
}
