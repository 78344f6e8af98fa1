import { log } from '../log';
import { rt } from '../runtime';

/**
 * Whether anybody, on any process, has a screen in a room whose payload is costly to compute:
 * the supervisors' live view (about ten queries and the alerts each pass, issue 10), which most of
 * the day nobody has open. Each process marks the rooms it has sockets in with a Redis key that
 * lives WATCH_TTL_MS, at once when a screen subscribes and again every WATCH_RENEW_MS while one
 * is there; the office feed skips a room that no process marked. A room is taken as watched when
 * Redis cannot say (better a snapshot for nobody than a supervisor left without figures).
 */
export const WATCH_TTL_MS = 30_000;
const WATCH_RENEW_MS = 10_000;

export async function markWatched(room: string): Promise<void> {
  const { redis, keys } = rt();
  await redis.set(keys.watchedRoom(room), '1', 'PX', WATCH_TTL_MS);
}

export async function isWatched(room: string): Promise<boolean> {
  const { io, redis, keys } = rt();
  if (io?.of('/').adapter.rooms.has(room)) return true;
  try {
    return (await redis.exists(keys.watchedRoom(room))) === 1;
  } catch {
    return true;
  }
}

/** Renews the marks of this process's rooms starting with `prefix` until the returned function is called. */
export function renewWatchedRooms(prefix: string): () => void {
  const timer = setInterval(() => {
    const io = rt().io;
    if (!io) return;
    for (const room of io.of('/').adapter.rooms.keys())
      if (room.startsWith(prefix)) markWatched(room).catch((err: unknown) => log.warn({ err, room }, 'room mark not renewed'));
  }, WATCH_RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}
