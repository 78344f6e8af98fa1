import { describe, expect, it } from 'vitest';
import { checkCharacter, isValidFiscalCode, normalizeFiscalCode } from '../../contract/fiscal-code';

describe('fiscal code', () => {
  it('accepts real codes, in any case and with spaces', () => {
    // Examples published with the algorithm's descriptions.
    expect(isValidFiscalCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidFiscalCode('mrtmtt91d08f205j')).toBe(true);
    expect(isValidFiscalCode(' RSSMRA 85T10 A562S ')).toBe(true);
    expect(normalizeFiscalCode(' rssmra 85t10a562s')).toBe('RSSMRA85T10A562S');
  });

  it('refuses a code whose check character does not match', () => {
    for (const wrong of 'ABCDEFGHIJKLMNOPQRTUVWXYZ') expect(isValidFiscalCode(`RSSMRA85T10A562${wrong}`)).toBe(false);
  });

  it('refuses a single changed character anywhere', () => {
    const good = 'RSSMRA85T10A562S';
    for (let i = 0; i < 15; i++) {
      const ch = good[i];
      const other = /\d/.test(ch) ? String((Number(ch) + 1) % 10) : ch === 'Z' ? 'A' : String.fromCharCode(ch.charCodeAt(0) + 1);
      const changed = good.slice(0, i) + other + good.slice(i + 1);
      expect(isValidFiscalCode(changed), changed).toBe(false);
    }
  });

  it('accepts omocodia (digits replaced by letters) with the check character recomputed', () => {
    // 8 → U in the year's last digit, 5 → R: the same person's code after an omocodia substitution.
    const base = 'RSSMRA8RT10A562';
    expect(isValidFiscalCode(base + checkCharacter(base))).toBe(true);
  });

  it('refuses wrong shapes: length, month letter, letters where digits belong', () => {
    for (const bad of ['', 'RSSMRA85T10A562', 'RSSMRA85T10A562SS', 'RSSMRA85K10A562S', 'RSSMRA8AT10A562S', '1SSMRA85T10A562S'])
      expect(isValidFiscalCode(bad), bad).toBe(false);
  });
});
