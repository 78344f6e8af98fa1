import { counterSnapshot, counterSnapshots } from '../counters/snapshot';
import { log } from '../log';
import { queueInfos } from '../queue/estimates';
import type { QueueInfo } from './contract';
import { rt } from '../runtime';
import { supervisorSnapshot } from '../supervisor/snapshot';
import { publicTicketByCode, publicTicketInclude, toPublicMany } from '../tickets/views';
import type { CallInfo } from './contract';
import { rooms } from './rooms';

/**
 * Deltas to the screens. The figures that change for everybody after any click (queue figures,
 * phone positions, counters' waiting lists) are recomputed per office at most every
 * FLUSH_INTERVAL_MS, one computation at a time, so a burst of clicks costs one pass, and the
 * pass only covers the phones that are actually following a ticket.
 */
const FLUSH_INTERVAL_MS = 400;
const offices = new Map<string, { timer: NodeJS.Timeout | null; running: boolean; dirty: boolean }>();

function io() {
  return rt().io;
}

export function publishCall(officeId: string, call: CallInfo): void {
  io()?.to(rooms.display(officeId)).emit('call', call);
}

/**
 * A display of the office was changed, or a service (name, category, state), or its walk-in
 * hours: its display screens subscribe again. Kept apart from publishOfficeChanged, which runs after every click.
 */
export function publishDisplayChanged(officeId: string): void {
  io()?.to(rooms.display(officeId)).emit('displayChanged', { officeId });
}

/**
 * The catalogue the kiosks offer changed (a service or a category: name, order, state, mode):
 * kiosk screens reload it, at once when idle on the start screen, else when they get back to it.
 */
export function publishCatalogChanged(): void {
  io()?.to(rooms.kioskScreens).emit('catalogChanged');
}

export async function publishTicket(code: string): Promise<void> {
  const server = io();
  if (!server) return;
  const t = await publicTicketByCode(code);
  if (t) server.to(rooms.ticket(code)).emit('ticket', t);
}

export async function publishCounter(counterId: string, queues?: QueueInfo[]): Promise<void> {
  const server = io();
  if (!server) return;
  const snap = await counterSnapshot(counterId, queues);
  if (snap) server.to(rooms.counter(counterId)).emit('counter', snap);
}

/** A phone started following a ticket: include it in the position updates. */
export async function watchTicket(officeId: string, code: string): Promise<void> {
  const { redis, keys } = rt();
  await redis
    .multi()
    .sadd(keys.watchedTickets(officeId), code)
    .expire(keys.watchedTickets(officeId), 24 * 3600)
    .exec();
}

/** Queue figures to displays and counters, phone positions, counters' waiting lists. */
export function publishOfficeChanged(officeId: string): void {
  if (!io()) return;
  let state = offices.get(officeId);
  if (!state) offices.set(officeId, (state = { timer: null, running: false, dirty: false }));
  state.dirty = true;
  schedule(officeId, state);
}

function schedule(officeId: string, state: { timer: NodeJS.Timeout | null; running: boolean; dirty: boolean }) {
  if (state.timer || state.running) return;
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the callback catches every error itself
  state.timer = setTimeout(async () => {
    state.timer = null;
    state.running = true;
    state.dirty = false;
    try {
      await flushOffice(officeId);
    } catch (err) {
      log.error({ err, officeId }, 'publish failed');
    } finally {
      state.running = false;
      if (state.dirty) schedule(officeId, state);
    }
  }, FLUSH_INTERVAL_MS);
}

async function flushOffice(officeId: string): Promise<void> {
  const server = io();
  if (!server) return;
  const { db, redis, keys } = rt();
  const queues = await queueInfos(officeId);
  server.to(rooms.display(officeId)).to(rooms.staff(officeId)).emit('queues', queues);

  const watchedKey = keys.watchedTickets(officeId);
  const watched = await redis.smembers(watchedKey);
  if (watched.length > 0) {
    const waiting = await db.ticket.findMany({
      where: { code: { in: watched }, status: 'waiting' },
      include: publicTicketInclude,
    });
    for (const t of await toPublicMany(waiting)) server.to(rooms.ticket(t.code)).emit('ticket', t);
    const stillWaiting = new Set(waiting.map((t) => t.code));
    const done = watched.filter((c) => !stillWaiting.has(c));
    if (done.length > 0) await redis.srem(watchedKey, ...done);
  }

  const counters = await db.counter.findMany({ where: { officeId } });
  const open = counters.filter((c) => c.state !== 'closed');
  for (const snap of await counterSnapshots(open, queues)) server.to(rooms.counter(snap.counter.id)).emit('counter', snap);

  // The supervisors' live view, from the same queue figures and counters: one computation per
  // flush, whatever the number of supervisors (on any process: the adapter relays the emit).
  server.to(rooms.supervisor(officeId)).emit('supervisor', await supervisorSnapshot(officeId, { queues, counters }));
}
