import bcrypt from 'bcrypt';
import { AppError } from '../errors';

/**
 * bcrypt cost factor of new hashes; older, cheaper hashes still verify and are replaced at the next
 * login. The native bcrypt hashes on libuv's thread pool: bcryptjs (used until 3 December, same
 * hashes) computed on the main thread and held every screen of the office for about 300 ms at each
 * login (issue 10).
 */
export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (plain: string) => bcrypt.hash(plain, BCRYPT_COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

/** True when the hash was made with a lower cost than today's (rehash it while the password is at hand). */
export function needsRehash(hash: string): boolean {
  try {
    // NaN (not a bcrypt hash) counts as "too cheap" too.
    return !(bcrypt.getRounds(hash) >= BCRYPT_COST);
  } catch {
    return true;
  }
}

// Compared against when the username does not exist, so both cases take the same time (cost 12).
export const DUMMY_HASH = '$2b$12$cJ83eQxVdf6F46M.zXYzb.7fjFtStQn/rMEPZWtFCa55ODixZuxSq';

export type PasswordProblem = 'password_too_short' | 'password_is_username' | 'password_unchanged';

/**
 * The password rules, for every password a person or an admin chooses: at least 10 characters,
 * not the username (in any case), not the current password. `currentHash` is checked only when given.
 */
export async function passwordProblem(
  username: string,
  password: string,
  currentHash?: string | null,
): Promise<PasswordProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'password_is_username';
  if (currentHash && (await verifyPassword(password, currentHash))) return 'password_unchanged';
  return null;
}

const problemMessages: Record<PasswordProblem, string> = {
  password_too_short: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  password_is_username: 'The password must not be the username',
  password_unchanged: 'The new password must differ from the current one',
};

/** Refuses a password that breaks a rule with 422 and the rule's code. */
export async function requireGoodPassword(username: string, password: string, currentHash?: string | null): Promise<void> {
  const problem = await passwordProblem(username, password, currentHash);
  if (problem) throw new AppError(422, problem, problemMessages[problem]);
}
