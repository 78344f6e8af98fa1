'use client';
/**
 * Interface texts for a screen that keeps its scripts small (the kiosk): the same calls as
 * use-intl's `IntlProvider`, `useTranslations(namespace)` → `t(key, values)` and
 * `useFormatter().dateTime`, over ui/message-format.ts instead of use-intl and intl-messageformat
 * (11 KB gzip). A missing or broken text behaves as under use-intl: logged, and shown as its path
 * (`kiosk.ticketTitle`) rather than breaking the screen.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatMessage, type MessageValues } from './message-format';

/** Nested texts: each leaf an ICU message. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

interface IntlValue {
  locale: string;
  messages: MessageTree;
  timeZone: string;
}

const IntlContext = createContext<IntlValue | null>(null);

export function IntlProvider({ locale, messages, timeZone, children }: IntlValue & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

function useIntl(): IntlValue {
  const intl = useContext(IntlContext);
  if (!intl) throw new Error('No IntlProvider above this component');
  return intl;
}

export type Translate = (key: string, values?: MessageValues) => string;

/** The text at `path` (dot separated) of `messages`, or undefined. */
function lookUp(messages: MessageTree, path: string): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = messages;
  for (const k of path.split('.')) node = typeof node === 'object' ? node[k] : undefined;
  return node;
}

/** `t(key, values)` for the texts under `namespace` (e.g. `kiosk.access`), in the provider's language. */
export function translator({ locale, messages }: Pick<IntlValue, 'locale' | 'messages'>, namespace?: string): Translate {
  return (key, values) => {
    const path = namespace ? `${namespace}.${key}` : key;
    const message = lookUp(messages, path);
    try {
      if (typeof message !== 'string') throw new Error(message === undefined ? 'missing' : 'not a text');
      return formatMessage(message, locale, values);
    } catch (e) {
      console.error(`Text ${path} (${locale}): ${(e as Error).message}`);
      return path;
    }
  };
}

export function useTranslations(namespace?: string): Translate {
  const intl = useIntl();
  return useMemo(() => translator(intl, namespace), [intl, namespace]);
}

/** `dateTime(date, options)` in `locale` and `timeZone`, as use-intl's `useFormatter().dateTime`. */
export function dateTimeFormatter(locale: string, timeZone: string) {
  return (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(date);
}

/** Dates in the provider's language and time zone. */
export function useFormatter() {
  const { locale, timeZone } = useIntl();
  return useMemo(() => ({ dateTime: dateTimeFormatter(locale, timeZone) }), [locale, timeZone]);
}
