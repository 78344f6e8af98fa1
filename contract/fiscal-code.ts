/**
 * The Italian fiscal code ("codice fiscale") of a person: 16 characters whose last one is a check
 * character computed from the other fifteen (Ministry of Finance decree of 23/12/1976). Digits of
 * the date and place may be replaced by letters (omocodia, when two people would share a code),
 * so the shape is checked per position and the check character over all of them.
 */
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Values of characters in odd positions (1st, 3rd, …): digits and letters share one table. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function value(ch: string, odd: boolean): number {
  const c = ch.charCodeAt(0);
  const index = c <= 57 ? c - 48 : c - 65; // '0'..'9' → 0..9, 'A'..'Z' → 0..25
  return odd ? ODD[index] : index;
}

export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += value(first15[i], i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26));
}

/** Upper case without spaces, as stored. */
export function normalizeFiscalCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function isValidFiscalCode(raw: string): boolean {
  const code = normalizeFiscalCode(raw);
  return SHAPE.test(code) && checkCharacter(code.slice(0, 15)) === code[15];
}
