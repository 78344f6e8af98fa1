'use client';
import { useEffect } from 'react';
import { useTranslations } from 'use-intl';

/** Sets the browser tab's title to `key` under admin; again when the language changes. */
export function usePageTitle(key: string): void {
  const t = useTranslations('admin');
  useEffect(() => {
    document.title = t(key);
  }, [t, key]);
}
