import { describe, expect, it } from 'vitest';
import { callLanguages } from '../../display/call-languages';

const always = () => true;

describe('the languages a call is spoken in', () => {
  it("the display's languages, then the holder's when it is not among them", () => {
    expect(callLanguages(['it'], 'ar', always)).toEqual(['it', 'ar']);
    expect(callLanguages(['it', 'en'], 'uk', always)).toEqual(['it', 'en', 'uk']);
  });

  it('a holder whose language the display already speaks hears it once, in its place', () => {
    expect(callLanguages(['it'], 'it', always)).toEqual(['it']);
    expect(callLanguages(['it', 'en'], 'en', always)).toEqual(['it', 'en']);
    expect(callLanguages(['en', 'it'], 'it', always)).toEqual(['en', 'it']);
  });

  it("the holder's language only with a voice for it; the display's own always", () => {
    const only =
      (...langs: string[]) =>
      (l: string) =>
        langs.includes(l);
    expect(callLanguages(['it'], 'zh', only('it'))).toEqual(['it']);
    expect(callLanguages(['it'], 'zh', only('zh'))).toEqual(['it', 'zh']);
    expect(callLanguages(['it', 'en'], 'ar', only())).toEqual(['it', 'en']);
  });

  it('does not change the list it was given', () => {
    const configured = ['it'] as const;
    callLanguages(configured, 'ar', always);
    expect(configured).toEqual(['it']);
  });
});
