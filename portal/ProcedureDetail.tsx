'use client';
/**
 * One of the citizen's procedures: status, legal clock, responsible officer, what they sent, the
 * timeline with the office's notes; the reply to a request for information while the office waits
 * for them, and withdrawing (confirmed first) while it is open. Live: the page joins the
 * procedure's room (only its citizen may), so the office's moves show without a reload.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { FormField } from '../contract/forms';
import { textIn } from '../contract/lang';
import { isOpenStatus } from '../contract/procedure-moves';
import type { ProcedureView } from '../contract/portal';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { getSocket } from '../ui/socket';
import { useLoad } from '../ui/useLoad';
import { AttachmentList, AttachmentPicker, DocumentList, type UploadedAttachment } from './Attachments';
import { portalError, type PortalError } from './errors';
import { linkTo } from './nav';
import type { PortalView } from './PortalApp';
import { ClockLine, StatusBadge, Timeline } from './ProcedureBits';
import styles from './portal.module.css';

export function ProcedureDetail({
  id,
  lang,
  go,
  onSessionEnded,
}: {
  id: string;
  lang: LanguageCode;
  go: (v: PortalView) => void;
  onSessionEnded: () => void;
}) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  const [p, setP] = useState<ProcedureView | null>(null);
  const [fields, setFields] = useState<FormField[]>([]);
  const [loadError, setLoadError] = useState<PortalError | null>(null);
  const [mode, setMode] = useState<'view' | 'confirmWithdraw'>('view');
  const [reply, setReply] = useState('');
  const [replyFiles, setReplyFiles] = useState<UploadedAttachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [reason, setReason] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);

  const failed = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) onSessionEnded();
      return portalError(e);
    },
    [onSessionEnded],
  );

  const load = useCallback(async () => {
    try {
      const got = await call(api.procedure, { params: { id } });
      setP(got);
      // The labels of what they sent: from the service's form (a missing one shows the field's name).
      const services = await call(api.portalServices).catch(() => []);
      setFields(services.find((s) => s.id === got.service.id)?.form.fields ?? []);
    } catch (e) {
      setLoadError(failed(e));
    }
  }, [id, failed]);
  useLoad(load);

  useEffect(() => {
    if (mode === 'confirmWithdraw') confirmRef.current?.focus();
  }, [mode]);

  // Live: a snapshot on every (re)connect, then the procedure after each change.
  useEffect(() => {
    const socket = getSocket();
    const subscribe = () =>
      socket.emit('procedure:subscribe', { id }, (r) => {
        if (r.ok) setP(r.data);
      });
    const onProcedure = (next: ProcedureView) => {
      if (next.id === id) setP(next);
    };
    socket.on('connect', subscribe);
    socket.on('procedure', onProcedure);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('procedure', onProcedure);
    };
  }, [id]);

  async function act(kind: 'reply' | 'withdraw', e?: FormEvent) {
    e?.preventDefault();
    if (busy || !p) return;
    if (kind === 'reply' && !reply.trim()) {
      setReplyError(t('detail.replyEmpty'));
      return;
    }
    setBusy(true);
    setReplyError(null);
    setMessage(null);
    try {
      const next =
        kind === 'reply'
          ? await call(api.replyProcedure, {
              params: { id: p.id },
              body: { citizenNote: reply.trim(), attachmentIds: replyFiles.map((f) => f.attachmentId) },
            })
          : await call(api.withdrawProcedure, {
              params: { id: p.id },
              body: reason.trim() ? { citizenNote: reason.trim() } : {},
            });
      setP(next as ProcedureView);
      setReply('');
      setReplyFiles([]);
      setMode('view');
      setMessage({ kind: 'ok', text: kind === 'reply' ? t('detail.replied') : t('detail.withdrawn') });
    } catch (err) {
      const pe = failed(err);
      setMessage({ kind: 'error', text: t(pe.key, pe.values) });
      // Changed meanwhile (the office moved it): show it as it is now.
      if (err instanceof ApiError && err.status === 409) {
        const fresh = await call(api.procedure, { params: { id: p.id } }).catch(() => null);
        if (fresh) setP(fresh as ProcedureView);
      }
      setMode('view');
    } finally {
      setBusy(false);
    }
  }

  const back = (
    <a className={styles.back} {...linkTo({ kind: 'list' }, go, lang)} data-testid="portal-back">
      <span aria-hidden="true" className={styles.backArrow}>
        ←
      </span>{' '}
      {t('home.mine')}
    </a>
  );

  if (loadError)
    return (
      <div className={styles.flow}>
        <p className={styles.errorBox} role="alert" data-testid="portal-detail-error">
          {t(loadError.key, loadError.values)}
        </p>
        {back}
      </div>
    );
  if (!p)
    return (
      <p className={styles.muted} role="status">
        {t('loading')}
      </p>
    );

  const request = [...p.events].reverse().find((e) => e.type === 'info_requested');
  const trackHref = `/portale/track/${p.trackingCode}?lang=${lang}`;
  // The labels of the form version it was submitted with; the current form for choices' and dates' shape.
  const labelOf = (name: string) => {
    const f = p.fields.find((x) => x.name === name) ?? fields.find((x) => x.name === name);
    return f ? textIn(f.label, lang) : name;
  };
  const valueOf = (name: string, v: ProcedureView['data'][string]) => {
    if (typeof v === 'boolean') return v ? t('form.yes') : t('form.no');
    const f = fields.find((x) => x.name === name);
    const option = f?.options.find((o) => o.value === v);
    if (option) return textIn(option.label, lang);
    if (f?.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      return format.dateTime(new Date(`${v}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
    return v === null ? '—' : String(v);
  };
  // In the form's order; fields the form no longer has after them.
  const order = (name: string) => {
    const i = p.fields.findIndex((f) => f.name === name);
    return i < 0 ? p.fields.length : i;
  };
  const data = Object.entries(p.data)
    .filter(([, v]) => v !== null && v !== '')
    .sort(([a], [b]) => order(a) - order(b));

  return (
    <div className={styles.flow} data-testid="portal-detail" data-status={p.status}>
      {back}
      <article className={styles.card} aria-labelledby="portal-detail-title">
        <h2 id="portal-detail-title" className={styles.cardTitle}>
          {textIn(p.service.name, lang)}
        </h2>
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt>{t('detail.protocol')}</dt>
            <dd dir="ltr" className={styles.protocol} data-testid="portal-detail-protocol">
              {p.protocolNumber}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('detail.submitted')}</dt>
            <dd>{format.dateTime(new Date(p.submittedAt), { dateStyle: 'medium' })}</dd>
          </div>
          <div className={`${styles.fact} ${styles.factWide}`}>
            <dt>{t('detail.officer')}</dt>
            <dd data-testid="portal-detail-officer">{p.responsible ?? t('home.noOfficer')}</dd>
          </div>
        </dl>
        <p className={styles.statusRow}>
          <span className={styles.statusLabel}>{t('detail.status')}</span>{' '}
          <StatusBadge status={p.status} testId="portal-detail-status" />
        </p>
        <ClockLine clock={p.clock} testId="portal-detail-clock" />
      </article>

      {message ? (
        <p
          className={message.kind === 'ok' ? styles.okBox : styles.errorBox}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="portal-detail-message"
        >
          {message.text}
        </p>
      ) : null}

      <DocumentList procedure={p} />

      {p.status === 'waiting_citizen' ? (
        <section className={styles.attention} aria-labelledby="portal-reply-title" data-testid="portal-reply">
          <h2 id="portal-reply-title" className={styles.sectionTitle}>
            {t('detail.waitingTitle')}
          </h2>
          {request?.citizenNote ? (
            <blockquote className={styles.noteOffice}>
              <p className={styles.noteWho}>{request.by ? t('timeline.by', { name: request.by }) : t('timeline.officeNote')}</p>
              <p className={styles.noteText} data-testid="portal-request-note">
                {request.citizenNote}
              </p>
            </blockquote>
          ) : null}
          <form className={styles.form} onSubmit={(e) => void act('reply', e)} noValidate>
            <div className={styles.field}>
              <label htmlFor="portal-reply-text" className={styles.label}>
                {t('detail.reply')}
              </label>
              <textarea
                id="portal-reply-text"
                className={styles.textarea}
                rows={5}
                maxLength={4000}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                aria-invalid={replyError ? true : undefined}
                aria-describedby={replyError ? 'portal-reply-text-error' : undefined}
                aria-required
                data-testid="portal-reply-text"
              />
              {replyError ? (
                <p id="portal-reply-text-error" className={styles.fieldError}>
                  {replyError}
                </p>
              ) : null}
            </div>
            <AttachmentPicker id="portal-reply-files" files={replyFiles} onChange={setReplyFiles} onBusy={setUploading} />
            <button type="submit" className={styles.primary} disabled={busy || uploading} data-testid="portal-reply-send">
              {t('detail.replySend')}
            </button>
          </form>
        </section>
      ) : null}

      {data.length > 0 ? (
        <section className={styles.section} aria-labelledby="portal-data-title">
          <h2 id="portal-data-title" className={styles.sectionTitle}>
            {t('detail.data')}
          </h2>
          <dl className={styles.dataList}>
            {data.map(([k, v]) => (
              <div key={k} className={styles.dataRow}>
                <dt>{labelOf(k)}</dt>
                <dd>{valueOf(k, v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <AttachmentList procedure={p} />

      <Timeline events={p.events} titleId="portal-detail-timeline" />

      <section className={styles.section} aria-labelledby="portal-track-link-title">
        <h2 id="portal-track-link-title" className={styles.sectionTitle}>
          {t('detail.trackTitle')}
        </h2>
        <p className={styles.hint}>{t('detail.trackHint')}</p>
        <a className={styles.linkBreak} href={trackHref} data-testid="portal-detail-track" dir="ltr">
          {`${typeof window === 'undefined' ? '' : window.location.origin}/portale/track/${p.trackingCode}`}
        </a>
      </section>

      {isOpenStatus(p.status) && mode === 'view' ? (
        <button type="button" className={styles.danger} onClick={() => setMode('confirmWithdraw')} data-testid="portal-withdraw">
          {t('detail.withdraw')}
        </button>
      ) : null}
      {isOpenStatus(p.status) && mode === 'confirmWithdraw' ? (
        <div className={styles.confirmBox} ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="portal-withdraw-q">
          <p id="portal-withdraw-q" className={styles.confirmQuestion}>
            {t('detail.withdrawQuestion', { protocol: p.protocolNumber })}
          </p>
          <div className={styles.field}>
            <label htmlFor="portal-withdraw-reason" className={styles.label}>
              {t('detail.withdrawReason')}
            </label>
            <textarea
              id="portal-withdraw-reason"
              className={styles.textarea}
              rows={3}
              maxLength={4000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button
            type="button"
            className={styles.dangerSolid}
            disabled={busy}
            onClick={() => void act('withdraw')}
            data-testid="portal-withdraw-confirm"
          >
            {t('detail.withdrawConfirm')}
          </button>
          <button type="button" className={styles.secondary} onClick={() => setMode('view')}>
            {t('detail.keep')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
