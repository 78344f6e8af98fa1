import { io, type Socket } from 'socket.io-client';
import { percentile } from './measure';

type Ack = { ok: boolean; error?: { code: string } };

export function connect(url: string): Socket {
  return io(url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
}

function subscribe(s: Socket, event: string, payload: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    s.timeout(60_000).emit(event, payload, (err: Error | null, ack: Ack) => {
      if (err) reject(err);
      else if (!ack.ok) reject(new Error(`${event}: ${ack.error?.code}`));
      else resolve();
    });
  });
}

export function subscribeDisplay(s: Socket, officeId: string): Promise<void> {
  return subscribe(s, 'display:subscribe', { officeId });
}

export function subscribeTicket(s: Socket, code: string): Promise<void> {
  return subscribe(s, 'ticket:subscribe', { code });
}

/**
 * The restart storm: `displays` display screens and `phones` phone pages (following the given
 * tickets in turn) connect and subscribe all at once. Resolves when every one is answered.
 */
export async function reconnectStorm(
  url: string,
  officeId: string,
  displays: number,
  phones: number,
  codes: string[],
): Promise<{ sockets: Socket[]; seconds: number; failed: number; p99Ms: number }> {
  const t0 = performance.now();
  const sockets: Socket[] = [];
  const answered: number[] = [];
  let failed = 0;
  const work: Promise<void>[] = [];
  for (let i = 0; i < displays + phones; i++) {
    const s = connect(url);
    sockets.push(s);
    const sub = i < displays ? subscribeDisplay(s, officeId) : subscribeTicket(s, codes[(i - displays) % codes.length]);
    work.push(
      sub.then(
        () => void answered.push(performance.now() - t0),
        (err: unknown) => {
          if (failed++ < 5) console.error('storm failure', String(err));
        },
      ),
    );
  }
  await Promise.all(work);
  return { sockets, seconds: (performance.now() - t0) / 1000, failed, p99Ms: percentile(answered, 99) };
}

export function closeAll(sockets: Socket[]): void {
  for (const s of sockets) s.close();
}
