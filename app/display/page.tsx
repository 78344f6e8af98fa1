import type { Metadata } from 'next';
import { DisplayScreen } from '../../display/DisplayScreen';
import { displayMessages } from '../../display/messages';
import { isLanguage, type LanguageCode } from '../../i18n/languages';
import { messages } from '../../i18n/messages';

export const metadata: Metadata = { title: `${messages.it.display.pageTitle} — Sportello` };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Waiting-room TV: `/display?display=<slug>&lang=en&voice=it,en|it|off`. `display` names a display
 * configured by an admin (its services, name and ticker); `officeId=…` instead shows a whole
 * office without a ticker (nothing: the one-stop desk).
 * `lang` is the secondary language shown under Italian (default English; `lang=it` for Italian only);
 * `voice` lists the languages spoken, or `off` to start muted.
 */
export default async function DisplayPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const officeId = first(sp.officeId)?.trim() || undefined;
  const display = first(sp.display)?.trim() || undefined;
  const langParam = first(sp.lang);
  const secondary: LanguageCode | null = isLanguage(langParam) ? (langParam === 'it' ? null : langParam) : 'en';

  const voiceParam = first(sp.voice)?.trim().toLowerCase();
  const startMuted = voiceParam === 'off' || voiceParam === 'none' || voiceParam === '0';
  const listed = (voiceParam ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(isLanguage);
  const fallback: LanguageCode[] = secondary ? ['it', secondary] : ['it'];
  const voice = listed.length > 0 ? Array.from(new Set(listed)) : fallback;

  return (
    <DisplayScreen
      officeId={officeId}
      display={display}
      secondary={secondary}
      voice={voice}
      startMuted={startMuted}
      messages={displayMessages()}
    />
  );
}
