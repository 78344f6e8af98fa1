import type { SqlRunner } from '../db/sql';
import type { Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { isSupervisor } from '../auth/actor';
import type { Counter } from '../db/generated/client';
import { conflict, forbidden, notFound } from '../errors';
import { rt } from '../runtime';
import { counterCacheGeneration, countersChanged, keepCounterForCall } from './call-cache';

/** Every change of a counter's state or of what it does; each has its rule in `checkCounterRule`. */
export type CounterChange = 'open' | 'close' | 'pause' | 'resume' | 'call' | 'recall' | 'services';

/**
 * Who may change a counter, in which state, and whether it must be idle (no ticket called or
 * being served there). A pure function of the counter as read under its row lock (see
 * `changeCounter`), so the rule and the write see the same counter — or, for a call, as read
 * just before and checked again by the call's own statement (counters/calls.ts confirmCall).
 */
export function checkCounterRule(change: CounterChange, actor: Actor, counter: Counter, busy: boolean): void {
  const ownerOrSupervisor = () => {
    if (counter.staffId !== actor.staffId && !isSupervisor(actor)) throw forbidden('This counter is not yours');
  };
  switch (change) {
    case 'open':
      // Another clerk's counter; the clerk's own is opened again with new services.
      if (counter.staffId && counter.staffId !== actor.staffId)
        throw conflict('counter_taken', `${counter.name} is already open by a colleague`);
      return;
    case 'close':
      ownerOrSupervisor();
      if (busy) throw conflict('counter_busy', 'Finish or transfer the current ticket before closing');
      return;
    case 'pause':
    case 'resume':
    case 'recall':
      ownerOrSupervisor();
      if (counter.state === 'closed') throw conflict('counter_not_open', 'The counter is closed');
      return;
    case 'call':
      if (counter.staffId !== actor.staffId) throw forbidden('Only the clerk at this counter can call');
      if (counter.state === 'closed') throw conflict('counter_not_open', 'Open the counter first');
      if (counter.state === 'paused') throw conflict('counter_paused', 'Resume the counter first');
      if (busy) throw conflict('counter_busy', 'Finish the current ticket first');
      return;
    case 'services':
      // A supervisor's change (the route checks the role); the clerk's current ticket stays.
      if (counter.state === 'closed' || !counter.staffId) throw conflict('counter_not_open', `${counter.name} is closed`);
      return;
  }
}

/** Locks the counter's row until the transaction ends and reads it as it is now. */
export async function lockCounter(tx: SqlRunner, counterId: string): Promise<Counter> {
  const [locked] = await tx.$queryRaw<Counter[]>`SELECT * FROM "Counter" WHERE id = ${counterId} FOR UPDATE`;
  if (!locked) throw notFound('Counter');
  return locked;
}

/**
 * What call next needs of a counter, in one read without a lock: the counter, whether a ticket is
 * called or served there, and its clerk's skill weights (`[serviceId, weight]`). The call's own
 * statement checks again what matters (counters/calls.ts confirmCall). The counter and skills are
 * kept for the next call (counters/call-cache.ts).
 */
export async function readCounterForCall(db: SqlRunner, counterId: string) {
  const generation = counterCacheGeneration();
  const [row] = await db.$queryRaw<(Counter & { busy: boolean; skills: [string, number][] })[]>`
    SELECT c.*,
      EXISTS (SELECT 1 FROM "Ticket" t WHERE t."counterId" = c.id AND t.status IN ('called', 'serving')) AS busy,
      COALESCE((SELECT json_agg(json_build_array(k."serviceId", k.weight)) FROM "Skill" k WHERE k."staffId" = c."staffId"), '[]'::json) AS skills
    FROM "Counter" c WHERE c.id = ${counterId}`;
  if (!row) throw notFound('Counter');
  const { skills, busy, ...counter } = row;
  keepCounterForCall({ counter, skills }, generation);
  return { counter, skills, busy };
}

/**
 * The one way to change a counter: in one transaction, lock its row, read it and whether a
 * ticket is called or served there, check the rule of `change`, then let `apply` write. Changes
 * of one counter (a close and a call, two tabs, the clerk and a supervisor) thus run one after
 * the other and each sees what the previous one committed: a close cannot slip between a call's
 * check and its write, and a call cannot follow a close it did not see.
 */
export async function changeCounter<T>(
  actor: Actor,
  counterId: string,
  change: CounterChange,
  apply: (tx: Tx, counter: Counter) => Promise<T>,
): Promise<T> {
  const result = await rt().db.$transaction(async (tx) => {
    const counter = await lockCounter(tx, counterId);
    const busy = (await tx.ticket.count({ where: { counterId, status: { in: ['called', 'serving'] } } })) > 0;
    checkCounterRule(change, actor, counter, busy);
    return apply(tx, counter);
  });
  // A recall leaves the counter as it was; every other change is one call next must see.
  if (change !== 'recall') countersChanged({ counterIds: [counterId] });
  return result;
}
