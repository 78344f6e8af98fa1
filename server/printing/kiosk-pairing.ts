/**
 * Pairing a kiosk's browser: what makes a screen in the public hall a *registered* kiosk, the
 * only anonymous client allowed to issue priority tickets and to make a kiosk printer print.
 *
 * 1. An admin asks for a pairing code for a registered kiosk (`POST /api/kiosks/{id}/pairing`):
 *    10 characters, one use, valid PAIRING_MINUTES; only its SHA-256 is kept, in Redis.
 * 2. On the kiosk PC the installer opens the pairing link (`/kiosk/pair?code=…`) and confirms:
 *    `POST /api/kiosks/pair {code}` spends the code and answers with a long-lived httpOnly cookie
 *    holding a new screen token (256 random bits; the database keeps its SHA-256).
 * 3. From then on the kiosk page works as before; its requests carry the cookie.
 *
 * One screen per kiosk: pairing again replaces the credential (the old browser is a plain web
 * client from then on), and so does `DELETE /api/kiosks/{id}/pairing`. A deactivated kiosk's
 * credential is refused. The agent token (kiosks.ts) is a different secret for a different
 * program: the screen never holds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import type { Kiosk } from '../db/generated/client';
import { sql } from '../db/sql';
import { AppError, notFound } from '../errors';
import { announcedCache } from '../realtime/announced-cache';
import { rt } from '../runtime';

export const PAIRING_MINUTES = 15;
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** "abcde-fghjk" → "ABCDEFGHJK". */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function newPairingCode(): string {
  let out = '';
  for (const b of randomBytes(CODE_LENGTH)) out += CODE_ALPHABET[b & 31];
  return out;
}

export interface PairingCode {
  /** "ABCDE-FGHJK" */
  code: string;
  /** The page to open on the kiosk PC. */
  pairUrl: string;
  expiresAt: string;
}

/** A one-time pairing code for the kiosk (admin). The audit log says who asked, never the code. */
export async function createPairingCode(actor: Actor, kioskId: string, now = new Date()): Promise<PairingCode> {
  const { db, redis, keys, baseUrl } = rt();
  const code = newPairingCode();
  await db.$transaction(async (tx) => {
    const k = await tx.kiosk.findUnique({ where: { id: kioskId } });
    if (!k) throw notFound('Kiosk');
    if (!k.active) throw new AppError(409, 'kiosk_inactive', 'This kiosk is deactivated: activate it before pairing a screen');
    await withAudit(tx, actor, { action: 'pairing_code', entity: 'kiosk', entityId: k.id, after: { name: k.name } });
  });
  await redis.set(keys.kioskPairing(sha256(code)), kioskId, 'EX', PAIRING_MINUTES * 60);
  const shown = `${code.slice(0, 5)}-${code.slice(5)}`;
  return {
    code: shown,
    pairUrl: `${baseUrl}/kiosk/pair?code=${shown}`,
    expiresAt: new Date(now.getTime() + PAIRING_MINUTES * 60_000).toISOString(),
  };
}

/**
 * Spends a pairing code: the kiosk gets a new screen credential (replacing any earlier one).
 * A wrong, used or expired code is one answer, 403 `pairing_invalid`.
 */
export async function pairKiosk(rawCode: string, now = new Date()): Promise<{ kiosk: Kiosk; token: string }> {
  const { db, redis, keys } = rt();
  const code = normalisePairingCode(rawCode);
  const invalid = new AppError(403, 'pairing_invalid', 'This pairing code is not valid: ask an admin for a new one');
  if (code.length !== CODE_LENGTH) throw invalid;
  const kioskId = await redis.getdel(keys.kioskPairing(sha256(code)));
  if (!kioskId) throw invalid;
  const token = `spks_${randomBytes(32).toString('base64url')}`;
  const res = await db.kiosk.updateMany({
    where: { id: kioskId, active: true },
    data: { screenTokenHash: sha256(token), pairedAt: now },
  });
  if (res.count === 0) throw invalid;
  announceKiosksChanged([kioskId]);
  return { kiosk: await db.kiosk.findUniqueOrThrow({ where: { id: kioskId } }), token };
}

/** Forgets the paired screen (a stolen or replaced kiosk PC). */
export async function unpairKiosk(actor: Actor, kioskId: string): Promise<void> {
  await rt().db.$transaction(async (tx) => {
    const before = await tx.kiosk.findUnique({ where: { id: kioskId } });
    if (!before) throw notFound('Kiosk');
    await tx.kiosk.update({ where: { id: kioskId }, data: { screenTokenHash: null, pairedAt: null } });
    await withAudit(tx, actor, { action: 'unpair', entity: 'kiosk', entityId: kioskId, after: { name: before.name } });
  });
  announceKiosksChanged([kioskId]);
}

/** What a paired screen's credential proves: which kiosk is asking. */
export interface KioskScreen {
  id: string;
  officeId: string;
}

/** Read again from the database after this long in any case (a kiosk changed by hand in SQL). */
const KIOSK_SCREEN_CACHE_MAX_AGE_MS = 30_000;

/**
 * Credentials read recently, so that a kiosk's every ticket does not ask PostgreSQL which kiosk
 * it is (issue 10: one of issuing's two statements). Only valid credentials are kept: an unknown
 * token is asked about every time (a screen just paired is known at once, and random tokens cannot
 * fill the memory). Pairing, unpairing and every admin change of a kiosk are announced to all the
 * app processes, which forget that kiosk (realtime/announced-cache.ts).
 */
const screenCache = announcedCache<KioskScreen, string[]>('kioskScreens', KIOSK_SCREEN_CACHE_MAX_AGE_MS, (cache, kioskIds) => {
  const ids = new Set(kioskIds);
  cache.forgetWhere((k) => ids.has(k.id));
});

/** After the commit of a change to these kiosks: forgotten here, and on the other processes. */
export function announceKiosksChanged(kioskIds: string[]): void {
  screenCache.announce(kioskIds);
}

/** The active kiosk whose paired screen holds this token, or null. */
export async function kioskByScreenToken(token: string | undefined, now = Date.now()): Promise<KioskScreen | null> {
  if (!token || token.length > 100) return null;
  const hash = sha256(token);
  const cached = screenCache.get(hash, now);
  if (cached) return cached;
  const generation = screenCache.generation();
  // Plain SQL (db/sql.ts): asked for every ticket of a kiosk the cache does not know yet.
  const [k] = await sql(rt().db).$queryRaw<(KioskScreen & { active: boolean })[]>`
    SELECT id, "officeId", active FROM "Kiosk" WHERE "screenTokenHash" = ${hash}`;
  if (!k?.active) return null;
  const screen = { id: k.id, officeId: k.officeId };
  screenCache.remember(hash, screen, generation, now);
  return screen;
}
