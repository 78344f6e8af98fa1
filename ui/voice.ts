/**
 * The voice for a BCP 47 tag among the browser's: the same tag, else the same language; a voice
 * installed on the machine before a network one. None: the engine's default for `utterance.lang`.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], tag: string): SpeechSynthesisVoice | null {
  const norm = (s: string) => s.replace('_', '-').toLowerCase();
  const want = norm(tag);
  const base = want.split('-')[0];
  const exact = voices.filter((v) => norm(v.lang) === want);
  const sameLang = voices.filter((v) => norm(v.lang).split('-')[0] === base);
  const pool = exact.length > 0 ? exact : sameLang;
  return pool.find((v) => v.localService) ?? pool[0] ?? null;
}
