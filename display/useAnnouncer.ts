'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInfo } from '../contract/display';
import type { LanguageCode } from '../i18n/languages';
import type { SpeechMessages } from '../ui/speech';
import { Announcer, type AnnouncerState } from './announcer';

/** One Announcer for the lifetime of the screen, plus its state for the mute button and unlock overlay. */
export function useAnnouncer(langs: LanguageCode[], initiallyMuted: boolean, texts: Record<LanguageCode, SpeechMessages>) {
  const ref = useRef<Announcer | null>(null);
  const [state, setState] = useState<AnnouncerState>({ muted: initiallyMuted, blocked: false });
  const langKey = langs.join(',');

  useEffect(() => {
    const a = new Announcer(langKey ? (langKey.split(',') as LanguageCode[]) : [], initiallyMuted, texts);
    ref.current = a;
    const off = a.subscribe(setState);
    // Any gesture on the page (a remote's OK key, a click anywhere) also unlocks audio.
    const gesture = () => {
      if (a.state.blocked) void a.unlock();
    };
    window.addEventListener('pointerdown', gesture);
    window.addEventListener('keydown', gesture);
    return () => {
      window.removeEventListener('pointerdown', gesture);
      window.removeEventListener('keydown', gesture);
      off();
      a.dispose();
      if (ref.current === a) ref.current = null;
    };
    // The announcer is created once; language changes are pushed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    ref.current?.setLanguages(langKey ? (langKey.split(',') as LanguageCode[]) : []);
  }, [langKey]);

  const announce = useCallback((c: CallInfo) => ref.current?.announce(c), []);
  const unlock = useCallback(() => void ref.current?.unlock(), []);
  const toggleMute = useCallback(() => {
    const a = ref.current;
    if (!a) return;
    const muting = !a.state.muted;
    a.setMuted(muting);
    if (!muting) void a.unlock(); // the click that unmutes is a user gesture: use it
  }, []);

  return { state, announce, unlock, toggleMute };
}
