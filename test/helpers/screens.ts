/**
 * Screens as the browser runs them (ui/socket.ts): socket.io with its default transports
 * (long-polling first, then the upgrade to WebSocket), a cookie jar (for the proxy's sticky
 * cookie), automatic reconnection with the same delays as the screens, a subscription on every
 * (re)connect, and the state a screen would show: the last snapshot, updated by the deltas.
 */
import { io as connectIo, type Socket } from 'socket.io-client';
import type { Ack } from '../../contract/realtime';
import type { CallInfo, DisplaySnapshot } from '../../contract/display';
import type { CounterSnapshot, CounterUpdate } from '../../contract/counters';
import type { QueuesUpdate } from '../../contract/queues';
import type { TicketPublic } from '../../contract/tickets';
import { withCounterUpdate } from '../../counter/work';
import { newestTicket } from '../../ticket/newest';
import { withFigures } from '../../ui/queueFigures';

export interface Screen<S> {
  socket: Socket;
  /** What the screen shows now (null before the first snapshot). */
  state: S | null;
  /** Times (ms since epoch) of each disconnect, each reconnect and each snapshot received. */
  disconnects: number[];
  connects: number[];
  snapshots: number[];
  /** Subscription refusals (`unavailable` while a dependency is down, …). */
  refusals: string[];
  close(): void;
}

function screen<S>(
  url: string,
  event: string,
  payload: unknown,
  deltas: Record<string, (state: S | null, delta: any) => S | null>, // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads differ per event
  cookie?: string,
  /** What a subscription's answer replaces (as ui/socket.ts useSubscription's `merge`). */
  merge: (state: S | null, answer: S) => S = (_state, answer) => answer,
): Screen<S> {
  const socket = connectIo(url, {
    path: '/socket.io',
    withCredentials: true,
    reconnectionDelayMax: 5000,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  const s: Screen<S> = {
    socket,
    state: null,
    disconnects: [],
    connects: [],
    snapshots: [],
    refusals: [],
    close: () => socket.disconnect(),
  };
  const subscribe = () => {
    socket.emit(event, payload, (r: Ack<S>) => {
      if (r.ok) {
        s.state = merge(s.state, r.data);
        s.snapshots.push(Date.now());
      } else {
        s.refusals.push(r.error.code);
        // Like a screen after an error banner: try again shortly while connected.
        setTimeout(() => socket.connected && subscribe(), 500);
      }
    });
  };
  socket.on('connect', () => {
    s.connects.push(Date.now());
    subscribe();
  });
  socket.on('disconnect', (reason) => {
    s.disconnects.push(Date.now());
    if (reason === 'io server disconnect') socket.connect();
  });
  for (const [ev, apply] of Object.entries(deltas)) socket.on(ev, (d: unknown) => (s.state = apply(s.state, d)));
  return s;
}

export function displayScreen(url: string, officeId: string): Screen<DisplaySnapshot> {
  return screen<DisplaySnapshot>(
    url,
    'display:subscribe',
    { officeId },
    {
      call: (st, c: CallInfo) => st && { ...st, calls: [c, ...st.calls.filter((x) => x.ticketId !== c.ticketId)].slice(0, 10) },
      queues: (st, u: QueuesUpdate) => st && { ...st, queues: withFigures(st.queues, u) },
    },
  );
}

export function phoneScreen(url: string, code: string): Screen<TicketPublic> {
  return screen<TicketPublic>(url, 'ticket:subscribe', { code }, { ticket: newestTicket }, undefined, newestTicket);
}

export function counterScreen(url: string, counterId: string, cookie: string): Screen<CounterSnapshot> {
  return screen<CounterSnapshot>(
    url,
    'counter:subscribe',
    { counterId },
    { counter: (st, c: CounterUpdate) => withCounterUpdate(st, c) },
    cookie,
  );
}

/** Resolves when `cond` holds, or rejects with `what()` after `timeoutMs`. */
export async function eventually(cond: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
