/**
 * The phone page's interface texts: only the parts of messages/*.json it reads, in every
 * language. The page hands them to the screen (app/t/[code]/page.tsx), so a language switch stays
 * instant; the whole files of all seven languages would be most of what a phone downloads.
 */
import { languages, type LanguageCode } from '../i18n/languages';
import { messages, type Messages } from '../i18n/messages';

export type TicketMessages = Pick<Messages, 'common' | 'ticket'>;

export function ticketMessages(): Record<LanguageCode, TicketMessages> {
  const of = ({ common, ticket }: Messages): TicketMessages => ({ common, ticket });
  return Object.fromEntries(languages.map((l) => [l.code, of(messages[l.code])])) as Record<LanguageCode, TicketMessages>;
}
