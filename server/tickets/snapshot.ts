import { log } from '../log';
import { runScript } from '../queue/scripts';
import { rooms } from '../realtime/rooms';
import type { TicketPublic } from '../../contract/tickets';
import { processShared, rt } from '../runtime';
import { publicTicketByCode, toPublicMany, waitingPublicTickets } from './views';

/** How long a phone's interest in a ticket is kept without news (a day: tickets do not outlive it). */
const WATCH_TTL_SECONDS = 24 * 3600;

/** Counts of each code in `codes` (a batch may hold one code for several sockets). */
function counted(codes: string[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const c of codes) n.set(c, (n.get(c) ?? 0) + 1);
  return n;
}

/** Phone sockets started following these tickets of the office (one entry per socket): include them in the position updates. */
export async function followTickets(officeId: string, codes: string[]): Promise<void> {
  const { redis, keys } = rt();
  const key = keys.ticketFollowers(officeId);
  const m = redis.multi();
  for (const [code, n] of counted(codes)) m.hincrby(key, code, n);
  await m.expire(key, WATCH_TTL_SECONDS).exec();
}

/** Phone sockets stopped following these tickets (they disconnected): a code nobody follows is no longer computed. */
export async function unfollowTickets(officeId: string, codes: string[]): Promise<void> {
  const { redis, keys } = rt();
  const args = [...counted(codes)].flatMap(([code, n]) => [code, n]);
  if (args.length > 0) await runScript(redis, 'unfollow_tickets', [keys.ticketFollowers(officeId)], args);
}

/**
 * The phone pages of the office's followed tickets that still wait (their position moved);
 * tickets no longer waiting stop being followed. Only tickets some phone follows now are
 * computed: a phone closed before its ticket was called took its count with it.
 */
export async function watchedTicketSnapshots(officeId: string): Promise<TicketPublic[]> {
  const { redis, keys } = rt();
  const key = keys.ticketFollowers(officeId);
  const followers = await redis.hgetall(key);
  const watched = Object.keys(followers).filter((c) => Number(followers[c]) > 0);
  if (watched.length === 0) return [];
  const waiting = await waitingPublicTickets({ codes: watched });
  const stillWaiting = new Set(waiting.map((t) => t.code));
  const done = watched.filter((c) => !stillWaiting.has(c));
  if (done.length > 0) await redis.hdel(key, ...done);
  return toPublicMany(waiting);
}

/** Another process changed a ticket: its phones connected here are told (socket/io.ts listens). */
export const TICKET_CHANGED = 'ticketChanged';

/**
 * The codes changed during this turn of the event loop, told to the other processes in one message
 * at its end: a message per change was two Redis publishes per visit, each read and parsed by every
 * process, the sender included, and the calls of one group-commit statement end in the same turn.
 */
const changedThisTurn = processShared('ticketsChangedThisTurn', () => new Set<string>());

function tellOtherProcesses(code: string): void {
  // The turn's first change sends them all at its end.
  if (changedThisTurn.size === 0)
    setImmediate(() => {
      const codes = [...changedThisTurn];
      changedThisTurn.clear();
      rt().io?.serverSideEmit(TICKET_CHANGED, codes);
    });
  changedThisTurn.add(code);
}

/**
 * Tells the ticket's phone pages at once, after a change was committed. Each app process tells
 * the phones connected to it, and reads the ticket only if one follows it there: most tickets are
 * followed by nobody, and a visit used to read its ticket twice for nobody (issue 10). Never fails
 * the caller: the change stands, and the phone gets a full snapshot when it subscribes again.
 */
export async function publishTicketStatus(code: string): Promise<void> {
  const io = rt().io;
  // Nobody to tell (a script, a simulation): not even worth computing the view.
  if (!io) return;
  tellOtherProcesses(code);
  await tellPhonesHere(code);
}

/** The phones of this process that follow the ticket (they joined its room before reading it: socket/io.ts). */
export async function tellPhonesHere(code: string): Promise<void> {
  const io = rt().io;
  const room = rooms.ticket(code);
  if (!io?.of('/').adapter.rooms.has(room)) return;
  try {
    const t = await publicTicketByCode(code);
    if (t) io.local.to(room).emit('ticket', t);
  } catch (err) {
    log.warn({ err, code }, 'ticket status not sent');
  }
}
