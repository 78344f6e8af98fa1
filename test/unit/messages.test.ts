import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languages } from '../../i18n/languages';

/**
 * Every language the screens offer (i18n/languages.ts) says everything the Italian file says, with
 * the same placeholders, and each plural has the forms its language needs for whole numbers
 * (Arabic six, Ukrainian four, Chinese one). A file being translated, not offered yet, may lack
 * keys but holds no key Italian lacks, and what it has must be right.
 */
const dir = path.join(__dirname, '../../messages');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;

function leaves(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of leaves(v as Record<string, unknown>, key)) out.set(kk, vv);
    else throw new Error(`${key} is neither text nor a group`);
  }
  return out;
}

interface Arg {
  name: string;
  kind: 'plural' | 'select' | 'value';
}

function walk(elements: MessageFormatElement[], visit: (el: MessageFormatElement) => void): void {
  for (const el of elements) {
    visit(el);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const opt of Object.values(el.options)) walk(opt.value, visit);
    if (el.type === TYPE.tag) walk(el.children, visit);
  }
}

function argumentsOf(message: string): string[] {
  const args = new Set<string>();
  walk(parse(message), (el) => {
    const kind: Arg['kind'] | null =
      el.type === TYPE.plural
        ? 'plural'
        : el.type === TYPE.select
          ? 'select'
          : el.type === TYPE.pound || el.type === TYPE.literal
            ? null
            : 'value';
    if (kind && 'value' in el && typeof el.value === 'string') args.add(`${el.value}:${kind === 'value' ? 'value' : kind}`);
  });
  return [...args].sort();
}

/** The plural forms a language uses for the whole numbers a queue can show. */
function integerCategories(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang);
  const set = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) set.add(rules.select(n));
  return set;
}

const italian = leaves(load('it'));

describe('messages files', () => {
  it('exist for every language offered', () => {
    expect(files.map((f) => f.replace('.json', ''))).toEqual(expect.arrayContaining(languages.map((l) => l.code)));
  });

  for (const file of files) {
    const lang = file.replace('.json', '');
    describe(lang, () => {
      const messages = leaves(load(lang));

      const offered = languages.some((l) => l.code === lang);

      it(offered ? 'has exactly the keys of the Italian file' : 'has no key the Italian file lacks', () => {
        const missing = offered ? [...italian.keys()].filter((k) => !messages.has(k)) : [];
        const extra = [...messages.keys()].filter((k) => !italian.has(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('keeps the placeholders of each Italian message', () => {
        const differing = [...italian]
          .filter(([k, v]) => messages.has(k) && argumentsOf(v).join() !== argumentsOf(messages.get(k)!).join())
          .map(([k]) => k);
        expect(differing).toEqual([]);
      });

      it('gives every plural the forms the language needs, and no others', () => {
        const needed = integerCategories(lang);
        const problems: string[] = [];
        for (const [key, message] of messages) {
          walk(parse(message), (el) => {
            if (el.type !== TYPE.plural) return;
            const forms = Object.keys(el.options).filter((f) => !f.startsWith('='));
            for (const f of needed) if (!forms.includes(f)) problems.push(`${key}: missing "${f}"`);
            for (const f of forms) if (!needed.has(f)) problems.push(`${key}: "${f}" is not a form of ${lang}`);
          });
        }
        expect(problems).toEqual([]);
      });

      it('has no empty text', () => {
        expect([...messages].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });
    });
  }
});
