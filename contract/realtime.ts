/**
 * The socket.io contract shared by the server and every screen. Clients connect to the same
 * origin (path `/socket.io`), then subscribe; each subscribe is acknowledged with a full snapshot,
 * and the client must subscribe again on every (re)connect (socket.io's `connect` event), so a
 * screen that lost the network never shows stale data. Deltas follow as events.
 *
 * One source: every payload is a zod schema below, and the event maps socket.io is typed with
 * (`ClientToServer`, `ServerToClient`) are derived from these schemas, so the server's validation
 * and the screens' types cannot drift apart.
 */
import { z } from './zod';
import { counterSnapshotSchema, counterUpdateSchema } from './counters';
import { callInfoSchema, displaySnapshotSchema, publicDisplayQuery } from './display';
import { id } from './ids';
import { queuesUpdateSchema } from './queues';
import { printerAlertSchema, supervisorSnapshotSchema } from './supervisor';
import { PUBLIC_CODE_PATTERN, ticketPublicSchema } from './tickets';
import { procedureListSchema, procedureSchema } from './portal';
import { procedureStatusSchema } from './enums';

/** Each subscription: what the client sends, and the snapshot its acknowledgement carries. */
export const subscriptions = {
  /** `display` (slug or id) wins over `officeId`; an unknown or inactive display is `not_found`. */
  'display:subscribe': { payload: publicDisplayQuery, answer: displaySnapshotSchema },
  'ticket:subscribe': { payload: z.object({ code: z.string().regex(PUBLIC_CODE_PATTERN) }), answer: ticketPublicSchema },
  /** Staff only (session cookie): the counter must be the caller's own unless supervisor/admin. */
  'counter:subscribe': { payload: z.object({ counterId: id }), answer: counterSnapshotSchema },
  /** Supervisors and admins only (session cookie, checked at every subscription): the office's live view. */
  'supervisor:subscribe': { payload: z.object({ officeId: id.optional() }), answer: supervisorSnapshotSchema },
  /** A kiosk screen, to hear `catalogChanged`; public, like the catalogue itself. */
  'kiosk:subscribe': { payload: z.object({}).strict(), answer: z.object({ serverTime: z.string() }) },
  /** The citizen's own procedure (portal cookie); anyone else's is `not_found`. */
  'procedure:subscribe': { payload: z.object({ id }), answer: procedureSchema },
  /** The citizen's own list (portal cookie): hear `procedureChanged` for each of theirs, new ones included. */
  'portal:subscribe': { payload: z.object({}).strict(), answer: procedureListSchema },
  /** Staff (session cookie) who may work procedures of the office: hear `procedureChanged`. */
  'procedures:subscribe': { payload: z.object({ officeId: id.optional() }), answer: z.object({ officeId: z.string() }) },
} as const;
export type Subscription = keyof typeof subscriptions;
export type SubscribePayload<E extends Subscription> = z.input<(typeof subscriptions)[E]['payload']>;
export type SubscribeAnswer<E extends Subscription> = z.infer<(typeof subscriptions)[E]['answer']>;

/** The payload of each server-sent event (an empty tuple: the event carries nothing). */
export const serverEvents = {
  /** To the office display room: a call or a recall, to highlight and announce. */
  call: callInfoSchema,
  /**
   * To the office display room: a display's configuration or the office's services changed
   * (name, category, state). Screens subscribe again and redraw from the fresh snapshot.
   */
  displayChanged: z.object({ officeId: z.string() }),
  /** To the kiosk screens: services or categories changed; reload the catalogue. */
  catalogChanged: null,
  /**
   * To display and counter rooms: fresh figures of the office's services, without names (the
   * screen's snapshot has them): only the changed ones unless `complete`; a screen updates the
   * services it shows.
   */
  queues: queuesUpdateSchema,
  /** To the ticket room: the ticket's new public status. */
  ticket: ticketPublicSchema,
  /** To a counter room: its new snapshot (after any change that concerns it), `queues` only now and then. */
  counter: counterUpdateSchema,
  /** To the office's supervisor room: the new live view, after the office's batched update. */
  supervisor: supervisorSnapshotSchema,
  /** To the office staff room: a kiosk printer went offline, ran out of paper, came back... */
  printer: printerAlertSchema,
  /** To the procedure's room (its citizen): the procedure as they see it, after any change. */
  procedure: procedureSchema,
  /**
   * To the office's back-office room and to the citizen's own room: a procedure was opened or
   * moved; screens read it again over HTTP (which checks who may see it).
   */
  procedureChanged: z.object({ id: z.string(), officeId: z.string(), status: procedureStatusSchema }),
} as const;
type ServerEvents = typeof serverEvents;

export const ackErrorSchema = z.object({ code: z.string(), message: z.string() });
export type Ack<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof ackErrorSchema> };

export type ClientToServer = {
  [E in Subscription]: (p: SubscribePayload<E>, ack: (r: Ack<SubscribeAnswer<E>>) => void) => void;
};

export type ServerToClient = {
  [E in keyof ServerEvents]: ServerEvents[E] extends z.ZodType ? (p: z.infer<ServerEvents[E]>) => void : () => void;
};
