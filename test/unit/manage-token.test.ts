/**
 * Manage links: signed with a key derived for this purpose only, naming their key (so keys can
 * rotate without breaking the links already sent), and carrying the appointment's link version
 * (so they can be revoked).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveLinkKey, linkKeys, parseLinkKeys } from '../../server/appointments/link-keys';
import {
  assertCurrentVersion,
  signManageToken,
  verifyManageToken,
  MANAGE_TOKEN_SEARCH,
} from '../../server/appointments/manage-token';

const NOW = new Date('2026-12-02T09:00:00Z');
const LATER = new Date('2026-12-20T09:00:00Z');
const secretA = 'a'.repeat(40);
const secretB = 'b'.repeat(40);

describe('manage-link keys', () => {
  it('parse MANAGE_LINK_KEYS, newest first, and refuse malformed entries', () => {
    expect(parseLinkKeys(`k2:${secretB}, k1:${secretA}`).map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => parseLinkKeys('k1:short')).toThrow(/MANAGE_LINK_KEYS/);
    expect(() => parseLinkKeys(`K1:${secretA}`)).toThrow(/MANAGE_LINK_KEYS/);
    expect(() => parseLinkKeys(`k1:${secretA},k1:${secretB}`)).toThrow(/twice/);
    expect(() => parseLinkKeys(' , ')).toThrow(/no key/);
  });

  it('default to one key derived from the session secret, never the secret itself', () => {
    const [k] = linkKeys(undefined, 'session-secret');
    expect(k.id).toBe('s');
    expect(k.key.equals(Buffer.from('session-secret'))).toBe(false);
    expect(k.key.equals(deriveLinkKey('s', 'session-secret').key)).toBe(true);
    // A signature made with the raw session secret (as session ids are) does not open anything.
    const exp = Math.floor(LATER.getTime() / 1000).toString(36);
    const rawSig = createHmac('sha256', 'session-secret').update(`manage:appt1:${exp}:s:0`).digest('hex').slice(0, 32);
    expect(() => verifyManageToken(`appt1.${exp}.s.0.${rawSig}`, NOW, [k])).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});

describe('manage tokens', () => {
  const k1 = deriveLinkKey('k1', secretA);
  const k2 = deriveLinkKey('k2', secretB);

  it('name their key, so a rotation keeps the links already sent working until the old key is removed', () => {
    const old = signManageToken('appt1', LATER, k1);
    const fresh = signManageToken('appt1', LATER, k2);
    expect(old).toMatch(/^appt1\.[a-z0-9]+\.k1\.0\.[0-9a-f]{32}$/);
    expect(fresh.split('.')[2]).toBe('k2');
    expect(verifyManageToken(old, NOW, [k2, k1])).toEqual({ appointmentId: 'appt1', version: 0 });
    expect(verifyManageToken(fresh, NOW, [k2, k1])).toEqual({ appointmentId: 'appt1', version: 0 });
    expect(() => verifyManageToken(old, NOW, [k2])).toThrow(expect.objectContaining({ status: 403, code: 'token_invalid' }));
  });

  it('refuse a changed key id, version, id or expiry, and an expired link', () => {
    const t = signManageToken('appt1', LATER, k1, 3);
    const [id, exp, kid, ver, sig] = t.split('.');
    for (const forged of [
      [id, exp, 'k2', ver, sig],
      [id, exp, kid, '4', sig],
      ['appt2', exp, kid, ver, sig],
      [id, (parseInt(exp, 36) + 1).toString(36), kid, ver, sig],
    ])
      expect(() => verifyManageToken(forged.join('.'), NOW, [k1, deriveLinkKey('k2', secretA)])).toThrow(
        expect.objectContaining({ code: 'token_invalid' }),
      );
    expect(() => verifyManageToken(t, new Date(LATER.getTime() + 1000), [k1])).toThrow(
      expect.objectContaining({ code: 'token_expired' }),
    );
  });

  it('carry the link version: a link older than the appointment’s version is revoked', () => {
    const claims = verifyManageToken(signManageToken('appt1', LATER, k1, 2), NOW, [k1]);
    expect(claims.version).toBe(2);
    expect(() => assertCurrentVersion(claims, { manageTokenVersion: 2 })).not.toThrow();
    expect(() => assertCurrentVersion(claims, { manageTokenVersion: 3 })).toThrow(
      expect.objectContaining({ status: 403, code: 'token_revoked' }),
    );
  });

  it('are found inside a scanned manage URL', () => {
    const t = signManageToken('appt1', LATER, k1, 1);
    expect(MANAGE_TOKEN_SEARCH.exec(`https://x.example/book/manage/${t}\n`)?.[0]).toBe(t);
  });
});
