'use client';
import { useCallback, useEffect, useState } from 'react';
import { defaultLanguage, isLanguage, type LanguageCode } from '../i18n/languages';

/**
 * The language of a staff screen, remembered in this browser under `storageKey` and set on the
 * document (screen readers, hyphenation). Starts with the default so server and first client
 * render agree; the saved choice applies right after.
 */
export function useStoredLanguage(storageKey: string): [LanguageCode, (l: LanguageCode) => void] {
  const [lang, setLang] = useState<LanguageCode>(defaultLanguage);

  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey);
    // After hydration on purpose: the server cannot know the saved choice (see above).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (isLanguage(saved)) setLang(saved);
  }, [storageKey]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const changeLang = useCallback(
    (l: LanguageCode) => {
      setLang(l);
      try {
        window.localStorage.setItem(storageKey, l);
      } catch {
        // private mode: the choice lasts for this page
      }
    },
    [storageKey],
  );
  return [lang, changeLang];
}
