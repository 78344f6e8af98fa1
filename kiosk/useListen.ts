'use client';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { describe, lastSpoken, speak, stopSpeaking, textOf, type SpeechWords, type Voice } from './listen';

/** A focus change this soon after a key or a touch is the citizen's: it interrupts what is being said. */
const USER_MS = 150;

/**
 * Listen mode: says the screen when its heading gets the focus (each step focuses it on arrival),
 * every other element as it gets the focus, and what changes in elements marked `data-speak`
 * (the number of search results, a check-in refusal). The screen is its heading, the texts its
 * screen marks `data-summary`, then `help` (what to do there). Returns `say` for the rest.
 */
export function useListen({
  rootRef,
  headingRef,
  on,
  voice,
  words,
  help,
  intro,
}: {
  rootRef: RefObject<HTMLElement | null>;
  headingRef: RefObject<HTMLElement | null>;
  on: boolean;
  voice: Voice;
  words: SpeechWords;
  help: string;
  /** Said before the screen when listen mode starts (how the keys work). */
  intro: string;
}) {
  const latest = useRef({ voice, words, help, intro });
  useEffect(() => {
    latest.current = { voice, words, help, intro };
  });
  const lastInput = useRef(0);

  const say = useCallback((text: string, interrupt = true) => speak(text, latest.current.voice, interrupt), []);

  const screen = useCallback((): string => {
    const root = rootRef.current;
    const heading = headingRef.current;
    const parts = [heading ? textOf(heading) : ''];
    if (root) for (const el of root.querySelectorAll('[data-summary]')) parts.push(textOf(el));
    parts.push(latest.current.help);
    return parts
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (/[.!?:…]$/.test(p) ? p : `${p}.`))
      .join(' ');
  }, [rootRef, headingRef]);

  useEffect(() => {
    const root = rootRef.current;
    if (!on || !root) return;
    say(`${latest.current.intro} ${screen()}`);
    const input = () => (lastInput.current = performance.now());
    const focus = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const interrupt = performance.now() - lastInput.current < USER_MS;
      say(el === headingRef.current ? screen() : describe(el, latest.current.words), interrupt);
    };
    const heard = new WeakMap<Element, string>();
    const watched = () => root.querySelectorAll('[data-speak]');
    for (const el of watched()) heard.set(el, textOf(el));
    const changes = new MutationObserver(() => {
      for (const el of watched()) {
        const text = textOf(el);
        if (text === (heard.get(el) ?? '')) continue;
        heard.set(el, text);
        if (text) say(text, false);
      }
    });
    changes.observe(root, { childList: true, subtree: true, characterData: true });
    window.addEventListener('keydown', input, true);
    window.addEventListener('pointerdown', input, true);
    root.addEventListener('focusin', focus);
    return () => {
      changes.disconnect();
      window.removeEventListener('keydown', input, true);
      window.removeEventListener('pointerdown', input, true);
      root.removeEventListener('focusin', focus);
      stopSpeaking();
    };
  }, [on, rootRef, headingRef, say, screen]);

  return { say, repeat: () => say(lastSpoken()), describeFocused: () => describeActive(latest.current.words) };
}

function describeActive(words: SpeechWords): string {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? describe(el, words) : '';
}
