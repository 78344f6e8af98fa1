/**
 * The waiting-room display's interface texts: only the parts of messages/*.json it reads, in
 * every language (a call is spoken in the ticket holder's language too, whichever it is). The
 * page hands them to the screen (app/display/page.tsx) instead of the screen importing every
 * screen's messages in every language.
 */
import { languages, type LanguageCode } from '../i18n/languages';
import { messages, type Messages } from '../i18n/messages';

export type DisplayMessages = Pick<Messages, 'common' | 'display'>;

export function displayMessages(): Record<LanguageCode, DisplayMessages> {
  const of = ({ common, display }: Messages): DisplayMessages => ({ common, display });
  return Object.fromEntries(languages.map((l) => [l.code, of(messages[l.code])])) as Record<LanguageCode, DisplayMessages>;
}
