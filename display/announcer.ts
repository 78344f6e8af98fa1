/**
 * Audible calls for the waiting-room display: a two-tone chime (Web Audio oscillators, no audio
 * file) followed by the call spoken in one or more languages (Web Speech API): the display's own,
 * then the ticket holder's when it differs (call-languages.ts).
 *
 * Announcements are queued and played strictly one after another, so two calls made a second apart
 * are both heard, in order. Browsers block audio until a user gesture; `state.blocked` tells the
 * screen to offer a "click to enable sound" button, which must call `unlock()` from the click
 * handler. Everything degrades silently: without Web Audio or speech the display keeps working.
 */
import type { CallInfo } from '../contract/display';
import type { LanguageCode } from '../i18n/languages';
import { speechTag } from '../contract/languages';
import { speechText, type SpeechMessages } from '../ui/speech';
import { pickVoice } from '../ui/voice';
import { callLanguages } from './call-languages';

export interface AnnouncerState {
  muted: boolean;
  /** Audio is wanted but the browser keeps it suspended until a user gesture. */
  blocked: boolean;
}

/** Most announcements kept waiting; beyond this the oldest are dropped (a burst of recalls). */
const MAX_PENDING = 8;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type AudioContextCtor = typeof AudioContext;

export class Announcer {
  private ctx: AudioContext | null = null;
  private queue: CallInfo[] = [];
  private running = false;
  private disposed = false;
  private muted: boolean;
  private voices: SpeechSynthesisVoice[] = [];
  /** The browser refused speech ("not-allowed": no user activation yet). */
  private speechBlocked = false;
  private listeners = new Set<(s: AnnouncerState) => void>();

  constructor(
    private languagesToSpeak: LanguageCode[],
    muted: boolean,
    /** What a call sounds like in each language. */
    private texts: Record<LanguageCode, SpeechMessages>,
  ) {
    this.muted = muted;
    if (typeof window === 'undefined') return;
    const Ctor: AudioContextCtor | undefined =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext;
    if (Ctor) {
      try {
        this.ctx = new Ctor();
        this.ctx.addEventListener('statechange', this.emit);
      } catch {
        this.ctx = null;
      }
    }
    if ('speechSynthesis' in window) {
      this.loadVoices();
      window.speechSynthesis.addEventListener?.('voiceschanged', this.loadVoices);
    }
  }

  get state(): AnnouncerState {
    const s = this.ctx?.state as string | undefined;
    return { muted: this.muted, blocked: !this.muted && (s === 'suspended' || s === 'interrupted' || this.speechBlocked) };
  }

  subscribe(fn: (s: AnnouncerState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  setLanguages(langs: LanguageCode[]) {
    this.languagesToSpeak = langs;
  }

  setMuted(muted: boolean) {
    this.muted = muted;
    if (muted) {
      this.queue = [];
      if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    }
    this.emit();
  }

  /** Must run inside a user gesture (click, key press): resumes audio and primes speech. */
  async unlock(): Promise<void> {
    this.speechBlocked = false;
    if (this.ctx && this.ctx.state !== 'running') {
      try {
        await this.ctx.resume();
      } catch {
        /* stays blocked; the button remains */
      }
    }
    if (typeof window !== 'undefined' && 'speechSynthesis' in window) {
      // Chrome refuses speak() before a user activation; a silent utterance now unlocks it.
      const u = new SpeechSynthesisUtterance(' ');
      u.volume = 0;
      window.speechSynthesis.speak(u);
    }
    this.emit();
  }

  /** Queues a call (or recall) to be chimed and spoken after those already waiting. */
  announce(call: CallInfo) {
    if (this.muted || this.disposed) return;
    this.queue.push(call);
    while (this.queue.length > MAX_PENDING) this.queue.shift();
    void this.pump();
  }

  dispose() {
    this.disposed = true;
    this.queue = [];
    this.listeners.clear();
    if (typeof window !== 'undefined' && 'speechSynthesis' in window) {
      window.speechSynthesis.removeEventListener?.('voiceschanged', this.loadVoices);
      window.speechSynthesis.cancel();
    }
    if (this.ctx) {
      this.ctx.removeEventListener('statechange', this.emit);
      void this.ctx.close().catch(() => undefined);
      this.ctx = null;
    }
  }

  private emit = () => {
    const s = this.state;
    for (const fn of this.listeners) fn(s);
  };

  private loadVoices = () => {
    try {
      this.voices = window.speechSynthesis.getVoices();
    } catch {
      this.voices = [];
    }
  };

  private async pump() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.disposed) {
        const call = this.queue.shift()!;
        if (this.muted) continue;
        await this.chime();
        const hasVoice = (l: LanguageCode) => this.voices.length === 0 || pickVoice(this.voices, speechTag(l)) !== null;
        for (const lang of callLanguages(this.languagesToSpeak, call.lang, hasVoice)) {
          if (this.muted || this.disposed) break;
          await this.speak(speechText(call, lang, this.texts[lang]), lang);
          await sleep(250);
        }
        await sleep(500);
      }
    } finally {
      this.running = false;
    }
  }

  /** Two tones, high then low ("ding-dong"), about 1.3 s in all. */
  private async chime(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return;
    const t0 = ctx.currentTime + 0.05;
    const tone = (freq: number, start: number, duration: number) => {
      for (const [mult, level] of [
        [1, 0.35],
        [2, 0.08],
      ] as const) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq * mult;
        gain.gain.setValueAtTime(0.0001, t0 + start);
        gain.gain.exponentialRampToValueAtTime(level, t0 + start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + duration);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + start);
        osc.stop(t0 + start + duration + 0.05);
      }
    };
    tone(880, 0, 0.7); // A5
    tone(659.25, 0.5, 1.0); // E5
    await sleep(1600);
  }

  private speak(text: string, lang: LanguageCode): Promise<void> {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return Promise.resolve();
    const synth = window.speechSynthesis;
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      const tag = speechTag(lang);
      u.lang = tag;
      const voice = pickVoice(this.voices, tag);
      if (voice) u.voice = voice;
      u.rate = 0.9;
      let done = false;
      // Some engines never fire `end` (no voice installed, tab in background): do not stall the queue.
      const timer = setTimeout(() => finish(), 3000 + text.length * 150);
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      u.onend = finish;
      u.onerror = (e) => {
        if (e.error === 'not-allowed' && !this.speechBlocked) {
          this.speechBlocked = true;
          this.emit();
        }
        finish();
      };
      synth.speak(u);
    });
  }
}
