'use client';
/**
 * "I have an appointment" at the kiosk. The code field keeps the focus, so a USB barcode scanner
 * (which types like a keyboard and ends with Enter) checks in without a touch; the citizen can also
 * type the booking code on the on-screen keypad, or show the QR code to the camera where the
 * browser has the BarcodeDetector API. Refusals explain what to do: come back at a time, go on
 * another day, or take a walk-in ticket when too late.
 */
import { localeOf } from '../../contract/languages';
import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import { ApiError } from '../../ui/http';
import { checkInAppointment, type CheckInResult } from '../api';
import { useScannerFocus } from '../useScannerFocus';
import { BackButton } from './BackButton';
import type { HeadingRef } from './heading';
import { AlertIcon, BackspaceIcon, CheckIcon, PhoneIcon } from '../icons';
import styles from '../kiosk.module.css';
import keys from '../keyboard.module.css';
import local from '../checkin.module.css';
import access from '../access.module.css';

export type CheckInProblem =
  | { kind: 'tooEarly'; comeBackTime: string; time: string }
  | { kind: 'tooLate'; time: string }
  | { kind: 'wrongDay'; day: string; time: string }
  | { kind: 'notFound' }
  | { kind: 'cancelled' }
  | { kind: 'network' }
  | { kind: 'generic' };

function problemOf(e: unknown): CheckInProblem {
  if (!(e instanceof ApiError)) return { kind: 'generic' };
  const d = (typeof e.details === 'object' && e.details !== null ? e.details : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (e.code) {
    case 'checkin_too_early':
      return { kind: 'tooEarly', comeBackTime: s('comeBackTime'), time: s('time') };
    case 'checkin_too_late':
      return { kind: 'tooLate', time: s('time') };
    case 'checkin_wrong_day':
      return { kind: 'wrongDay', day: s('day'), time: s('time') };
    case 'appointment_not_found':
    case 'token_invalid':
    case 'token_expired':
    case 'not_found':
    case 'invalid_input':
      return { kind: 'notFound' };
    case 'appointment_cancelled':
      return { kind: 'cancelled' };
    case 'network':
      return { kind: 'network' };
    default:
      return e.status === 404 ? { kind: 'notFound' } : { kind: 'generic' };
  }
}

const KEY_ROWS = ['23456789', 'ABCDEFGH', 'JKLMNPQR', 'STUVWXYZ'];

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorCtor = new (opts: { formats: string[] }) => BarcodeDetectorLike;

export function CheckInScreen({
  lang,
  headingRef,
  kioskId,
  onBack,
  onDone,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  kioskId?: string;
  onBack: () => void;
  onDone: (r: CheckInResult) => void;
}) {
  const t = useTranslations('kiosk');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CheckInProblem | null>(null);
  const [lastCode, setLastCode] = useState('');
  const [camera, setCamera] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const cameraSupported = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

  const submit = useCallback(
    async (value: string, walkIn = false) => {
      const v = value.trim();
      if (!v || busy) return;
      setBusy(true);
      setProblem(null);
      setLastCode(v);
      try {
        onDone(await checkInAppointment({ code: v, lang, kioskId, walkIn }));
      } catch (e) {
        setProblem(problemOf(e));
        setCode('');
      } finally {
        setBusy(false);
        inputRef.current?.focus();
      }
    },
    [busy, lang, kioskId, onDone],
  );

  useScannerFocus(inputRef);

  const keep = (e: MouseEvent) => e.preventDefault();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(code);
  };

  return (
    <div className={styles.screen} data-testid="kiosk-checkin">
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          {t('checkin.title')}
        </h1>
      </div>
      <div className={`${local.checkin} ${styles.scroll}`}>
        <p className={styles.lead} data-summary="">
          {t('checkin.lead')}
        </p>
        <form onSubmit={onSubmit} className={local.codeForm}>
          <label htmlFor="kiosk-checkin-code" className={local.codeLabel}>
            {t('checkin.codeLabel')}
          </label>
          <div className={local.codeRow}>
            <input
              id="kiosk-checkin-code"
              ref={inputRef}
              className={local.codeInput}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              // The kiosk brings its own keypad; a scanner types here too.
              inputMode="none"
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={500}
              placeholder="ABCD-EFGH"
              aria-describedby="kiosk-checkin-hint"
              data-testid="kiosk-checkin-code"
            />
            <button
              type="submit"
              className={styles.primaryButton}
              disabled={busy || !code.trim()}
              aria-busy={busy}
              data-testid="kiosk-checkin-submit"
            >
              <CheckIcon />
              <span>{t('checkin.submit')}</span>
            </button>
          </div>
          <p id="kiosk-checkin-hint" className={styles.hint}>
            {t('checkin.scanHint')}
          </p>
        </form>

        {problem ? <Problem problem={problem} lang={lang} onWalkIn={() => void submit(lastCode, true)} busy={busy} /> : null}

        {/* One tab stop; the arrows move between the keys (keypad.ts). */}
        <div
          className={`${local.keypad} ${access.lowKeys}`}
          role="group"
          aria-label={t('checkin.keypadLabel')}
          data-roving="grid"
        >
          {KEY_ROWS.map((row) => (
            <div key={row} className={keys.keyRow}>
              {[...row].map((ch) => (
                <button
                  key={ch}
                  type="button"
                  className={keys.key}
                  onMouseDown={keep}
                  onClick={() => setCode((c) => (c.replace(/[^0-9A-Z]/gi, '').length >= 8 ? c : c + ch))}
                >
                  {ch}
                </button>
              ))}
            </div>
          ))}
          <div className={keys.keyRow}>
            <button
              type="button"
              className={`${keys.key} ${keys.keyWide}`}
              onMouseDown={keep}
              onClick={() => setCode('')}
              disabled={!code}
            >
              {t('keyClear')}
            </button>
            <button
              type="button"
              className={`${keys.key} ${keys.keyWide}`}
              onMouseDown={keep}
              onClick={() => setCode((c) => c.slice(0, -1))}
              disabled={!code}
              aria-label={t('keyBackspace')}
            >
              <BackspaceIcon />
            </button>
          </div>
        </div>

        {cameraSupported ? (
          camera ? (
            <CameraScanner onCode={(v) => (setCamera(false), void submit(v))} onClose={() => setCamera(false)} />
          ) : (
            <button
              type="button"
              className={styles.secondaryButton}
              onClick={() => setCamera(true)}
              data-testid="kiosk-checkin-camera"
            >
              <PhoneIcon />
              <span>{t('checkin.camera')}</span>
            </button>
          )
        ) : null}
      </div>
    </div>
  );
}

function Problem({
  problem,
  lang,
  onWalkIn,
  busy,
}: {
  problem: CheckInProblem;
  lang: LanguageCode;
  onWalkIn: () => void;
  busy: boolean;
}) {
  const t = useTranslations('kiosk');
  let text: string;
  switch (problem.kind) {
    case 'tooEarly':
      text = t('checkin.tooEarly', { comeBack: problem.comeBackTime, time: problem.time });
      break;
    case 'tooLate':
      text = t('checkin.tooLate', { time: problem.time });
      break;
    case 'wrongDay': {
      const date = problem.day
        ? new Intl.DateTimeFormat(localeOf(lang), {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            timeZone: 'UTC',
          }).format(new Date(`${problem.day}T12:00:00Z`))
        : '';
      text = t('checkin.wrongDay', { date, time: problem.time });
      break;
    }
    case 'notFound':
      text = t('checkin.notFound');
      break;
    case 'cancelled':
      text = t('checkin.cancelled');
      break;
    case 'network':
      text = t('errorNetwork');
      break;
    default:
      text = t('errorGeneric');
  }
  return (
    <div className={local.problem} role="alert" data-testid="kiosk-checkin-problem" data-problem={problem.kind} data-speak="">
      <AlertIcon />
      <p>{text}</p>
      {problem.kind === 'tooLate' ? (
        <button
          type="button"
          className={styles.primaryButton}
          onClick={onWalkIn}
          disabled={busy}
          data-testid="kiosk-checkin-walkin"
        >
          {t('checkin.walkIn')}
        </button>
      ) : null}
    </div>
  );
}

/** The camera, where the browser can read QR codes itself (BarcodeDetector): optional. */
function CameraScanner({ onCode, onClose }: { onCode: (v: string) => void; onClose: () => void }) {
  const t = useTranslations('kiosk');
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    void (async () => {
      try {
        const Ctor = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
        const detector = new Ctor({ formats: ['qr_code'] });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' } });
        if (stopped || !videoRef.current) return;
        videoRef.current.srcObject = stream;
        await videoRef.current.play();
        const tick = async () => {
          if (stopped || !videoRef.current) return;
          const found = await detector.detect(videoRef.current).catch(() => []);
          if (found[0]?.rawValue) onCode(found[0].rawValue);
          else timer = window.setTimeout(() => void tick(), 300);
        };
        void tick();
      } catch {
        setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [onCode]);
  return (
    <div className={local.camera}>
      {failed ? (
        <p className={styles.hint}>{t('checkin.cameraFailed')}</p>
      ) : (
        <video ref={videoRef} className={local.video} muted playsInline aria-label={t('checkin.cameraLabel')} />
      )}
      <button type="button" className={styles.secondaryButton} onClick={onClose}>
        {t('checkin.cameraClose')}
      </button>
    </div>
  );
}
