'use client';
/**
 * "Follow a request" at the kiosk: the citizen holds the QR code of a request (on the receipt or
 * the e-mail) under the scanner, which types its address and Enter into the focused field, and
 * the request's status, days left and last steps show on screen. Only what the public tracking
 * page shows: no personal data.
 */
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from '../../ui/intl';
import { textIn } from '../../contract/languages';
import type { ProcedureTrack } from '../../contract/portal';
import type { LanguageCode } from '../../i18n/languages';
import { ApiError } from '../../ui/http';
import { clockText } from '../../portal/clock-text';
import { trackRequest } from '../api';
import { useScannerFocus } from '../useScannerFocus';
import { BackButton } from './BackButton';
import type { HeadingRef } from './heading';
import { AlertIcon, CheckIcon, DocumentIcon } from '../icons';
import styles from '../kiosk.module.css';
import local from '../checkin.module.css';
import follow from './follow.module.css';

type State =
  { kind: 'ask' } | { kind: 'busy' } | { kind: 'found'; track: ProcedureTrack } | { kind: 'missing' } | { kind: 'error' };

/** The last steps shown: the screen is for a glance, the phone page has the whole story. */
const LAST_EVENTS = 4;

export function FollowScreen({
  lang,
  headingRef,
  onBack,
  onDone,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useTranslations('kiosk.follow');
  const tp = useTranslations('citizenPortal');
  const format = useFormatter();
  const [value, setValue] = useState('');
  const [state, setState] = useState<State>({ kind: 'ask' });
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = useCallback(
    async (e?: FormEvent) => {
      e?.preventDefault();
      if (!value.trim() || state.kind === 'busy') return;
      setState({ kind: 'busy' });
      try {
        setState({ kind: 'found', track: await trackRequest(value) });
      } catch (err) {
        setState(err instanceof ApiError && (err.status === 404 || err.status === 400) ? { kind: 'missing' } : { kind: 'error' });
      } finally {
        setValue('');
      }
    },
    [value, state.kind],
  );

  useScannerFocus(inputRef, state.kind !== 'found');

  if (state.kind === 'found') {
    const { track } = state;
    const clockLine = clockText(tp, track.clock);
    return (
      <div className={styles.screen} data-testid="kiosk-follow-result" data-status={track.status}>
        <div className={styles.screenHead}>
          <BackButton onClick={() => setState({ kind: 'ask' })} />
          <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
            {textIn(track.service.name, lang)}
          </h1>
        </div>
        <div className={follow.panel} tabIndex={0}>
          <p className={follow.protocol} data-summary="">
            {t('protocol')} <bdi dir="ltr">{track.protocolNumber}</bdi>
          </p>
          <p className={follow.status} data-testid="kiosk-follow-status" data-summary="">
            {tp(`status.${track.status}`)}
          </p>
          {clockLine ? (
            <p className={follow.clock} data-summary="">
              {clockLine}
            </p>
          ) : null}
          <h2 className={follow.stepsTitle}>{t('lastSteps')}</h2>
          <ol className={follow.steps}>
            {track.events
              .slice(-LAST_EVENTS)
              .reverse()
              .map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <span className={follow.stepName}>{tp(`event.${e.type}`)}</span>{' '}
                  <time dateTime={e.at} className={follow.stepWhen}>
                    {format.dateTime(new Date(e.at), { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </li>
              ))}
          </ol>
          <p className={follow.more}>{t('more')}</p>
        </div>
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primaryButton}
            onClick={onDone}
            data-testid="kiosk-follow-done"
            data-kiosk-back=""
          >
            <CheckIcon />
            <span>{t('done')}</span>
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.screen} data-testid="kiosk-follow">
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          {t('title')}
        </h1>
      </div>
      <div className={local.checkin}>
        <p className={follow.instructions} data-summary="">
          <DocumentIcon /> {t('instructions')}
        </p>
        <form className={local.codeForm} onSubmit={(e) => void submit(e)}>
          <label htmlFor="kiosk-follow-code" className={local.codeLabel}>
            {t('codeLabel')}
          </label>
          <div className={local.codeRow}>
            <input
              ref={inputRef}
              id="kiosk-follow-code"
              data-testid="kiosk-follow-code"
              className={`${local.codeInput} ${follow.codeInput}`}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              // The scanner types; a system keyboard would cover the screen.
              inputMode="none"
              aria-invalid={state.kind === 'missing' || undefined}
              aria-describedby={state.kind === 'missing' || state.kind === 'error' ? 'kiosk-follow-problem' : undefined}
            />
            <button type="submit" className={styles.primaryButton} disabled={!value.trim() || state.kind === 'busy'}>
              {t('show')}
            </button>
          </div>
        </form>
        {state.kind === 'missing' || state.kind === 'error' ? (
          <p id="kiosk-follow-problem" role="alert" className={follow.problem} data-testid="kiosk-follow-problem">
            <AlertIcon /> {t(state.kind === 'missing' ? 'notFound' : 'failed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
