/**
 * The socket.io contract shared by the server and every screen. Clients connect to the same
 * origin (path `/socket.io`), then subscribe; each subscribe is acknowledged with a full snapshot,
 * and the client must subscribe again on every (re)connect (socket.io's `connect` event), so a
 * screen that lost the network never shows stale data. Deltas follow as events.
 */
import type { CounterState, PrinterStatus, PrintMode, Priority, TicketStatus } from '../db/generated/enums';

export type Lang = 'it' | 'en';

/** What the public may see of a service's queue (display, kiosk, phone). */
export interface QueueInfo {
  serviceId: string;
  prefix: string;
  nameIt: string;
  nameEn: string;
  waiting: number;
  /** Minutes the oldest waiting ticket has waited, 0 when nobody waits. */
  oldestWaitMinutes: number;
  /** Estimated wait for somebody taking a ticket now, in minutes. */
  estimatedWaitMinutes: number;
  /** Lower bound of the estimate band (0.8× the estimate), as ZMS shows it. */
  estimatedWaitMinMinutes: number;
  openCounters: number;
}

/** One call shown on the display: never a name, only number and counter. */
export interface CallInfo {
  ticketId: string;
  number: string;
  /** The service the ticket was called for: a display limited to some services shows only theirs. */
  serviceId: string;
  counterNumber: number;
  counterName: string;
  serviceNameIt: string;
  serviceNameEn: string;
  at: string;
  recall: boolean;
  /** Increases with each call or recall so a screen can tell a new announcement from a repeat snapshot. */
  seq: number;
}

/** One ticker message: Italian, and its English when there is one. */
export interface TickerMessage {
  it: string;
  en: string | null;
}

/** A configured display (`?display=<slug>`): what it shows and its ticker. */
export interface DisplayConfig {
  id: string;
  slug: string;
  name: string;
  /** The services it shows (its own plus its categories'); null = every service of the office. */
  serviceIds: string[] | null;
  ticker: TickerMessage[];
}

/** Whether the office issues walk-in tickets now (no opening hours = always open). */
export interface DisplayWalkIn {
  open: boolean;
  /** While open: the last-ticket time. */
  closesAt?: string;
  /** While closed: when tickets are issued again (absent if none within a year). */
  nextOpensAt?: string;
}

export interface DisplaySnapshot {
  /** `timeZone`: the office's IANA zone, for saying when it opens again in its own time. */
  office: { id: string; name: string; nameEn: string; timeZone: string };
  /** Null when the screen asked for a whole office (`?officeId=`): everything, no ticker. */
  display: DisplayConfig | null;
  /** Only the calls and queues of the display's services. */
  calls: CallInfo[];
  queues: QueueInfo[];
  /** The office's walk-in status; the screen subscribes again at closesAt / nextOpensAt. */
  walkIn: DisplayWalkIn;
  serverTime: string;
}

/** Public status of one ticket, for the phone page. Never personal data. */
export interface TicketPublic {
  code: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  service: { id: string; nameIt: string; nameEn: string; prefix: string };
  office: { id: string; name: string; nameEn: string };
  /** People ahead in the same queue; null once the ticket is no longer waiting. */
  position: number | null;
  estimatedWaitMinutes: number | null;
  counter: { number: number; name: string } | null;
  issuedAt: string;
  calledAt: string | null;
}

/** The ticket at a counter, as the clerk sees it. */
export interface CounterTicket {
  id: string;
  code: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  serviceId: string;
  serviceNameIt: string;
  serviceNameEn: string;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  recallCount: number;
  transferred: boolean;
  /** The note written by the colleague who transferred the ticket, if any. */
  note: string | null;
}

export interface WaitingEntry {
  id: string;
  number: string;
  priority: Priority;
  serviceId: string;
  queuedAt: string;
  /** True when this ticket was transferred to this counter or clerk personally. */
  direct: boolean;
}

export interface CounterSnapshot {
  counter: {
    id: string;
    number: number;
    name: string;
    state: CounterState;
    serviceIds: string[];
    officeId: string;
    staffId: string | null;
  };
  current: CounterTicket | null;
  /** Tickets this counter may call, in the order "call next" would take them (first 50). */
  waiting: WaitingEntry[];
  waitingTotal: number;
  queues: QueueInfo[];
}

/** A kiosk printer's state changed (or its agent came or went): for supervisors' alerts. */
export interface PrinterAlert {
  kioskId: string;
  officeId: string;
  name: string;
  printMode: PrintMode;
  status: PrinterStatus;
  /** The error or the printer's own report, when there is one. */
  detail: string | null;
  /** Whether the kiosk's agent is connected; null when the kiosk does not use one. */
  agentConnected: boolean | null;
  at: string;
}

/** A counter as the supervisor sees it: who, what, and since when. */
export interface SupervisorCounter {
  id: string;
  number: number;
  name: string;
  officeId: string;
  state: CounterState;
  /** closed, idle (open, nobody at the desk), paused, called (waiting for the citizen), serving. */
  activity: 'closed' | 'idle' | 'paused' | 'called' | 'serving';
  staffId: string | null;
  staffName: string | null;
  serviceIds: string[];
  /** The services the clerk has a skill for in this office (offered first when changing services). */
  skillServiceIds: string[];
  current: CounterTicket | null;
  /**
   * Since when the counter is in its present activity: the call (called), the start (serving),
   * the pause (paused), the end of its last visit or its opening (idle); null when closed.
   */
  since: string | null;
}

/** A desk service of the office with its service level target. */
export interface SupervisorService {
  id: string;
  prefix: string;
  nameIt: string;
  nameEn: string;
  targetWaitMinutes: number;
}

export type SupervisorAlert =
  /** Somebody has waited longer than the service's target wait. */
  | { kind: 'wait_over_target'; service: SupervisorService; waiting: number; oldestWaitMinutes: number }
  /** People wait for a service that no open counter serves (paused counters do not count). */
  | { kind: 'queue_unserved'; service: SupervisorService; waiting: number; pausedCounters: number }
  /** A kiosk printer is offline, out of paper, low on paper, or its agent is gone. */
  | { kind: 'printer'; printer: PrinterAlert };

export interface SupervisorSnapshot {
  office: { id: string; name: string; nameEn: string };
  counters: SupervisorCounter[];
  queues: QueueInfo[];
  services: SupervisorService[];
  /** Every active kiosk with a printer, whatever its state (alerts list only the ones in trouble). */
  printers: PrinterAlert[];
  alerts: SupervisorAlert[];
  serverTime: string;
}

export interface ClientToServer {
  /** `display` (slug or id) wins over `officeId`; an unknown or inactive display is `not_found`. */
  'display:subscribe': (p: { officeId?: string; display?: string }, ack: (r: Ack<DisplaySnapshot>) => void) => void;
  'ticket:subscribe': (p: { code: string }, ack: (r: Ack<TicketPublic>) => void) => void;
  /** Staff only (session cookie): the counter must be the caller's own unless supervisor/admin. */
  'counter:subscribe': (p: { counterId: string }, ack: (r: Ack<CounterSnapshot>) => void) => void;
  /** Supervisors and admins only (session cookie, checked at every subscription): the office's live view. */
  'supervisor:subscribe': (p: { officeId?: string }, ack: (r: Ack<SupervisorSnapshot>) => void) => void;
  /** A kiosk screen, to hear `catalogChanged`; public, like the catalogue itself. */
  'kiosk:subscribe': (p: Record<string, never>, ack: (r: Ack<{ serverTime: string }>) => void) => void;
}

export interface ServerToClient {
  /** To the office display room: a call or a recall, to highlight and announce. */
  call: (c: CallInfo) => void;
  /**
   * To the office display room: a display's configuration or the office's services changed
   * (name, category, state). Screens subscribe again and redraw from the fresh snapshot.
   */
  displayChanged: (p: { officeId: string }) => void;
  /** To the kiosk screens: services or categories changed; reload the catalogue. */
  catalogChanged: () => void;
  /** To display and counter rooms: fresh per-service queue figures of the office (all services: a display filters). */
  queues: (q: QueueInfo[]) => void;
  /** To the ticket room: the ticket's new public status. */
  ticket: (t: TicketPublic) => void;
  /** To a counter room: its new snapshot (after any change that concerns it). */
  counter: (s: CounterSnapshot) => void;
  /** To the office's supervisor room: the new live view, after the office's batched update. */
  supervisor: (s: SupervisorSnapshot) => void;
  /** To the office staff room: a kiosk printer went offline, ran out of paper, came back... */
  printer: (p: PrinterAlert) => void;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
