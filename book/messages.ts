/**
 * The online booking's interface texts: only the `book` part of messages/*.json, in every
 * language. The pages hand them to their screen (app/book/page.tsx, and the confirm and manage
 * links' pages), so a language switch stays instant; the whole files of all seven languages
 * would be most of what a phone downloads.
 */
import { languages, type LanguageCode } from '../i18n/languages';
import { messages, type Messages } from '../i18n/messages';

export type BookMessages = Pick<Messages, 'book'>;

export function bookMessages(): Record<LanguageCode, BookMessages> {
  return Object.fromEntries(languages.map((l) => [l.code, { book: messages[l.code].book }])) as Record<
    LanguageCode,
    BookMessages
  >;
}
