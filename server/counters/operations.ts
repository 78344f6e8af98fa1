import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { isSupervisor } from '../auth/actor';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { ensureBuilt } from '../queue/engine';
import { publishCounter, publishOfficeChanged } from '../realtime/publish';
import type { CounterSnapshot } from '../realtime/contract';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { counterSnapshot, currentTicketOf } from './snapshot';

async function loadCounter(counterId: string) {
  const counter = await rt().db.counter.findUnique({ where: { id: counterId } });
  if (!counter) throw notFound('Counter');
  return counter;
}

async function snapshotAfterChange(counterId: string, officeId: string): Promise<CounterSnapshot> {
  void publishCounter(counterId);
  publishOfficeChanged(officeId);
  return (await counterSnapshot(counterId)) as CounterSnapshot;
}

/** The clerk sits at a counter and chooses what to serve (default: all their skills in that office). */
export async function openCounter(actor: Actor, counterId: string, serviceIds?: string[]): Promise<CounterSnapshot> {
  const { db } = rt();
  const counter = await loadCounter(counterId);
  if (counter.staffId && counter.staffId !== actor.staffId)
    throw conflict('counter_taken', `${counter.name} is already open by a colleague`);
  const elsewhere = await db.counter.findUnique({ where: { staffId: actor.staffId } });
  if (elsewhere && elsewhere.id !== counterId)
    throw conflict('already_at_counter', `You are already at ${elsewhere.name}: close it first`);

  const skills = await db.skill.findMany({
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

  // Conditional update: two clerks opening the same counter at once, only one wins.
  const res = await db.counter
    .updateMany({
      where: { id: counterId, OR: [{ staffId: null }, { staffId: actor.staffId }] },
      data: {
        staffId: actor.staffId,
        state: 'open',
        serviceIds: chosen,
        openedAt: counter.staffId ? counter.openedAt : new Date(),
        pausedAt: null,
      },
    })
    .catch((err: unknown) => {
      // Unique staffId: the same clerk opening two counters at the same instant.
      if ((err as { code?: string }).code === 'P2002') throw conflict('already_at_counter', 'You are already at another counter');
      throw err;
    });
  if (res.count === 0) throw conflict('counter_taken', `${counter.name} is already open by a colleague`);
  await ensureBuilt(counter.officeId);
  return snapshotAfterChange(counterId, counter.officeId);
}

function assertOwnerOrSupervisor(actor: Actor, counter: { staffId: string | null }) {
  if (counter.staffId !== actor.staffId && !isSupervisor(actor)) throw forbidden('This counter is not yours');
}

export async function closeCounter(actor: Actor, counterId: string): Promise<CounterSnapshot> {
  const counter = await loadCounter(counterId);
  assertOwnerOrSupervisor(actor, counter);
  if (await currentTicketOf(counterId)) throw conflict('counter_busy', 'Finish or transfer the current ticket before closing');
  await rt().db.$transaction(async (tx) => {
    await tx.counter.update({
      where: { id: counterId },
      data: { state: 'closed', staffId: null, serviceIds: [], openedAt: null, pausedAt: null },
    });
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
  });
  return snapshotAfterChange(counterId, counter.officeId);
}

export async function pauseCounter(actor: Actor, counterId: string): Promise<CounterSnapshot> {
  const counter = await loadCounter(counterId);
  assertOwnerOrSupervisor(actor, counter);
  if (counter.state === 'closed') throw conflict('counter_not_open', 'The counter is closed');
  if (counter.state === 'open')
    await rt().db.counter.update({ where: { id: counterId }, data: { state: 'paused', pausedAt: new Date() } });
  return snapshotAfterChange(counterId, counter.officeId);
}

export async function resumeCounter(actor: Actor, counterId: string): Promise<CounterSnapshot> {
  const counter = await loadCounter(counterId);
  assertOwnerOrSupervisor(actor, counter);
  if (counter.state === 'closed') throw conflict('counter_not_open', 'The counter is closed');
  if (counter.state === 'paused')
    await rt().db.counter.update({ where: { id: counterId }, data: { state: 'open', pausedAt: null } });
  return snapshotAfterChange(counterId, counter.officeId);
}

/** The office's counters with their clerk and current ticket: two queries, however many counters. */
export async function listCounters(officeId: string) {
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
