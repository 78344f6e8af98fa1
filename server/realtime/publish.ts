import { queueInfos } from '../queue/estimates';
import { rt } from '../runtime';
import { counterSnapshot } from '../counters/snapshot';
import { publicTicketByCode, publicTicketInclude, toPublicMany } from '../tickets/views';
import type { CallInfo } from './contract';
import { rooms } from './rooms';

/**
 * Deltas to the screens. Queue figures and phone positions are debounced per office so a burst
 * of clicks costs one grouped query, not one per click.
 */
const DEBOUNCE_MS = 250;
const pendingOffices = new Map<string, NodeJS.Timeout>();

function io() {
  return rt().io;
}

export function publishCall(officeId: string, call: CallInfo): void {
  io()?.to(rooms.display(officeId)).emit('call', call);
}

export async function publishTicket(code: string): Promise<void> {
  const server = io();
  if (!server) return;
  const t = await publicTicketByCode(code);
  if (t) server.to(rooms.ticket(code)).emit('ticket', t);
}

export async function publishCounter(counterId: string): Promise<void> {
  const server = io();
  if (!server) return;
  const snap = await counterSnapshot(counterId);
  if (snap) server.to(rooms.counter(counterId)).emit('counter', snap);
}

/** Queue figures to displays and counters, phone positions, counters' waiting lists. */
export function publishOfficeChanged(officeId: string): void {
  if (!io() || pendingOffices.has(officeId)) return;
  pendingOffices.set(
    officeId,
    setTimeout(() => {
      pendingOffices.delete(officeId);
      void flushOffice(officeId).catch((err) => console.error('publish failed', err));
    }, DEBOUNCE_MS),
  );
}

async function flushOffice(officeId: string): Promise<void> {
  const server = io();
  if (!server) return;
  const { db } = rt();
  const queues = await queueInfos(officeId);
  server.to(rooms.display(officeId)).to(rooms.staff(officeId)).emit('queues', queues);
  const [waiting, counters] = await Promise.all([
    db.ticket.findMany({ where: { officeId, status: 'waiting' }, include: publicTicketInclude }),
    db.counter.findMany({ where: { officeId, state: { not: 'closed' } }, select: { id: true } }),
  ]);
  for (const t of await toPublicMany(waiting)) server.to(rooms.ticket(t.code)).emit('ticket', t);
  await Promise.all(counters.map((c) => publishCounter(c.id)));
}
