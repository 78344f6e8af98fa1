/**
 * A small ICU MessageFormat formatter for the part of the syntax the kiosk's texts use: plain
 * text, `{name}` arguments, and `{count, plural, =0 {…} one {# …} other {…}}` (cardinal, no
 * offset) with `#`, and ICU apostrophe quoting. It formats as intl-messageformat does under
 * use-intl (the reference in test/unit/message-format.test.ts, which runs every kiosk text in every
 * language through both): `#` through Intl.NumberFormat, the plural category through
 * Intl.PluralRules, an exact `=n` before the category. Anything else (select, number or date
 * arguments, tags) is refused with an error rather than shown wrong; the test keeps the kiosk's
 * texts inside this subset. use-intl with its parser is 11 KB gzip of the kiosk's scripts; this is
 * under 1 KB.
 */

type Part = string | { arg: string } | { plural: string; options: Record<string, Part[]> } | 0; // 0: `#`

export class MessageSyntaxError extends Error {}

/** Parses `text` from `at`; inside a plural option (`inPlural`) a `#` is the number and `}` ends it. */
function parseParts(text: string, at: { i: number }, inPlural: boolean): Part[] {
  const parts: Part[] = [];
  let literal = '';
  const n = text.length;
  while (at.i < n) {
    const c = text[at.i];
    if (c === "'") {
      const next = text[at.i + 1];
      if (next === "'") {
        literal += "'";
        at.i += 2;
      } else if (next === '{' || next === '}' || next === '|' || next === '<' || (next === '#' && inPlural)) {
        // Quoted text up to the next lone apostrophe ('' inside stands for one).
        at.i++;
        while (at.i < n) {
          if (text[at.i] === "'") {
            if (text[at.i + 1] === "'") {
              literal += "'";
              at.i += 2;
              continue;
            }
            at.i++;
            break;
          }
          literal += text[at.i++];
        }
      } else {
        literal += c;
        at.i++;
      }
    } else if (c === '{') {
      if (literal) parts.push(literal);
      literal = '';
      at.i++;
      parts.push(parseArgument(text, at));
    } else if (c === '}') {
      if (!inPlural) throw new MessageSyntaxError(`Unmatched "}" in: ${text}`);
      break;
    } else if (c === '#' && inPlural) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push(0);
      at.i++;
    } else if (c === '<') {
      throw new MessageSyntaxError(`Tags are not supported: ${text}`);
    } else {
      literal += c;
      at.i++;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

const NAME = /^\s*([\p{L}\p{N}_]+)\s*/u;

/** `{name}` or `{name, plural, …}`, from just after the `{` to just after its `}`. */
function parseArgument(text: string, at: { i: number }): Part {
  const rest = text.slice(at.i);
  const name = NAME.exec(rest);
  if (!name) throw new MessageSyntaxError(`Bad argument in: ${text}`);
  at.i += name[0].length;
  if (text[at.i] === '}') {
    at.i++;
    return { arg: name[1] };
  }
  const type = /^,\s*plural\s*,/.exec(text.slice(at.i));
  if (!type) throw new MessageSyntaxError(`Only {name} and {name, plural, …} are supported: ${text}`);
  at.i += type[0].length;
  const options: Record<string, Part[]> = {};
  for (;;) {
    const selector = /^\s*(=\d+|[a-z]+)\s*\{|^\s*\}/.exec(text.slice(at.i));
    if (!selector) throw new MessageSyntaxError(`Bad plural in: ${text}`);
    at.i += selector[0].length;
    if (!selector[1]) break; // the plural's own `}`
    if (selector[1] === 'offset') throw new MessageSyntaxError(`Plural offsets are not supported: ${text}`);
    options[selector[1]] = parseParts(text, at, true);
    if (text[at.i] !== '}') throw new MessageSyntaxError(`Unclosed plural option in: ${text}`);
    at.i++;
  }
  if (!options.other) throw new MessageSyntaxError(`A plural needs "other": ${text}`);
  return { plural: name[1], options };
}

/** The parts of a message: its literal text, arguments and plurals. Throws on what it does not support. */
export function parseMessage(text: string): Part[] {
  const at = { i: 0 };
  const parts = parseParts(text, at, false);
  if (at.i < text.length) throw new MessageSyntaxError(`Unmatched "}" in: ${text}`);
  return parts;
}

export type MessageValues = Record<string, string | number>;

const parsed = new Map<string, Part[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function formatParts(parts: Part[], locale: string, values: MessageValues, count: number | undefined): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (p === 0) {
      if (count !== undefined) out += cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(count);
    } else {
      const name = 'arg' in p ? p.arg : p.plural;
      const value = values[name];
      if (value === undefined) throw new Error(`The value "${name}" was not provided`);
      if ('arg' in p) out += String(value);
      else {
        const n = Number(value);
        const option =
          p.options[`=${n}`] ??
          p.options[cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n)] ??
          p.options.other;
        out += formatParts(option, locale, values, n);
      }
    }
  }
  return out;
}

/** Formats an ICU message (the subset above) in `locale`. Throws on bad syntax or a missing value. */
export function formatMessage(message: string, locale: string, values: MessageValues = {}): string {
  return formatParts(
    cached(parsed, message, () => parseMessage(message)),
    locale,
    values,
    undefined,
  );
}
