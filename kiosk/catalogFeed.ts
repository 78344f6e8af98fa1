/**
 * The kiosk's one live message, `catalogChanged` (server/realtime/publish.ts), over engine.io-client
 * (socket.io's own transport: WebSocket first, long polling where a proxy blocks it, heartbeats)
 * with the few lines of socket.io's protocol (v5) the kiosk needs: join the main namespace,
 * `kiosk:subscribe`, hear `catalogChanged`, reconnect with socket.io's backoff. The full
 * socket.io-client, with its manager, acks, binary packets and namespaces, is 13 KB gzip of the
 * kiosk's scripts; this is under half of it. The server is the same socket.io server every other
 * screen talks to.
 */
import { Socket as Engine } from 'engine.io-client';

/** socket.io-client's defaults as ui/socket.ts sets them: 1 s, doubling, at most 5 s, ±50 %. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 5000;
const RANDOMIZATION = 0.5;

export function reconnectDelay(attempt: number, random = Math.random()): number {
  const base = Math.min(RECONNECT_FIRST_MS * 2 ** attempt, RECONNECT_MAX_MS);
  return Math.round(Math.min(base * (1 + RANDOMIZATION * (2 * random - 1)), RECONNECT_MAX_MS));
}

/** What a socket.io packet (the text of an engine.io message) means to the kiosk. */
export function readPacket(data: unknown): 'connected' | 'refused' | 'disconnected' | 'catalogChanged' | null {
  if (typeof data !== 'string') return null; // binary packets: nothing for the kiosk
  switch (data[0]) {
    case '0':
      return 'connected'; // CONNECT answered: {"sid": …}
    case '4':
      return 'refused'; // CONNECT_ERROR
    case '1':
      return 'disconnected'; // the server ended the session
    case '2': {
      // EVENT on the main namespace, with an ack id perhaps: 2[name, ...args] or 2<id>[…]
      const json = data.slice(1).replace(/^\d+/, '');
      try {
        const event = JSON.parse(json) as unknown;
        return Array.isArray(event) && event[0] === 'catalogChanged' ? 'catalogChanged' : null;
      } catch {
        return null;
      }
    }
    default:
      return null;
  }
}

/**
 * Subscribes the kiosk screen, on every (re)connect; `onChange` runs on `catalogChanged` and after
 * a reconnect (a change may have been missed meanwhile). Returns the function that closes it.
 */
export function watchCatalog(onChange: () => void): () => void {
  let engine: Engine | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let connectedBefore = false;
  let stopped = false;

  const retry = () => {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(open, reconnectDelay(attempts++));
  };

  function open() {
    timer = undefined;
    const e = new Engine({
      path: '/socket.io',
      withCredentials: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    engine = e;
    e.on('open', () => e.send('0')); // CONNECT to the main namespace
    e.on('message', (data) => {
      switch (readPacket(data)) {
        case 'connected':
          attempts = 0;
          e.send('2["kiosk:subscribe",{}]');
          if (connectedBefore) onChange();
          connectedBefore = true;
          break;
        case 'catalogChanged':
          onChange();
          break;
        case 'refused':
        case 'disconnected':
          e.close(); // and connect again, as ui/socket.ts does
          break;
      }
    });
    e.on('close', () => {
      if (engine === e) engine = null;
      retry();
    });
  }

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    engine?.close();
  };
}
