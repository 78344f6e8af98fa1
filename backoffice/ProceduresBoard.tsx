'use client';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { MyService } from '../contract/auth';
import type { ProcedureStatus } from '../contract/enums';
import { procedureStatusSchema } from '../contract/enums';
import { textIn, type Lang } from '../contract/lang';
import { actionsAllowed } from '../contract/procedure-moves';
import type { StaffProcedureView } from '../contract/portal';
import { formatVerificationCode, STAMP_DUTY_EXEMPTIONS, type StampDuty } from '../contract/certificates';
import { ApiError, call, upload } from '../ui/http';
import { useLoad } from '../ui/useLoad';
import { useProcedureChanges } from '../ui/useProcedureChanges';
import staff from '../ui/staff/staff.module.css';
import styles from './backoffice.module.css';

type Item = Awaited<ReturnType<typeof call<typeof api.procedures>>>[number];
type StaffAction = 'taken' | 'info_requested' | 'completed' | 'rejected';
/** Each clerk action: its endpoint, whether the citizen must be told why, its test id and text key. */
const ACTIONS: Record<
  StaffAction,
  {
    endpoint: (typeof api)['takeProcedure' | 'requestProcedureInfo' | 'completeProcedure' | 'rejectProcedure'];
    needsNote: boolean;
    key: 'take' | 'request-info' | 'complete' | 'reject';
  }
> = {
  taken: { endpoint: api.takeProcedure, needsNote: false, key: 'take' },
  info_requested: { endpoint: api.requestProcedureInfo, needsNote: true, key: 'request-info' },
  completed: { endpoint: api.completeProcedure, needsNote: false, key: 'complete' },
  rejected: { endpoint: api.rejectProcedure, needsNote: true, key: 'reject' },
};

/** The office's procedures by deadline, one open in detail with what the clerk can do; live. */
export function ProceduresBoard({ lang }: { lang: Lang }) {
  const t = useTranslations('backoffice');
  const [status, setStatus] = useState<ProcedureStatus | ''>('');
  const [serviceId, setServiceId] = useState('');
  const [services, setServices] = useState<MyService[]>([]);
  const [items, setItems] = useState<Item[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<StaffProcedureView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadList = useCallback(async () => {
    try {
      setItems(await call(api.procedures, { query: { status: status || undefined, serviceId: serviceId || undefined } }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }, [status, serviceId]);

  const loadDetail = useCallback(async (id: string) => {
    setDetail((await call(api.procedure, { params: { id } })) as StaffProcedureView);
  }, []);

  const loadServices = useCallback(async () => setServices(await call(api.myServices).catch(() => [])), []);
  const loadSelected = useCallback(async () => {
    if (selected) await loadDetail(selected).catch(() => setDetail(null));
  }, [selected, loadDetail]);
  useLoad(loadServices);
  useLoad(loadList);
  useLoad(loadSelected);

  // Live: any change in the office makes the list (and the open procedure) read again.
  useProcedureChanges(undefined, ({ id }) => {
    void loadList();
    if (id === selected) void loadDetail(id).catch(() => undefined);
  });

  return (
    <main className={styles.board} data-testid="backoffice">
      <section className={styles.listPane} aria-labelledby="bo-title">
        <h1 id="bo-title" className={styles.title}>
          {t('title')}
        </h1>
        <div className={styles.filters}>
          <label className={staff.field}>
            <span className={staff.fieldLabel}>{t('status')}</span>
            <select
              className={staff.input}
              value={status}
              onChange={(e) => setStatus(e.target.value as ProcedureStatus | '')}
              data-testid="bo-status"
            >
              <option value="">{t('allStatuses')}</option>
              {procedureStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className={staff.field}>
            <span className={staff.fieldLabel}>{t('service')}</span>
            <select className={staff.input} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">{t('allServices')}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {textIn(s.name, lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        {items && items.length === 0 && <p className={staff.muted}>{t('empty')}</p>}
        {items && items.length > 0 && (
          <ul className={styles.list} data-testid="bo-list">
            {items.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={p.id === selected ? `${styles.item} ${styles.itemSelected}` : styles.item}
                  aria-current={p.id === selected ? 'true' : undefined}
                  onClick={() => setSelected(p.id)}
                  data-testid={`bo-item-${p.protocolNumber}`}
                >
                  <span className={styles.protocol}>{p.protocolNumber}</span>
                  <span className={styles.itemService}>{textIn(p.service.name, lang)}</span>
                  <span className={styles.itemCitizen}>{p.citizen?.name ?? p.citizen?.fiscalCode ?? p.citizen?.email}</span>
                  <span className={styles.badge} data-status={p.status} data-testid="bo-item-status">
                    {t(`statuses.${p.status}`)}
                  </span>
                  <Deadline clock={p.clock} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.detailPane} aria-live="polite">
        {detail ? (
          <Detail p={detail} lang={lang} onChanged={(next) => (setDetail(next), void loadList())} />
        ) : (
          <p className={staff.muted}>{t('select')}</p>
        )}
      </section>
    </main>
  );
}

/** A field's label in the form version the procedure was submitted with (its name if unknown). */
function labelOf(p: StaffProcedureView, name: string, lang: Lang): string {
  const field = p.fields.find((f) => f.name === name);
  return field ? textIn(field.label, lang) : name;
}

function Deadline({ clock }: { clock: Item['clock'] }) {
  const t = useTranslations('backoffice');
  if (clock.daysLeft === null) return <span className={styles.deadline}>–</span>;
  if (clock.paused) return <span className={styles.deadline}>{t('paused')}</span>;
  return (
    <span className={clock.daysLeft < 0 ? `${styles.deadline} ${styles.overdue}` : styles.deadline}>
      {clock.daysLeft < 0 ? t('overdue', { days: -clock.daysLeft }) : t('daysLeft', { days: clock.daysLeft })}
    </span>
  );
}

function Detail({ p, lang, onChanged }: { p: StaffProcedureView; lang: Lang; onChanged: (p: StaffProcedureView) => void }) {
  const t = useTranslations('backoffice');
  const [citizenNote, setCitizenNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Completing: generate the certificate (certificate services), the clerk's files to issue.
  const [generate, setGenerate] = useState(true);
  const [files, setFiles] = useState<{ attachmentId: string; fileName: string }[]>([]);
  const [stamp, setStamp] = useState('');
  const [stampNumber, setStampNumber] = useState('');
  const needsStamp = Boolean(p.certificate && generate && !p.stampDuty);

  const addFiles = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    setError(null);
    try {
      const added: { attachmentId: string; fileName: string }[] = [];
      for (const f of Array.from(list))
        added.push(await upload<{ attachmentId: string; fileName: string }>('/api/procedures/attachments', f));
      setFiles((old) => [...old, ...added]);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: StaffAction, e?: FormEvent) => {
    e?.preventDefault();
    if (ACTIONS[action].needsNote && !citizenNote.trim()) return setError(t('noteRequired'));
    let stampDuty: StampDuty | undefined;
    if (action === 'completed' && needsStamp) {
      if (stamp === 'stamp') stampDuty = { kind: 'stamp', stampNumber: stampNumber.replace(/\s/g, '') };
      else if (stamp) stampDuty = { kind: 'exempt', exemption: stamp as keyof typeof STAMP_DUTY_EXEMPTIONS };
      else return setError(t('stampDutyRequired'));
    }
    setBusy(true);
    setError(null);
    try {
      const notes = { citizenNote: citizenNote.trim() || undefined, internalNote: internalNote.trim() || undefined };
      const body =
        action === 'completed'
          ? {
              ...notes,
              ...(p.certificate ? { certificate: generate } : {}),
              ...(files.length ? { attachmentIds: files.map((f) => f.attachmentId) } : {}),
              ...(stampDuty ? { stampDuty } : {}),
            }
          : notes;
      const next = await call(ACTIONS[action].endpoint, { params: { id: p.id }, body: body as { citizenNote: string } });
      setCitizenNote('');
      setInternalNote('');
      setFiles([]);
      onChanged(next as StaffProcedureView);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  // What the clerk may do now, by the same rules the server enforces; taking over a colleague's
  // procedure stays possible over the API, the screen offers "take" only for new ones.
  const actions = (actionsAllowed(p.status, 'staff') as StaffAction[]).filter((a) => a !== 'taken' || p.status === 'submitted');
  return (
    <article className={styles.detail} data-testid="bo-detail">
      <header>
        <p className={styles.protocol}>{p.protocolNumber}</p>
        <h2 className={styles.detailTitle}>{textIn(p.service.name, lang)}</h2>
        <p>
          <span className={styles.badge} data-status={p.status} data-testid="bo-detail-status">
            {t(`statuses.${p.status}`)}
          </span>{' '}
          {/* Waiting for the citizen: the badge says it already. */}
          {!p.clock.paused && <Deadline clock={p.clock} />} · {t('responsible')}: {p.responsible ?? t('nobody')}
        </p>
      </header>
      <dl className={styles.facts}>
        <dt>{t('citizen')}</dt>
        <dd>{[p.citizen.name, p.citizen.fiscalCode, p.citizen.email].filter(Boolean).join(' · ')}</dd>
        {Object.entries(p.data).map(([k, v]) => (
          <div key={k} className={styles.fact}>
            <dt>{labelOf(p, k, lang)}</dt>
            <dd>{v === true ? '✓' : v === false ? '–' : String(v ?? '')}</dd>
          </div>
        ))}
      </dl>
      {p.documents.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{t('documents')}</h3>
          <ul data-testid="bo-documents">
            {p.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/procedures/${p.id}/documents/${d.id}`} download data-testid={`bo-document-${d.kind}`}>
                  {d.kind === 'certificate' ? t('certificateFile', { name: d.fileName }) : d.fileName}
                </a>{' '}
                ({Math.ceil(d.size / 1024)} KB) · {t('verificationCode')}{' '}
                <a href={`/verify/${d.verificationCode}`} className={styles.code}>
                  {formatVerificationCode(d.verificationCode)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className={styles.subTitle}>{t('attachments')}</h3>
      {p.attachments.length === 0 ? (
        <p className={staff.muted}>{t('noAttachments')}</p>
      ) : (
        <ul>
          {p.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/procedures/${p.id}/attachments/${a.id}`} download>
                {a.fileName}
              </a>{' '}
              ({Math.ceil(a.size / 1024)} KB)
            </li>
          ))}
        </ul>
      )}
      <h3 className={styles.subTitle}>{t('history')}</h3>
      <ol className={styles.timeline}>
        {p.events.map((e, i) => (
          <li key={i}>
            <strong>{t(`statuses.${e.toStatus}`)}</strong> · {new Date(e.at).toLocaleString(lang)} · {e.by ?? t('byCitizen')}
            {e.citizenNote && <p>{e.citizenNote}</p>}
            {e.internalNote && (
              <p className={styles.internal}>
                {t('internalNote')}: {e.internalNote}
              </p>
            )}
          </li>
        ))}
      </ol>
      {actions.length > 0 && (
        <form className={styles.actions} onSubmit={(e) => void act(actions[0], e)}>
          <label className={staff.field}>
            <span className={staff.fieldLabel}>{t('citizenNote')}</span>
            <textarea
              className={staff.input}
              value={citizenNote}
              onChange={(e) => setCitizenNote(e.target.value)}
              data-testid="bo-citizen-note"
            />
          </label>
          <label className={staff.field}>
            <span className={staff.fieldLabel}>{t('internalNote')}</span>
            <textarea className={staff.input} value={internalNote} onChange={(e) => setInternalNote(e.target.value)} />
          </label>
          {actions.includes('completed') && (
            <fieldset className={styles.complete} data-testid="bo-complete-documents">
              <legend>{t('completeWith')}</legend>
              {p.certificate && (
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    checked={generate}
                    onChange={(e) => setGenerate(e.target.checked)}
                    data-testid="bo-generate-certificate"
                  />{' '}
                  {t('generateCertificate')}
                </label>
              )}
              {p.certificate && p.stampDuty && generate && (
                <p className={staff.muted}>
                  {t('stampDuty')}:{' '}
                  {p.stampDuty.kind === 'stamp'
                    ? t('stampNumberIs', { number: p.stampDuty.stampNumber })
                    : STAMP_DUTY_EXEMPTIONS[p.stampDuty.exemption].text}
                </p>
              )}
              {needsStamp && (
                <div className={styles.stampRow}>
                  <label className={staff.field}>
                    <span className={staff.fieldLabel}>{t('stampDuty')}</span>
                    <select
                      className={staff.input}
                      value={stamp}
                      onChange={(e) => setStamp(e.target.value)}
                      data-testid="bo-stamp"
                    >
                      <option value="">–</option>
                      <option value="stamp">{t('stampBought')}</option>
                      {Object.entries(STAMP_DUTY_EXEMPTIONS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v.text}
                        </option>
                      ))}
                    </select>
                  </label>
                  {stamp === 'stamp' && (
                    <label className={staff.field}>
                      <span className={staff.fieldLabel}>{t('stampNumber')}</span>
                      <input
                        className={staff.input}
                        inputMode="numeric"
                        value={stampNumber}
                        onChange={(e) => setStampNumber(e.target.value)}
                        data-testid="bo-stamp-number"
                      />
                    </label>
                  )}
                </div>
              )}
              <label className={staff.field}>
                <span className={staff.fieldLabel}>{t('attachDocuments')}</span>
                <input
                  type="file"
                  multiple
                  accept="application/pdf,image/jpeg,image/png"
                  disabled={busy}
                  onChange={(e) => {
                    void addFiles(e.target.files);
                    e.target.value = '';
                  }}
                  data-testid="bo-document-files"
                />
              </label>
              {files.length > 0 && (
                <ul data-testid="bo-document-list">
                  {files.map((f) => (
                    <li key={f.attachmentId}>
                      {f.fileName}{' '}
                      <button
                        type="button"
                        className={styles.linkButton}
                        onClick={() => setFiles((old) => old.filter((x) => x.attachmentId !== f.attachmentId))}
                      >
                        {t('removeFile')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          )}
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          <div className={styles.buttons}>
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                disabled={busy}
                className={a === 'rejected' ? staff.buttonDanger : staff.buttonPrimary}
                onClick={() => void act(a)}
                data-testid={`bo-${ACTIONS[a].key}`}
              >
                {t(`actions.${ACTIONS[a].key}`)}
              </button>
            ))}
          </div>
        </form>
      )}
    </article>
  );
}
