import type http from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { isSupervisor } from '../auth/actor';
import { assertPersonalDataAccess } from '../auth/office-access';
import { actorFromToken, cookieValue, SESSION_COOKIE, sessionKey } from '../auth/session';
import { counterSnapshot } from '../counters/snapshot';
import { AppError, forbidden, notFound, unauthorized } from '../errors';
import { classifyDbError } from '../http/db-errors';
import { refuseNul } from '../http/input-text';
import { crossSiteReason } from '../http/origin';
import { isDependencyUnavailable } from '../http/unavailable';
import { log } from '../log';
import { resolveOffice } from '../offices';
import { screenJoined, screensLeft, type ScreenKind } from '../ops/metrics';
import type { Io } from '../runtime';
import { rt } from '../runtime';
import { supervisorSnapshot } from '../supervisor/snapshot';
import { publicTicketsByCode } from '../tickets/views';
import {
  subscriptions,
  type Ack,
  type ClientToServer,
  type ServerToClient,
  type Subscription,
  type SubscribeAnswer,
} from '../../contract/realtime';
import { resolveDisplayTarget } from '../displays/resolve';
import { sharedDisplaySnapshot } from '../displays/snapshot';
import type { DisplaySnapshot } from '../../contract/display';
import { followTickets, tellPhonesHere, TICKET_CHANGED, unfollowTickets } from '../tickets/snapshot';
import { batched } from './batched';
import { SubscribeBudget, withinRoomCap } from './limits';
import { acceptSharedAnswers, SharedAnswer } from './shared-answer';
import { paced } from './pacing';
import { rooms } from '../realtime/rooms';
import { markWatched } from '../realtime/watched-rooms';
import { CACHE_CHANGED, cacheChangedElsewhere, trustAnnouncedCachesWhile } from '../realtime/announced-cache';
import { CITIZEN_COOKIE, citizenFromToken } from '../citizens/session';
import { assertWorksProceduresOf } from '../procedures/access';
import { citizenProcedures, procedureForCitizen } from '../procedures/queries';

/** What each connection keeps: its session cookie, its subscription budget, its screens for /metrics. */
type SocketData = {
  token: string | undefined;
  budget: SubscribeBudget;
  screens: Set<ScreenKind>;
  /** Waiting tickets this socket counts as a follower of (code → office): given back on disconnect. */
  followed: Map<string, string>;
};
type SubscriberSocket = Socket<ClientToServer, ServerToClient>;

const dataOf = (socket: SubscriberSocket) => socket.data as SocketData;

function fail(err: unknown): Ack<never> {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
  if (err instanceof z.ZodError) return { ok: false, error: { code: 'invalid_input', message: 'Invalid subscription' } };
  const db = classifyDbError(err);
  if (db === 'unavailable' || db === 'busy')
    return { ok: false, error: { code: 'unavailable', message: 'A dependency is unavailable, try again shortly' } };
  if (db === 'bad_input') return { ok: false, error: { code: 'invalid_input', message: 'Invalid subscription' } };
  // Redis down or failing over: the screen subscribes again on its next reconnect, or when it retries.
  if (isDependencyUnavailable(err)) return { ok: false, error: { code: 'unavailable', message: 'Try again shortly' } };
  log.error({ err }, 'socket handler failed');
  return { ok: false, error: { code: 'internal', message: 'Unexpected error' } };
}

type PayloadOf<E extends Subscription> = z.output<(typeof subscriptions)[E]['payload']>;

/**
 * The listener of a subscription, with the payload validated by the contract's schema of that
 * subscription, its answer typed by the contract, and the socket's subscription budget
 * (socket/limits.ts); a bad payload, a refusal or a missing ack never throws. One listener serves
 * every socket (socket.io calls it with the socket as `this`): a closure per socket and
 * subscription cost 1.5 KB for each connection, 15 MB for 10,000 screens.
 */
function handler<E extends Subscription>(
  event: E,
  fn: (
    p: PayloadOf<E>,
    socket: SubscriberSocket,
    data: SocketData,
  ) => Promise<SubscribeAnswer<E> | SharedAnswer<SubscribeAnswer<E>>>,
) {
  // TypeScript cannot follow a generic key into the table's union of schemas: the cast names it.
  const schema = subscriptions[event].payload as unknown as z.ZodType<PayloadOf<E>>;
  type Reply = (r: Ack<SubscribeAnswer<E>> | SharedAnswer<SubscribeAnswer<E>>) => void;
  return async function (this: SubscriberSocket, raw: unknown, ack: unknown) {
    const reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
    const data = dataOf(this);
    try {
      if (!data.budget.take(Date.now()))
        throw new AppError(429, 'rate_limited', 'Too many subscriptions, wait a few seconds and try again');
      refuseNul(raw);
      const answer = await fn(schema.parse(raw ?? {}), this, data);
      // A display's snapshot weighs its JSON; a phone's ticket or a counter about a kilobyte.
      await paced(answer instanceof SharedAnswer ? answer.shared.json.length : 1024);
      reply(answer instanceof SharedAnswer ? answer : { ok: true, data: answer });
    } catch (err) {
      reply(fail(err));
    }
  };
}

function onDisconnect(this: SubscriberSocket) {
  screensLeft(dataOf(this).screens);
}

/** Joins rooms within the per-socket cap (rooms already joined cost nothing). */
async function joinCapped(
  socket: { id: string; rooms: Set<string>; join(rooms: string | string[]): unknown },
  wanted: string | string[],
): Promise<void> {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  if (!withinRoomCap(socket.rooms, socket.id, list))
    throw new AppError(429, 'too_many_subscriptions', 'This connection follows too many screens already');
  await socket.join(list);
}

/**
 * The staff member behind the socket's session cookie, checked at every subscription (a logout
 * or an expiry takes effect). The socket joins its login's room first and the session is checked
 * after: a login ended meanwhile is seen by the check, or its end reaches the socket through the
 * room (realtime/sessions.ts) — never neither.
 */
async function staffActor(
  socket: { join(room: string): unknown; leave(room: string): unknown },
  token: string | undefined,
): Promise<Actor> {
  if (!token) throw unauthorized();
  const room = rooms.login(sessionKey(token));
  await socket.join(room);
  const actor = await actorFromToken(token);
  if (!actor) {
    await socket.leave(room);
    throw unauthorized();
  }
  return actor;
}

/**
 * socket.io on the app's HTTP server. The Redis adapter relays every emit to the other app
 * processes, so a call made on one reaches displays connected to another. Staff are recognised
 * by the same session cookie as the HTTP API, re-checked on every staff subscription.
 */
export function attachRealtime(server: http.Server, pub: Redis, sub: Redis, channel: string, publicBaseUrl?: string): Io {
  const io: Io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    destroyUpgrade: false,
    // A page of another site may not open a socket with a clerk's cookie (origin.ts).
    allowRequest: (req, callback) => {
      const reason = crossSiteReason(req.headers, publicBaseUrl);
      if (reason) log.warn({ reason }, 'cross-site socket refused');
      callback(reason ? 'cross_site' : null, reason === null);
    },
  });
  io.adapter(createAdapter(pub, sub, { key: channel }));
  // Logins and kiosk screens changed on another process (realtime/announced-cache.ts): cached
  // here while `sub` hears them.
  io.on(CACHE_CHANGED, cacheChangedElsewhere);
  trustAnnouncedCachesWhile(sub);
  // A ticket changed on another process: its phones here are told (tickets/snapshot.ts).
  // A process of the previous version sends one code, not a list.
  io.on(TICKET_CHANGED, (codes) => [codes].flat().forEach((code) => void tellPhonesHere(code)));

  // Screens subscribing together (thousands after a restart) share their look-ups: the display
  // and office of a waiting room's screens, the phone pages' tickets and their watch.
  const displayTarget = batched(async (keys: string[]) => {
    const targets = keys.map((k) => {
      const [officeId, display] = (JSON.parse(k) as (string | null)[]).map((v) => v ?? undefined);
      // Each screen gets its own refusal (an unknown display), not its neighbours'.
      return [k, resolveDisplayTarget({ officeId, display })] as const;
    });
    return new Map(targets);
  });
  const ticketByCode = batched(publicTicketsByCode);
  // A phone's follow and its end, per office, gathered per turn like the look-ups above.
  const perOffice = (write: (officeId: string, codes: string[]) => Promise<void>) => {
    const loaders = new Map<string, (code: string) => Promise<unknown>>();
    return (officeId: string, code: string) => {
      let load = loaders.get(officeId);
      if (!load)
        loaders.set(
          officeId,
          (load = batched(async (codes: string[]) => {
            await write(officeId, codes);
            return new Map<string, never>();
          })),
        );
      return load(code);
    };
  };
  const follow = perOffice(followTickets);
  const unfollow = perOffice(unfollowTickets);
  const unfollowAll = (data: SocketData) => {
    for (const [code, officeId] of data.followed)
      unfollow(officeId, code).catch((err: unknown) => log.warn({ err, code }, 'follower count not lowered'));
    data.followed.clear();
  };

  // One listener per subscription for every socket (see handler).
  const listeners = {
    'display:subscribe': handler('display:subscribe', async (p, socket, data) => {
      const target = await displayTarget(JSON.stringify([p.officeId, p.display]));
      if (!target) throw notFound('Display');
      // Joined before the snapshot, which refuses an inactive display: the screen still hears
      // `displayChanged` and comes back by itself when an admin activates the display again.
      const room = rooms.display(target.office.id);
      for (const r of socket.rooms) if (r.startsWith('display:') && r !== room) await socket.leave(r);
      await joinCapped(socket, room);
      const shared = await sharedDisplaySnapshot(target);
      screenJoined(data.screens, 'display');
      // The clock the display sets itself by is read now; the rest is the room's one snapshot.
      return SharedAnswer.of<DisplaySnapshot, 'serverTime'>(shared, { serverTime: new Date().toISOString() });
    }),

    'kiosk:subscribe': handler('kiosk:subscribe', async (_p, socket, data) => {
      await joinCapped(socket, rooms.kioskScreens);
      screenJoined(data.screens, 'kiosk');
      return { serverTime: new Date().toISOString() };
    }),

    'ticket:subscribe': handler('ticket:subscribe', async ({ code }, socket, data) => {
      // Joined before the ticket is read, like a display: a change committed while the phone
      // waits for its (batched) answer reaches it as a delta, or is in the answer — never neither.
      const room = rooms.ticket(code);
      await joinCapped(socket, room);
      const t = await ticketByCode(code);
      if (!t) {
        await socket.leave(room);
        throw notFound('Ticket');
      }
      if (t.status === 'waiting' && !data.followed.has(code)) {
        await follow(t.office.id, code);
        data.followed.set(code, t.office.id);
      }
      screenJoined(data.screens, 'ticket');
      return t;
    }),

    'counter:subscribe': handler('counter:subscribe', async ({ counterId }, socket, data) => {
      const actor = await staffActor(socket, data.token);
      const counter = await rt().db.counter.findUnique({ where: { id: counterId } });
      if (!counter) throw notFound('Counter');
      if (counter.staffId !== actor.staffId) {
        if (!isSupervisor(actor)) throw forbidden('This counter is not yours');
        await assertPersonalDataAccess(actor, counter.officeId);
      }
      const snap = await counterSnapshot(counterId);
      if (!snap) throw notFound('Counter');
      await joinCapped(socket, [rooms.counter(counterId), rooms.staff(counter.officeId)]);
      screenJoined(data.screens, 'counter');
      return snap;
    }),

    'supervisor:subscribe': handler('supervisor:subscribe', async ({ officeId }, socket, data) => {
      const actor = await staffActor(socket, data.token);
      if (!isSupervisor(actor)) throw forbidden('The live view is for supervisors and admins');
      const office = await resolveOffice(officeId);
      await assertPersonalDataAccess(actor, office.id);
      const snap = await supervisorSnapshot(office.id);
      // A screen switching office stops hearing the previous one.
      for (const room of socket.rooms)
        if (room.startsWith('supervisor:') && room !== rooms.supervisor(office.id)) await socket.leave(room);
      await joinCapped(socket, [rooms.supervisor(office.id), rooms.staff(office.id)]);
      // Other processes' office feeds compute the live view only for a room someone watches.
      await markWatched(rooms.supervisor(office.id)).catch((err: unknown) =>
        log.warn({ err }, 'live view not marked as watched'),
      );
      screenJoined(data.screens, 'supervisor');
      return snap;
    }),

    'procedure:subscribe': handler('procedure:subscribe', async ({ id }, socket) => {
      // Checked at every subscription, like staff sessions: a signed-out citizen hears nothing more.
      const who = await citizenFromToken(cookieValue(socket.handshake.headers.cookie, CITIZEN_COOKIE));
      if (!who) throw unauthorized();
      const view = await procedureForCitizen(who, id);
      await joinCapped(socket, rooms.procedure(id));
      return view;
    }),

    'portal:subscribe': handler('portal:subscribe', async (_p, socket) => {
      const who = await citizenFromToken(cookieValue(socket.handshake.headers.cookie, CITIZEN_COOKIE));
      if (!who) throw unauthorized();
      await joinCapped(socket, rooms.citizen(who.citizen.id));
      return citizenProcedures(who);
    }),

    'procedures:subscribe': handler('procedures:subscribe', async ({ officeId }, socket, data) => {
      const actor = await staffActor(socket, data.token);
      const office = await resolveOffice(officeId);
      await assertWorksProceduresOf(actor, office.id);
      await joinCapped(socket, rooms.procedures(office.id));
      return { officeId: office.id };
    }),
  } satisfies Record<Subscription, unknown>;

  io.on('connection', (socket) => {
    // The handshake keeps what is needed (its headers); the upgrade request itself would stay in
    // memory for the connection's life (socket.io's memory-usage advice; 10,000 phones and displays).
    (socket.conn as unknown as { request: unknown }).request = null;
    const data: SocketData = {
      token: cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE),
      budget: new SubscribeBudget(Date.now()),
      // Connected screens by kind, for /metrics: counted at the first successful subscription.
      screens: new Set(),
      followed: new Map(),
    };
    socket.data = data;
    socket.on('disconnect', onDisconnect);
    socket.on('disconnect', () => unfollowAll(data));
    acceptSharedAnswers(socket);
    for (const event of Object.keys(listeners) as Subscription[]) socket.on(event, listeners[event]);
  });
  return io;
}
