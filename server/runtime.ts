import type { Redis } from 'ioredis';
import type { Server as IoServer } from 'socket.io';
import type { Config } from './config';
import type { Db } from './db/client';
import type { RedisKeys } from './redis/keys';
import type { EstimateThread } from './estimates/estimate-thread';
import type { ClientToServer, ServerToClient } from '../contract/realtime';

/** What the app processes tell each other through the adapter (auth/session-cache.ts, tickets/snapshot.ts). */
export interface InterServer {
  /** A change to a per-process cache (realtime/announced-cache.ts). */
  cacheChanged: (cache: string, change: unknown) => void;
  /** Tickets changed on another process: the codes of one turn of its event loop (tickets/snapshot.ts). */
  ticketChanged: (codes: string[]) => void;
}

export type Io = IoServer<ClientToServer, ServerToClient, InterServer>;

/** Batched updates of an office's screens after a change (socket/office-feed.ts). */
export interface OfficeFeed {
  changed(officeId: string): void;
  stop(): void;
}

/** The process-wide connections. */
export interface Runtime {
  config: Config;
  db: Db;
  redis: Redis;
  keys: RedisKeys;
  io: Io | null;
  /** Null without socket.io: nobody to update. */
  officeFeed: OfficeFeed | null;
  /** The wait estimate's own thread; without it (scripts, the day simulator) it runs in slices here. */
  estimateThread?: EstimateThread;
  sessionSecret: string;
  baseUrl: string;
}

// Kept on globalThis because Next bundles the route handlers separately from the custom server:
// both must share one set of connections.
const holder = globalThis as typeof globalThis & { __sportelloRuntime?: Runtime };

export function setRuntime(rt: Runtime | undefined): void {
  holder.__sportelloRuntime = rt;
}

export function rt(): Runtime {
  const r = holder.__sportelloRuntime;
  if (!r) throw new Error('Sportello runtime not started');
  return r;
}

const shared = globalThis as typeof globalThis & { __sportelloShared?: Map<string, unknown> };

/**
 * Process-wide state of a module (a cache, a counter). Next bundles its own copy of every module
 * the route handlers import, beside the custom server's: state kept in a module variable would
 * exist twice and the two halves would not see each other's changes.
 */
export function processShared<T>(name: string, init: () => T): T {
  const all = (shared.__sportelloShared ??= new Map());
  if (!all.has(name)) all.set(name, init());
  return all.get(name) as T;
}
