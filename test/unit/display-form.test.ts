import { createDisplayInput, MAX_TICKER_MESSAGES, updateDisplayInput } from '../../contract/admin/displays';
import { describe, expect, it } from 'vitest';
import { addNotice, slugify, tickerCoverage, tickerDrafts, tickerOf } from '../../admin/config/display-form';
import { textDraft } from '../../admin/config/text-draft';

describe('display form', () => {
  it('makes an address name from a display name', () => {
    expect(slugify("Sala d'attesa")).toBe('sala-d-attesa');
    expect(slugify('  Anagrafe & Stato civile – piano 1 ')).toBe('anagrafe-stato-civile-piano-1');
    expect(slugify('Città')).toBe('citta');
  });

  it('edits one draft per notice, and sends the notices with their translations, leaving out blank ones', () => {
    expect(tickerDrafts([])).toEqual([textDraft()]);
    const drafts = [{ ...textDraft(), it: ' Uno ', en: 'One', ar: 'واحد' }, textDraft(), { ...textDraft(), it: 'Due', ro: '  ' }];
    expect(tickerOf(drafts)).toEqual([{ it: 'Uno', en: 'One', ar: 'واحد' }, { it: 'Due' }]);
    expect(tickerDrafts(tickerOf(drafts))[0]).toEqual({ ...textDraft(), it: 'Uno', en: 'One', ar: 'واحد' });
    // What the form sends is what the API accepts.
    expect(createDisplayInput.safeParse({ officeId: 'o', name: 'N', slug: 'n-1', ticker: tickerOf(drafts) }).success).toBe(true);
  });

  it('sends a notice translated but without Italian, for the API to name the missing Italian', () => {
    const ticker = tickerOf([{ ...textDraft(), en: 'Only English' }]);
    expect(ticker).toEqual([{ en: 'Only English' }]);
    const refused = updateDisplayInput.safeParse({ ticker });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['ticker.0.it']);
  });

  it('adds notices up to the maximum the API takes', () => {
    let drafts = tickerDrafts([]);
    for (let i = 0; i < 20; i++) drafts = addNotice(drafts);
    expect(drafts).toHaveLength(MAX_TICKER_MESSAGES);
  });

  it('says which languages every notice has, for the list', () => {
    expect(tickerCoverage([])).toBeNull();
    expect(
      tickerCoverage([
        { it: 'a', en: 'b', ro: 'c' },
        { it: 'd', en: 'e' },
      ]),
    ).toEqual({ it: 'it', en: 'en' });
  });
});
