import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { emailFromClaims, fiscalCodeFromClaims, nameFromClaims } from '../../server/citizens/identity';

describe('OpenID Connect claims → citizen', () => {
  it('reads the fiscal code from the configured claim, with or without the SPID `TINIT-` prefix', () => {
    expect(fiscalCodeFromClaims({ fiscal_number: 'TINIT-RSSMRA85T10A562S' }, 'fiscal_number')).toBe('RSSMRA85T10A562S');
    expect(fiscalCodeFromClaims({ fiscal_number: 'tinit-rssmra85t10a562s' }, 'fiscal_number')).toBe('RSSMRA85T10A562S');
    expect(fiscalCodeFromClaims({ fiscal_number: ' MRTMTT91D08F205J ' }, 'fiscal_number')).toBe('MRTMTT91D08F205J');
    expect(
      fiscalCodeFromClaims(
        { 'https://attributes.eid.gov.it/fiscal_number': 'TINIT-MRTMTT91D08F205J' },
        'https://attributes.eid.gov.it/fiscal_number',
      ),
    ).toBe('MRTMTT91D08F205J');
  });

  it('refuses a missing, misplaced, forged or non-text fiscal code', () => {
    expect(fiscalCodeFromClaims({}, 'fiscal_number')).toBeNull();
    expect(fiscalCodeFromClaims({ fiscalNumber: 'RSSMRA85T10A562S' }, 'fiscal_number')).toBeNull();
    // Wrong check character.
    expect(fiscalCodeFromClaims({ fiscal_number: 'TINIT-RSSMRA85T10A562T' }, 'fiscal_number')).toBeNull();
    // Another country's tax number is not an Italian fiscal code.
    expect(fiscalCodeFromClaims({ fiscal_number: 'TINDE-RSSMRA85T10A562S' }, 'fiscal_number')).toBeNull();
    expect(fiscalCodeFromClaims({ fiscal_number: ['RSSMRA85T10A562S'] }, 'fiscal_number')).toBeNull();
    expect(fiscalCodeFromClaims({ fiscal_number: 12345 }, 'fiscal_number')).toBeNull();
  });

  it('takes the name as given, or from its parts', () => {
    expect(nameFromClaims({ name: ' Mario Rossi ', given_name: 'X' })).toBe('Mario Rossi');
    expect(nameFromClaims({ given_name: 'Mario', family_name: 'Rossi' })).toBe('Mario Rossi');
    expect(nameFromClaims({ family_name: 'Rossi' })).toBe('Rossi');
    expect(nameFromClaims({ name: '' })).toBeNull();
  });

  it('takes the e-mail address in lower case unless the provider says it is not verified', () => {
    expect(emailFromClaims({ email: 'Mario.Rossi@Example.org' })).toBe('mario.rossi@example.org');
    expect(emailFromClaims({ email: 'mario@example.org', email_verified: true })).toBe('mario@example.org');
    expect(emailFromClaims({ email: 'mario@example.org', email_verified: false })).toBeNull();
    expect(emailFromClaims({ email: 'not an address' })).toBeNull();
    expect(emailFromClaims({})).toBeNull();
  });
});

describe('OpenID Connect settings', () => {
  const base = { OIDC_ISSUER_URL: 'https://id.comune.example.it', OIDC_CLIENT_ID: 'sportello' };

  it('are off by default, with the documented defaults when an issuer is set', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ ...base, OIDC_CLIENT_SECRET: 's3cret' }).oidc).toEqual({
      issuerUrl: 'https://id.comune.example.it',
      clientId: 'sportello',
      clientSecret: 's3cret',
      scopes: 'openid profile email',
      fiscalCodeClaim: 'fiscal_number',
      insecure: false,
    });
    expect(loadConfig({ ...base, OIDC_SCOPES: ' openid  profile ', OIDC_FISCAL_CODE_CLAIM: 'cf' }).oidc).toMatchObject({
      scopes: 'openid profile',
      fiscalCodeClaim: 'cf',
    });
  });

  it('refuse an issuer without client id, scopes without openid, and plain http except on loopback', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://id.example.it' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...base, OIDC_SCOPES: 'profile email' })).toThrow(/OIDC_SCOPES/);
    expect(() => loadConfig({ ...base, OIDC_ISSUER_URL: 'http://id.comune.example.it' })).toThrow(/https/);
    expect(loadConfig({ ...base, OIDC_ISSUER_URL: 'http://127.0.0.1:4000' }).oidc?.insecure).toBe(true);
  });
});
