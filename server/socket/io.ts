import type http from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
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
import { subscriptions, type Ack, type Subscription, type SubscribeAnswer } from '../../contract/realtime';
import { resolveDisplayTarget } from '../displays/resolve';
import { sharedDisplaySnapshot } from '../displays/snapshot';
import type { DisplaySnapshot } from '../../contract/display';
import { watchTickets } from '../tickets/snapshot';
import { batched } from './batched';
import { SubscribeBudget, withinRoomCap } from './limits';
import { acceptSharedAnswers, SharedAnswer } from './shared-answer';
import { rooms } from '../realtime/rooms';
import { CITIZEN_COOKIE, citizenFromToken } from '../citizens/session';
import { assertWorksProceduresOf } from '../procedures/access';
import { citizenProcedures, procedureForCitizen } from '../procedures/queries';

type SocketData = { actor: Actor | null; screens: Set<ScreenKind> };

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
 * Runs a subscription handler with the payload validated by the contract's schema of that
 * subscription, its answer typed by the contract, and the socket's subscription budget
 * (socket/limits.ts); a bad payload, a refusal or a missing ack never throws.
 */
function handler<E extends Subscription>(
  budget: SubscribeBudget,
  event: E,
  fn: (p: PayloadOf<E>) => Promise<SubscribeAnswer<E> | SharedAnswer<SubscribeAnswer<E>>>,
) {
  // TypeScript cannot follow a generic key into the table's union of schemas: the cast names it.
  const schema = subscriptions[event].payload as unknown as z.ZodType<PayloadOf<E>>;
  type Reply = (r: Ack<SubscribeAnswer<E>> | SharedAnswer<SubscribeAnswer<E>>) => void;
  return async (raw: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
    try {
      if (!budget.take(Date.now()))
        throw new AppError(429, 'rate_limited', 'Too many subscriptions, wait a few seconds and try again');
      refuseNul(raw);
      const answer = await fn(schema.parse(raw ?? {}));
      reply(answer instanceof SharedAnswer ? answer : { ok: true, data: answer });
    } catch (err) {
      reply(fail(err));
    }
  };
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

  // Phone pages subscribing together (thousands after a restart) share their look-ups.
  const ticketByCode = batched(publicTicketsByCode);
  const watchers = new Map<string, (code: string) => Promise<unknown>>();
  const watch = (officeId: string, code: string) => {
    let w = watchers.get(officeId);
    if (!w)
      watchers.set(
        officeId,
        (w = batched(async (codes: string[]) => {
          await watchTickets(officeId, codes);
          return new Map<string, never>();
        })),
      );
    return w(code);
  };

  io.on('connection', (socket) => {
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    // The handshake keeps what is needed (its headers); the upgrade request itself would stay in
    // memory for the connection's life (socket.io's memory-usage advice; 10,000 phones and displays).
    (socket.conn as unknown as { request: unknown }).request = null;
    const data = socket.data as SocketData;
    data.actor = null;
    // Connected screens by kind, for /metrics: counted at the first successful subscription.
    data.screens = new Set();
    socket.on('disconnect', () => screensLeft(data.screens));
    acceptSharedAnswers(socket);
    const budget = new SubscribeBudget(Date.now());

    socket.on(
      'display:subscribe',
      handler(budget, 'display:subscribe', async (p) => {
        const target = await resolveDisplayTarget(p);
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
    );

    socket.on(
      'kiosk:subscribe',
      handler(budget, 'kiosk:subscribe', async () => {
        await joinCapped(socket, rooms.kioskScreens);
        screenJoined(data.screens, 'kiosk');
        return { serverTime: new Date().toISOString() };
      }),
    );

    socket.on(
      'ticket:subscribe',
      handler(budget, 'ticket:subscribe', async ({ code }) => {
        const t = await ticketByCode(code);
        if (!t) throw notFound('Ticket');
        await joinCapped(socket, rooms.ticket(code));
        if (t.status === 'waiting') await watch(t.office.id, code);
        screenJoined(data.screens, 'ticket');
        return t;
      }),
    );

    socket.on(
      'counter:subscribe',
      handler(budget, 'counter:subscribe', async ({ counterId }) => {
        const actor = await staffActor(socket, token);
        data.actor = actor;
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
    );

    socket.on(
      'supervisor:subscribe',
      handler(budget, 'supervisor:subscribe', async ({ officeId }) => {
        const actor = await staffActor(socket, token);
        if (!isSupervisor(actor)) throw forbidden('The live view is for supervisors and admins');
        data.actor = actor;
        const office = await resolveOffice(officeId);
        await assertPersonalDataAccess(actor, office.id);
        const snap = await supervisorSnapshot(office.id);
        // A screen switching office stops hearing the previous one.
        for (const room of socket.rooms)
          if (room.startsWith('supervisor:') && room !== rooms.supervisor(office.id)) await socket.leave(room);
        await joinCapped(socket, [rooms.supervisor(office.id), rooms.staff(office.id)]);
        screenJoined(data.screens, 'supervisor');
        return snap;
      }),
    );

    socket.on(
      'procedure:subscribe',
      handler(budget, 'procedure:subscribe', async ({ id }) => {
        // Checked at every subscription, like staff sessions: a signed-out citizen hears nothing more.
        const who = await citizenFromToken(cookieValue(socket.handshake.headers.cookie, CITIZEN_COOKIE));
        if (!who) throw unauthorized();
        const view = await procedureForCitizen(who, id);
        await joinCapped(socket, rooms.procedure(id));
        return view;
      }),
    );

    socket.on(
      'portal:subscribe',
      handler(budget, 'portal:subscribe', async () => {
        const who = await citizenFromToken(cookieValue(socket.handshake.headers.cookie, CITIZEN_COOKIE));
        if (!who) throw unauthorized();
        await joinCapped(socket, rooms.citizen(who.citizen.id));
        return citizenProcedures(who);
      }),
    );

    socket.on(
      'procedures:subscribe',
      handler(budget, 'procedures:subscribe', async ({ officeId }) => {
        const actor = await staffActor(socket, token);
        data.actor = actor;
        const office = await resolveOffice(officeId);
        await assertWorksProceduresOf(actor, office.id);
        await joinCapped(socket, rooms.procedures(office.id));
        return { officeId: office.id };
      }),
    );
  });
  return io;
}
