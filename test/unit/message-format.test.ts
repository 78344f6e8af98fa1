import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createFormatter, createTranslator } from 'use-intl/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languages } from '../../i18n/languages';
import { kioskMessages } from '../../kiosk/messages';
import { dateTimeFormatter, translator, type MessageTree } from '../../ui/intl';
import { formatMessage, MessageSyntaxError, parseMessage } from '../../ui/message-format';

/**
 * The kiosk's own formatter (ui/message-format.ts, ui/intl.tsx) against use-intl, which the other
 * screens keep: every kiosk text in every language, with plural counts that reach every form
 * (Arabic's zero, two, few and many, Ukrainian's few and many, the exact `=0`) and big numbers
 * (`#` is grouped by the language's number format), must come out the same.
 */
const COUNTS = [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 14, 19, 20, 21, 22, 25, 99, 100, 101, 102, 111, 1000, 1001, 12345];

function leaves(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [[path, v] as [string, string]] : leaves(v, path);
  });
}

/** The message's arguments: those a plural selects on, and the plain ones. */
function argumentsOf(message: string): { plural: Set<string>; plain: Set<string> } {
  const plural = new Set<string>();
  const plain = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.plural) {
        plural.add(el.value);
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.argument) plain.add(el.value);
    }
  };
  walk(parse(message));
  for (const p of plural) plain.delete(p);
  return { plural, plain };
}

/** Values to try: every count for the plural arguments (the others a step apart), texts and numbers for the rest. */
function valueSets(message: string): Record<string, string | number>[] {
  const { plural, plain } = argumentsOf(message);
  if (plural.size === 0 && plain.size === 0) return [{}];
  const sets: Record<string, string | number>[] = [];
  for (const [i, n] of COUNTS.entries()) {
    const v: Record<string, string | number> = {};
    [...plural].forEach((p, j) => (v[p] = COUNTS[(i + j * 5) % COUNTS.length] ?? n));
    for (const p of plain) v[p] = i % 2 ? `‹${p}›` : n;
    sets.push(v);
  }
  return sets;
}

const all = kioskMessages();

describe('the kiosk formatter', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  for (const { code } of languages) {
    it(`formats every kiosk text in ${code} as use-intl does`, () => {
      const messages = all[code] as unknown as MessageTree;
      const ours = translator({ locale: code, messages });
      const theirs = createTranslator({ locale: code, messages: messages as never, timeZone: 'Europe/Rome', onError: () => {} });
      let compared = 0;
      for (const [path, message] of leaves(messages)) {
        expect(() => parseMessage(message), `${code} ${path}`).not.toThrow();
        for (const values of valueSets(message)) {
          expect(ours(path, values), `${code} ${path} ${JSON.stringify(values)}`).toBe(
            (theirs as unknown as (k: string, v: object) => string)(path, values),
          );
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(300);
      expect(errors).not.toHaveBeenCalled();
    });
  }

  it('uses a namespace as useTranslations does', () => {
    const messages = all.uk as unknown as MessageTree;
    const theirs = createTranslator({ locale: 'uk', messages: messages as never, namespace: 'kiosk' as never }) as unknown as (
      k: string,
      v: object,
    ) => string;
    for (const n of [1, 3, 7, 21])
      expect(translator({ locale: 'uk', messages }, 'kiosk')('idleCountdown', { seconds: n })).toBe(
        theirs('idleCountdown', { seconds: n }),
      );
  });

  it('shows the path of a missing text or a text missing a value, and logs it, as use-intl does', () => {
    const messages = all.it as unknown as MessageTree;
    const t = translator({ locale: 'it', messages }, 'kiosk');
    expect(t('noSuchKey')).toBe('kiosk.noSuchKey');
    expect(t('access')).toBe('kiosk.access'); // a group, not a text
    expect(t('idleCountdown')).toBe('kiosk.idleCountdown'); // {seconds} not given
    expect(errors).toHaveBeenCalledTimes(3);
  });

  it('reads ICU quoting and nesting as intl-messageformat does', () => {
    for (const message of [
      "l''ufficio {n}",
      "'{'n'}' is {n}",
      "it''s '{n}' and {n, plural, one {'#' #} other {# '#'}}",
      '{n, plural, =0 {none} one {one: {name}} other {{name} and # more}}',
      '{a, plural, one {# a {b, plural, one {# b} other {# bs}}} other {# as {b, plural, one {# b} other {# bs}}}}',
      "quote ' alone, # outside a plural, and a | bar",
    ])
      for (const locale of ['it', 'ar', 'uk', 'zh'])
        for (const n of [0, 1, 2, 3, 11, 1500]) {
          const values = { n, a: n, b: n + 1, name: 'Ada' };
          expect(formatMessage(message, locale, values), message).toBe(
            (createTranslator({ locale, messages: { m: message } }) as unknown as (k: string, v: object) => string)('m', values),
          );
        }
  });

  it('writes dates as use-intl does, in each language and the office time zone', () => {
    const at = new Date('2026-03-29T00:30:00Z'); // the night summer time starts in Rome
    for (const { code } of languages)
      for (const options of [{ dateStyle: 'medium', timeStyle: 'short' }, { dateStyle: 'full' }] as const)
        expect(dateTimeFormatter(code, 'Europe/Rome')(at, options)).toBe(
          createFormatter({ locale: code, timeZone: 'Europe/Rome' }).dateTime(at, options),
        );
  });

  it('refuses what it does not support rather than showing it wrong', () => {
    for (const message of [
      '{g, select, a {x} other {y}}',
      '{n, number}',
      '{d, date, short}',
      '{n, plural, offset:1 one {x} other {y}}',
      '{n, plural, one {x}}',
      '<b>bold</b>',
      'unmatched }',
      '{open',
    ])
      expect(() => parseMessage(message), message).toThrow(MessageSyntaxError);
  });
});
