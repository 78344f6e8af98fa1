import { performance } from 'node:perf_hooks';
// The hashes made before 3 December came from bcryptjs: the tests make theirs with it, so they must verify.
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { BCRYPT_COST, DUMMY_HASH, hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../server/auth/password';

describe('password rules', () => {
  it('need 10 characters, not the username, not the current password', async () => {
    expect(await passwordProblem('anna', 'short-pw')).toBe('password_too_short');
    expect(await passwordProblem('anna', 'sportello')).toBe('password_too_short');
    expect(await passwordProblem('operatore1', 'Operatore1')).toBe('password_is_username');
    const current = await bcrypt.hash('the old password', 4);
    expect(await passwordProblem('anna', 'the old password', current)).toBe('password_unchanged');
    expect(await passwordProblem('anna', 'a brand new one', current)).toBeNull();
    // Characters, not UTF-16 units: ten emoji are ten characters.
    expect(await passwordProblem('anna', '🙂'.repeat(10))).toBeNull();
    expect(await passwordProblem('anna', '🙂'.repeat(9))).toBe('password_too_short');
  });
});

describe('bcrypt cost', () => {
  it('hashes with cost 12 and asks to rehash cheaper hashes', async () => {
    expect(BCRYPT_COST).toBe(12);
    const h = await hashPassword('a long password');
    expect(bcrypt.getRounds(h)).toBe(12);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(await bcrypt.hash('x', 10))).toBe(true);
    expect(needsRehash('not a hash')).toBe(true);
    // The hash compared for unknown usernames costs as much as a real one.
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(12);
  });
});

describe('password checks', () => {
  it('verify the hashes bcryptjs made, and bcryptjs verifies ours', async () => {
    const old = await bcrypt.hash('a password of before', 10);
    expect(await verifyPassword('a password of before', old)).toBe(true);
    expect(await verifyPassword('another one', old)).toBe(false);
    expect(await bcrypt.compare('a long password', await hashPassword('a long password'))).toBe(true);
  });

  it('leave the main thread free while they compute (screens keep updating during a login)', async () => {
    const before = performance.eventLoopUtilization();
    expect(await verifyPassword('wrong password', DUMMY_HASH)).toBe(false);
    // Share of the compare's wall time the event loop spent running JavaScript: near 1 with bcryptjs.
    expect(performance.eventLoopUtilization(before).utilization).toBeLessThan(0.5);
  });
});
