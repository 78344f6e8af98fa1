import { withAudit, type Tx } from '../admin/audit';
import type { Counter } from '../db/generated/client';
import type { CounterEventType } from '../db/generated/enums';
import type { Actor } from '../auth/actor';
import { AppError, conflict } from '../errors';
import { ensureBuilt } from '../queue/engine';
import { publishCounter, publishOfficeChanged } from '../realtime/publish';
import type { CounterListItem, CounterSnapshot } from '../../contract/counters';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { counterSnapshot } from './snapshot';
import { changeCounter } from './state';

/** Appends to the counters' log (CounterEvent), in the change's own transaction. */
function logCounter(tx: Tx, counter: Counter, type: CounterEventType, staffId: string | null, at: Date) {
  return tx.counterEvent.create({ data: { counterId: counter.id, officeId: counter.officeId, type, at, staffId } });
}

/** After a committed change: the counter's screens at once, the office's figures batched. */
export async function snapshotAfterChange(counterId: string, officeId: string, now = new Date()): Promise<CounterSnapshot> {
  const snap = await counterSnapshot(counterId, undefined, now);
  if (snap) publishCounter(snap); // null: an admin deleted the closed counter meanwhile
  publishOfficeChanged(officeId);
  return snap as CounterSnapshot;
}

/** The clerk sits at a counter and chooses what to serve (default: all their skills in that office). */
export async function openCounter(
  actor: Actor,
  counterId: string,
  serviceIds?: string[],
  now = new Date(),
): Promise<CounterSnapshot> {
  const officeId = await changeCounter(actor, counterId, 'open', async (tx, counter) => {
    const elsewhere = await tx.counter.findUnique({ where: { staffId: actor.staffId } });
    if (elsewhere && elsewhere.id !== counterId)
      throw conflict('already_at_counter', `You are already at ${elsewhere.name}: close it first`);

    const skills = await tx.skill.findMany({
      where: { staffId: actor.staffId, service: { officeId: counter.officeId, active: true } },
      select: { serviceId: true },
    });
    const skillIds = new Set(skills.map((s) => s.serviceId));
    let chosen: string[];
    if (serviceIds === undefined) chosen = [...skillIds];
    else {
      const unique = [...new Set(serviceIds)];
      const foreign = unique.filter((id) => !skillIds.has(id));
      if (foreign.length > 0)
        throw new AppError(422, 'service_not_allowed', 'Some services are not among your skills in this office', {
          serviceIds: foreign,
        });
      chosen = unique;
    }
    if (chosen.length === 0) throw new AppError(422, 'no_services', 'Choose at least one service to serve');

    await tx.counter
      .update({
        where: { id: counterId },
        data: {
          staffId: actor.staffId,
          state: 'open',
          serviceIds: chosen,
          openedAt: counter.staffId ? counter.openedAt : now,
          pausedAt: null,
        },
      })
      .catch((err: unknown) => {
        // Unique staffId: the same clerk opening two counters at the same instant.
        if ((err as { code?: string }).code === 'P2002')
          throw conflict('already_at_counter', 'You are already at another counter');
        throw err;
      });
    if (counter.state === 'closed') await logCounter(tx, counter, 'opened', actor.staffId, now);
    return counter.officeId;
  });
  await ensureBuilt(officeId);
  return snapshotAfterChange(counterId, officeId, now);
}

export async function closeCounter(actor: Actor, counterId: string, now = new Date()): Promise<CounterSnapshot> {
  const officeId = await changeCounter(actor, counterId, 'close', async (tx, counter) => {
    await tx.counter.update({
      where: { id: counterId },
      data: { state: 'closed', staffId: null, serviceIds: [], openedAt: null, pausedAt: null },
    });
    if (counter.state !== 'closed') await logCounter(tx, counter, 'closed', counter.staffId, now);
    // A clerk closing their own desk is routine; a supervisor closing someone else's is recorded.
    if (counter.staffId && counter.staffId !== actor.staffId) {
      await withAudit(tx, actor, {
        action: 'close',
        entity: 'counter',
        entityId: counterId,
        before: { name: counter.name, state: counter.state, staffId: counter.staffId, serviceIds: counter.serviceIds },
        after: { name: counter.name, state: 'closed', staffId: null, serviceIds: [] },
      });
    }
    return counter.officeId;
  });
  return snapshotAfterChange(counterId, officeId, now);
}

/** A pause stops calls (a ticket at the counter stays); pausing a paused counter changes nothing. */
export async function pauseCounter(actor: Actor, counterId: string, now = new Date()): Promise<CounterSnapshot> {
  const officeId = await changeCounter(actor, counterId, 'pause', async (tx, counter) => {
    if (counter.state === 'open') {
      await tx.counter.update({ where: { id: counterId }, data: { state: 'paused', pausedAt: now } });
      await logCounter(tx, counter, 'paused', counter.staffId, now);
    }
    return counter.officeId;
  });
  return snapshotAfterChange(counterId, officeId, now);
}

export async function resumeCounter(actor: Actor, counterId: string, now = new Date()): Promise<CounterSnapshot> {
  const officeId = await changeCounter(actor, counterId, 'resume', async (tx, counter) => {
    if (counter.state === 'paused') {
      await tx.counter.update({ where: { id: counterId }, data: { state: 'open', pausedAt: null } });
      await logCounter(tx, counter, 'resumed', counter.staffId, now);
    }
    return counter.officeId;
  });
  return snapshotAfterChange(counterId, officeId, now);
}

/** The office's counters with their clerk and current ticket: two queries, however many counters. */
export async function listCounters(officeId: string): Promise<CounterListItem[]> {
  const { db } = rt();
  const counters = await db.counter.findMany({
    where: { officeId },
    orderBy: { number: 'asc' },
    include: { staff: { select: { displayName: true } } },
  });
  const current = await db.ticket.findMany({
    where: { counterId: { in: counters.map((c) => c.id) }, status: { in: ['called', 'serving'] } },
    include: counterTicketInclude,
  });
  const currentBy = new Map(current.map((t) => [t.counterId, t]));
  return counters.map((c) => {
    const t = currentBy.get(c.id);
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      state: c.state,
      officeId: c.officeId,
      staffId: c.staffId,
      staffName: c.staff?.displayName ?? null,
      serviceIds: c.serviceIds,
      current: t ? toCounterTicket(t) : null,
    };
  });
}
