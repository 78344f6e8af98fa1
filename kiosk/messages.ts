/**
 * The kiosk's interface texts: only the parts of messages/*.json its screens read, in every
 * language. The page hands them to the kiosk (pages/kiosk.tsx), so a language switch stays
 * instant; the whole files of all seven languages would be most of what the kiosk loads.
 */
import { languages, type LanguageCode } from '../i18n/languages';
import { messages, type Messages } from '../i18n/messages';

type Portal = Messages['citizenPortal'];

export type KioskMessages = Pick<Messages, 'common' | 'kiosk'> & {
  /** A procedure's status, events and legal clock, as the follow screen names them. */
  citizenPortal: Pick<Portal, 'status' | 'event' | 'clock'>;
};

export function kioskMessages(): Record<LanguageCode, KioskMessages> {
  const of = ({ common, kiosk, citizenPortal: { status, event, clock } }: Messages): KioskMessages => ({
    common,
    kiosk,
    citizenPortal: { status, event, clock },
  });
  return Object.fromEntries(languages.map((l) => [l.code, of(messages[l.code])])) as Record<LanguageCode, KioskMessages>;
}
