import { rt } from '../runtime';
import type { CallInfo } from '../../contract/display';
import type { CounterUpdate } from '../../contract/counters';
import type { QueuesUpdate } from '../../contract/queues';
import type { SupervisorSnapshot } from '../../contract/supervisor';
import type { TicketPublic } from '../../contract/tickets';
import type { ProcedureView } from '../../contract/portal';
import { markOfficeChanged } from './changes';
import { rooms } from './rooms';

/**
 * Deltas to the screens' rooms. This module only sends: the payloads are built by the domain
 * (counters/snapshot.ts, supervisor/snapshot.ts, tickets/snapshot.ts), so every domain module
 * can publish without the publisher depending on any of them. Without socket.io (a script, a
 * test in process) nothing is sent.
 */

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
  // Shared snapshots and rules of the office (realtime/changes.ts) are out of date too.
  markOfficeChanged(officeId, 'settings');
  io()?.to(rooms.display(officeId)).emit('displayChanged', { officeId });
}

/**
 * The catalogue the kiosks offer changed (a service or a category: name, order, state, mode):
 * kiosk screens reload it, at once when idle on the start screen, else when they get back to it.
 */
export function publishCatalogChanged(): void {
  io()?.to(rooms.kioskScreens).emit('catalogChanged');
}

/** One ticket's phone page. */
export function publishTicket(ticket: TicketPublic): void {
  io()?.to(rooms.ticket(ticket.code)).emit('ticket', ticket);
}

/** One counter's screens. */
export function publishCounter(snap: CounterUpdate): void {
  io()?.to(rooms.counter(snap.counter.id)).emit('counter', snap);
}

/** Queue figures to the office's displays and staff screens: numbers only, their snapshots have the names. */
export function publishQueues(officeId: string, update: QueuesUpdate): void {
  io()?.to(rooms.display(officeId)).to(rooms.staff(officeId)).emit('queues', update);
}

/** The supervisors' live view of the office (on any process: the adapter relays the emit). */
export function publishSupervisor(officeId: string, snap: SupervisorSnapshot): void {
  io()?.to(rooms.supervisor(officeId)).emit('supervisor', snap);
}

/**
 * Something changed in the office (a ticket, a counter, a service): its queue figures, phone
 * positions, counters' waiting lists and live view are sent again, batched by the office feed
 * (socket/office-feed.ts) that the server starts with socket.io.
 */
export function publishOfficeChanged(officeId: string): void {
  markOfficeChanged(officeId);
  rt().officeFeed?.changed(officeId);
}

/** A procedure changed: its citizen gets their view, the office's back office a nudge to read again. */
export function publishProcedure(view: ProcedureView, citizenId: string): void {
  io()?.to(rooms.procedure(view.id)).emit('procedure', view);
  io()
    ?.to([rooms.procedures(view.officeId), rooms.citizen(citizenId)])
    .emit('procedureChanged', { id: view.id, officeId: view.officeId, status: view.status });
}
