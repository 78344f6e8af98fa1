'use client';
/**
 * Files the citizen adds to a request or a reply (PDF, JPEG, PNG, checked again by the server
 * from their content), uploaded as soon as they are picked, and the list of a procedure's files
 * to download.
 */
import { useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { z } from 'zod';
import type { ProcedureView, uploadedAttachmentSchema } from '../contract/portal';
import { formatVerificationCode } from '../contract/certificates';
import { ApiError, upload } from '../ui/http';
import styles from './portal.module.css';

export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** Whole kilobytes, at least 1 (a small file is not "0 KB"). */
const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

function uploadError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 413) return 'files.tooLarge';
    if (e.status === 415) return 'files.wrongType';
    if (e.code === 'too_many_files' || e.status === 429) return 'files.tooMany';
    if (e.status === 0) return 'errors.network';
  }
  return 'files.failed';
}

export function AttachmentPicker({
  id,
  files,
  onChange,
  onBusy,
}: {
  id: string;
  files: UploadedAttachment[];
  onChange: (files: UploadedAttachment[]) => void;
  onBusy?: (busy: boolean) => void;
}) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: string; name: string } | null>(null);

  async function add(list: FileList | null) {
    if (!list?.length) return;
    setBusy(true);
    onBusy?.(true);
    setError(null);
    let next = files;
    for (const file of Array.from(list)) {
      try {
        next = [...next, await upload<UploadedAttachment>('/api/procedures/attachments', file)];
        onChange(next);
      } catch (e) {
        setError({ key: uploadError(e), name: file.name });
        break;
      }
    }
    if (input.current) input.current.value = '';
    setBusy(false);
    onBusy?.(false);
  }

  return (
    <div className={styles.field}>
      <p id={`${id}-title`} className={styles.label}>
        {t('files.add')}
      </p>
      <p id={`${id}-hint`} className={styles.hint}>
        {t('files.hint')}
      </p>
      {/* The browser's own file button speaks the phone's language, not the page's: it stays
          hidden (still focusable) and the label is the button, in the page's language. */}
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        className={styles.fileInput}
        aria-labelledby={`${id}-title ${id}-button`}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        disabled={busy}
        onChange={(e) => void add(e.target.files)}
        data-testid={id}
      />
      <label id={`${id}-button`} htmlFor={id} className={styles.fileButton}>
        <span aria-hidden="true">+</span>&nbsp;{t('files.choose')}
      </label>
      {busy ? (
        <p className={styles.hint} role="status">
          {t('files.uploading')}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError} role="alert" data-testid={`${id}-error`}>
          {t(error.key, { name: error.name })}
        </p>
      ) : null}
      {files.length ? (
        <ul className={styles.fileList} data-testid={`${id}-list`}>
          {files.map((f) => (
            <li key={f.attachmentId} className={`${styles.fileItem} ${styles.fileItemPicked}`}>
              <span className={styles.fileName}>
                <bdi>{f.fileName}</bdi> <span className={styles.fileSize}>({format.number(kb(f.size))} KB)</span>
              </span>
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => onChange(files.filter((x) => x.attachmentId !== f.attachmentId))}
                aria-label={t('files.removeNamed', { name: f.fileName })}
              >
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A procedure's files, each a download (only its citizen and the office's staff may). */
export function AttachmentList({ procedure: p }: { procedure: ProcedureView }) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  if (!p.attachments.length) return null;
  return (
    <section className={styles.section} aria-labelledby="portal-files-title">
      <h2 id="portal-files-title" className={styles.sectionTitle}>
        {t('files.title')}
      </h2>
      <ul className={styles.fileList} data-testid="portal-files">
        {p.attachments.map((a) => (
          <li key={a.id} className={styles.fileItem}>
            <a
              className={styles.fileLink}
              href={`/api/procedures/${encodeURIComponent(p.id)}/attachments/${encodeURIComponent(a.id)}`}
              download={a.fileName}
              data-testid={`portal-file-${a.id}`}
            >
              <bdi>{a.fileName}</bdi>
            </a>
            <span className={styles.fileSize}>
              {a.byCitizen ? t('files.byYou') : t('files.byOffice')} ·{' '}
              {format.dateTime(new Date(a.uploadedAt), { dateStyle: 'medium' })} · {format.number(kb(a.size))} KB
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the office issued on completion (the certificate, its files): each a download, with its verification code. */
export function DocumentList({ procedure: p }: { procedure: ProcedureView }) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  if (!p.documents.length) return null;
  return (
    <section className={styles.documents} aria-labelledby="portal-documents-title" data-testid="portal-documents">
      <h2 id="portal-documents-title" className={styles.sectionTitle}>
        {t('documents.title')}
      </h2>
      <ul className={styles.fileList}>
        {p.documents.map((d) => (
          <li key={d.id} className={styles.fileItem}>
            <a
              className={styles.fileLink}
              href={`/api/procedures/${encodeURIComponent(p.id)}/documents/${encodeURIComponent(d.id)}`}
              download={d.fileName}
              data-testid={`portal-document-${d.kind}`}
            >
              <bdi>{d.kind === 'certificate' ? t('documents.certificate') : d.fileName}</bdi>
            </a>
            <span className={styles.fileSize}>
              {format.dateTime(new Date(d.issuedAt), { dateStyle: 'medium' })} · {format.number(kb(d.size))} KB ·{' '}
              {t('documents.code')}{' '}
              <bdi className={styles.docCode} dir="ltr">
                {formatVerificationCode(d.verificationCode)}
              </bdi>
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.hint}>{t('documents.hint')}</p>
    </section>
  );
}
