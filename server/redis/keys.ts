/**
 * Every Redis key Sportello uses, in one place. The keys of one office share the hash tag
 * `{office:<id>}` so the multi-key Lua scripts also run on Redis Cluster.
 */
export function redisKeys(prefix: string) {
  const office = (officeId: string) => `${prefix}:{office:${officeId}}`;
  return {
    /** Sorted set of waiting ticket ids of one service; score = queue rank (see queue/policy.ts). */
    serviceQueue: (officeId: string, serviceId: string) => `${office(officeId)}:wait:svc:${serviceId}`,
    /** Tickets transferred to one counter personally. */
    counterQueue: (officeId: string, counterId: string) => `${office(officeId)}:wait:counter:${counterId}`,
    /** Tickets transferred to one clerk personally. */
    staffQueue: (officeId: string, staffId: string) => `${office(officeId)}:wait:staff:${staffId}`,
    /** Present once the office's queues were rebuilt from PostgreSQL; gone after a flush. */
    builtMarker: (officeId: string) => `${office(officeId)}:built`,
    /** Hash: public code of a waiting ticket → how many phone sockets follow it, over all processes (position updates go only to these). */
    ticketFollowers: (officeId: string) => `${office(officeId)}:followers`,
    rebuildLock: (officeId: string) => `${office(officeId)}:rebuild-lock`,
    /** Held by the one call next under way at a counter (call_next.lua); in the office's slot, for the script. */
    callLease: (officeId: string, counterId: string) => `${office(officeId)}:call-lease:${counterId}`,
    /** Held by the one office feed pass under way across the app processes (realtime/feed-lease.ts). */
    feedLease: (officeId: string) => `${office(officeId)}:feed-lease`,
    /** Hash: ticket id → the first wait estimate shown for it (estimates/calibration.ts). */
    waitShown: (officeId: string) => `${office(officeId)}:wait-shown`,
    /** List of past estimates with the real wait: the range's width is measured from them. */
    waitErrors: (officeId: string) => `${office(officeId)}:wait-errors`,
    /** Pattern matching every queue key of an office (for reconciliation scans). */
    officeQueuePattern: (officeId: string) => `${office(officeId)}:wait:*`,
    /** Present while a kiosk agent is connected: the socket id of the newest one (expires if its process dies). */
    kioskAgent: (kioskId: string) => `${prefix}:kiosk:${kioskId}:agent`,
    /** One-time kiosk pairing code (by its SHA-256) → kiosk id; expires (kiosk-pairing.ts). */
    kioskPairing: (codeHash: string) => `${prefix}:kiosk-pairing:${codeHash}`,
    /** A citizen's OpenID Connect sign-in under way (nonce, PKCE verifier): by its `state`, read once, expires. */
    oidcLogin: (state: string) => `${prefix}:oidc-login:${state}`,
    rateLimit: (bucket: string, client: string, window: number) => `${prefix}:ratelimit:${bucket}:${client}:${window}`,
    /** Key prefix of the failed-login counters (rate-limiter-flexible adds the account or address). */
    loginFailures: (per: 'account' | 'address') => `${prefix}:login-failures:${per}`,
    /** Present while some process has a socket in the room (realtime/watched-rooms.ts); expires otherwise. */
    watchedRoom: (room: string) => `${prefix}:watched-room:${room}`,
    socketIoChannel: () => `${prefix}:socket.io`,
    bullPrefix: () => `${prefix}:bull`,
    /** Everything of this installation (test runs delete it). */
    all: () => `${prefix}:*`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
