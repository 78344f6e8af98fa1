/**
 * What listen mode says, read from the page as a person sees it (so it is always in the screen's
 * language and never out of step with it), and the browser's speech engine that says it.
 */
import { pickVoice } from '../ui/voice';

/** The words listen mode adds to what is on screen, in the kiosk's language (messages kiosk.access.speech). */
export interface SpeechWords {
  on: string;
  off: string;
  selected: string;
  field: string;
  empty: string;
  position: (index: number, count: number) => string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The text of a node as heard: what is hidden from assistive technology (aria-hidden, icons,
 * display none) is left out, an aria-label or an image's alt stands for its element, and the
 * parts of block-level children are separated by a pause.
 */
export function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true' || node.namespaceURI === 'http://www.w3.org/2000/svg') return '';
  if (node instanceof HTMLElement && node.getClientRects().length === 0 && !node.matches('.visually-hidden')) return '';
  const label = node.getAttribute('aria-label');
  if (label) return label;
  if (node instanceof HTMLImageElement) return node.alt;
  let out = '';
  for (const child of node.childNodes) {
    const text = clean(textOf(child));
    if (!text) continue;
    const block = child instanceof HTMLElement && !getComputedStyle(child).display.startsWith('inline');
    out = !out ? text : block && !/[.,:;!?]$/.test(out) ? `${out}, ${text}` : `${out} ${text}`;
  }
  return clean(out);
}

function nameOf(el: HTMLElement): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return clean(
      by
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id) ?? document.createTextNode('')))
        .join(' '),
    );
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const labels = Array.from(el.labels ?? [])
      .map(textOf)
      .join(' ');
    return clean(labels || el.placeholder);
  }
  return textOf(el);
}

/** What is said when `el` gets the focus: its name, its state or value, and where it is in its list. */
export function describe(el: HTMLElement, words: SpeechWords): string {
  const parts = [nameOf(el)];
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    parts.push(el.value ? el.value : words.empty, words.field);
  }
  if (el.getAttribute('role') === 'switch') parts.push(el.getAttribute('aria-checked') === 'true' ? words.on : words.off);
  else if (el.getAttribute('aria-pressed') === 'true') parts.push(words.selected);
  const item = el.closest('li');
  const list = item?.parentElement;
  if (item && list && (list.tagName === 'UL' || list.tagName === 'OL')) {
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
    if (items.length > 1) parts.push(words.position(items.indexOf(item) + 1, items.length));
  }
  const described = el.getAttribute('aria-describedby');
  if (described)
    for (const id of described.split(/\s+/)) {
      const d = document.getElementById(id);
      if (d) parts.push(textOf(d));
    }
  return parts
    .map(clean)
    .filter(Boolean)
    .map((p, i, all) => (i < all.length - 1 && !/[.,:;!?]$/.test(p) ? `${p},` : p))
    .join(' ');
}

/** The last thing said, for the repeat key (EN 301 549 5.1.3.4: speech can be repeated). */
let lastSaid = '';
export const lastSpoken = () => lastSaid;

export interface Voice {
  /** BCP 47 tag of the language spoken. */
  tag: string;
  volume: number;
  rate: number;
}

/**
 * Says `text` with the browser's speech engine. `interrupt` stops what is being said (the
 * citizen moved on); otherwise it is queued after it. No engine: silence, the screen still works.
 */
export function speak(text: string, voice: Voice, interrupt: boolean): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || !text.trim()) return;
  lastSaid = text;
  const synth = window.speechSynthesis;
  if (interrupt) synth.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = voice.tag;
  u.volume = voice.volume;
  u.rate = voice.rate;
  const v = pickVoice(synth.getVoices(), voice.tag);
  if (v) u.voice = v;
  synth.speak(u);
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}
