import { createDisplayInput, updateDisplayInput } from '../../contract/admin/displays';
import { describe, expect, it } from 'vitest';
import { slugify, tickerLines } from '../../admin/config/display-form';

describe('display form', () => {
  it('makes an address name from a display name', () => {
    expect(slugify("Sala d'attesa")).toBe('sala-d-attesa');
    expect(slugify('  Anagrafe & Stato civile – piano 1 ')).toBe('anagrafe-stato-civile-piano-1');
    expect(slugify('Città')).toBe('citta');
  });

  it('pairs the Italian and English lines by position and drops blank Italian lines', () => {
    expect(tickerLines('Uno\n\nDue\nTre\n', 'One\n\nTwo')).toEqual({ tickerIt: ['Uno', 'Due', 'Tre'], tickerEn: ['One', 'Two'] });
    expect(tickerLines('Uno\nDue', '\nTwo')).toEqual({ tickerIt: ['Uno', 'Due'], tickerEn: ['', 'Two'] });
    expect(tickerLines('', 'Orphan')).toEqual({ tickerIt: [], tickerEn: [] });
    // What the form sends is what the API accepts.
    expect(
      createDisplayInput.safeParse({ officeId: 'o', name: 'N', slug: 'n-1', ...tickerLines('Uno\nDue', '\nTwo') }).success,
    ).toBe(true);
  });

  it('refuses more English lines than Italian ones, and a ticker half-changed', () => {
    expect(
      createDisplayInput.safeParse({ officeId: 'o', name: 'N', slug: 'n-1', tickerIt: ['Uno'], tickerEn: ['One', 'Two'] })
        .success,
    ).toBe(false);
    expect(updateDisplayInput.safeParse({ tickerIt: ['Uno'] }).success).toBe(false);
    expect(updateDisplayInput.safeParse({ tickerIt: ['Uno'], tickerEn: [] }).success).toBe(true);
  });
});
