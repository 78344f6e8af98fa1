/**
 * Whether a counter's name just says "Sportello N", the name every counter has until an admin
 * gives it another: speech then says "counter N" in every language, and the phone page names it
 * by its number. Its own file, not in ui/speech.ts: the phone page needs this rule without the
 * speech texts of every language.
 */

/** The Italian word for a counter (`display.counter` in messages/it.json; test/unit/display.test.ts keeps them equal). */
export const PLAIN_COUNTER_WORD = 'Sportello';

/** True for counter names that just say "Sportello N" (any case, any spacing). */
export function isPlainCounterName(name: string, counterNumber: number): boolean {
  return name.trim().toLowerCase().replace(/\s+/g, ' ') === `${PLAIN_COUNTER_WORD.toLowerCase()} ${counterNumber}`;
}
