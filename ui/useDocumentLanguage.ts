'use client';
import { useEffect } from 'react';
import { dirOf, type Lang } from '../contract/languages';

/**
 * The page's `<html lang dir>` follow the language shown (the root layout renders Italian): screen
 * readers pick their voice from `lang`, and the browser's own parts (scroll bars, form controls)
 * take their side from `dir`. The page's root also carries both, so the first paint is already right.
 */
export function useDocumentLanguage(lang: Lang): void {
  useEffect(() => {
    const html = document.documentElement;
    html.lang = lang;
    html.dir = dirOf(lang);
  }, [lang]);
}
