import en from '../messages/en.json';
import it from '../messages/it.json';
import type { LanguageCode } from './languages';

export type Messages = typeof it;

// English is checked against Italian at compile time: a missing key is a type error.
const english: Messages = en;

export const messages: Record<LanguageCode, Messages> = { it, en: english };
