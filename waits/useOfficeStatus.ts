'use client';
import { useTranslations } from 'use-intl';
import { localeOf } from '../contract/lang';
import type { WalkInStatus } from '../contract/offices';
import type { LanguageCode } from '../i18n/languages';
import { opensAgain } from '../ui/opensAgain';

function timeIn(iso: string, timeZone: string, lang: LanguageCode): string {
  return new Date(iso).toLocaleTimeString(localeOf(lang), { timeZone, hour: 'numeric', minute: '2-digit' });
}

/** "Open now: tickets until 12:30" or "Closed now. Opens again tomorrow at 8:30.", in the office's time. */
export function useOfficeStatus(office: { walkIn: WalkInStatus; timeZone: string }, lang: LanguageCode): string {
  const t = useTranslations('waits');
  if (office.walkIn.open)
    return office.walkIn.closesAt
      ? t('openUntil', { time: timeIn(office.walkIn.closesAt, office.timeZone, lang) })
      : t('openNow');
  const again = opensAgain(lang, office.walkIn.nextOpensAt, office.timeZone);
  return `${t('closedNow')} ${'values' in again ? t(again.key, again.values) : t(again.key)}`;
}
