import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Prisma } from '../db/generated/client';
import { rt } from '../runtime';
import type { AuditAction, AuditEntity, auditPageSchema, auditQuery } from '../../contract/admin/audit';

/** A transaction client (what `db.$transaction(async (tx) => …)` hands over). */
export type Tx = Prisma.TransactionClient;

/** Plain JSON of a record (dates as ISO strings, no undefined) for the before/after columns. */
function snapshot(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === null || v === undefined) return undefined;
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))) as Prisma.InputJsonValue;
}

/**
 * Writes one audit row inside the caller's transaction, so the change and its record commit or
 * roll back together. Secrets (password hashes) must be left out of before/after by the caller.
 */
export async function withAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: AuditAction; entity: AuditEntity; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      staffId: actor.staffId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}

/** Newest first, with the name of the staff member who made the change. */
export async function listAudit(q: z.infer<typeof auditQuery>): Promise<z.infer<typeof auditPageSchema>> {
  const { db } = rt();
  const rows = await db.auditLog.findMany({
    where: { entity: q.entity, entityId: q.entityId, ...(q.before ? { id: { lt: BigInt(q.before) } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit,
  });
  const staff = await db.staff.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.staffId))] } },
    select: { id: true, username: true, displayName: true },
  });
  const byId = new Map(staff.map((s) => [s.id, s]));
  const items = rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    staff: byId.get(r.staffId) ?? { id: r.staffId, username: null, displayName: null },
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { items, nextBefore: rows.length === q.limit ? rows[rows.length - 1].id.toString() : null };
}
