'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServer, ServerToClient, SubscribeAnswer, SubscribePayload, Subscription } from '../contract/realtime';

export type ClientSocket = Socket<ServerToClient, ClientToServer>;

let shared: ClientSocket | null = null;

/**
 * One socket per browser tab, same origin; socket.io reconnects by itself with backoff.
 * WebSocket first, long polling only where WebSocket fails (a proxy that blocks it): the
 * subscription's snapshot then arrives over WebSocket, where the server sends a room's shared
 * snapshot without a copy per screen (server/socket/shared-answer.ts), and no polling
 * connection has to be held and upgraded for each of thousands of screens after a restart.
 */
export function getSocket(): ClientSocket {
  if (!shared) {
    const socket: ClientSocket = io({
      path: '/socket.io',
      withCredentials: true,
      reconnectionDelayMax: 5000,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    // The server ends a staff screen whose login ended (server/realtime/sessions.ts). Connect
    // again: the subscriptions are re-made and refused, and the screen goes to its login.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') socket.connect();
    });
    shared = socket;
  }
  return shared;
}

/**
 * Subscribes on every (re)connect and keeps the latest snapshot; deltas are applied by the caller
 * through `setData`. `connected` drives the "connection lost" banner. `merge` decides what an
 * answer replaces, for screens whose deltas can overtake it (the default: the answer wins).
 */
export function useSubscription<E extends Subscription>(
  event: E,
  payload: SubscribePayload<E> | null,
  merge?: (shown: SubscribeAnswer<E> | null, answer: SubscribeAnswer<E>) => SubscribeAnswer<E>,
) {
  const [data, setData] = useState<SubscribeAnswer<E> | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [connected, setConnected] = useState(false);
  const key = JSON.stringify(payload);
  const payloadRef = useRef(payload);
  const mergeRef = useRef(merge);
  useEffect(() => {
    payloadRef.current = payload;
    mergeRef.current = merge;
  });
  const subscribeRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (payloadRef.current === null) return;
    const socket = getSocket();
    const subscribe = () => {
      setConnected(true);
      // The generic emit signature cannot be narrowed per event name here.
      (socket.emit as (ev: string, p: unknown, ack: (r: Ack<SubscribeAnswer<E>>) => void) => void)(
        event,
        payloadRef.current,
        (r) => {
          if (r.ok) {
            const answer = r.data;
            setData((shown) => (mergeRef.current ? mergeRef.current(shown, answer) : answer));
            setError(null);
          } else setError(r.error);
        },
      );
    };
    const lost = () => setConnected(false);
    socket.on('connect', subscribe);
    socket.on('disconnect', lost);
    subscribeRef.current = () => {
      if (socket.connected) subscribe();
    };
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('disconnect', lost);
      subscribeRef.current = () => undefined;
    };
  }, [event, key]);

  /** Subscribes again now (the server said the configuration changed): a fresh snapshot follows. */
  const resubscribe = useCallback(() => subscribeRef.current(), []);

  return { data, setData, error, connected, resubscribe, socket: typeof window === 'undefined' ? null : getSocket() };
}
