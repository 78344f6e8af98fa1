'use client';
import { useEffect, useRef } from 'react';
import { getSocket } from './socket';

/**
 * Follows the office's back-office room (`procedures:subscribe`, made again on every reconnect)
 * and calls `onChange` with each `procedureChanged`; `officeId` undefined: the one-stop desk.
 */
export function useProcedureChanges(officeId: string | undefined, onChange: (e: { id: string; status: string }) => void): void {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  useEffect(() => {
    const socket = getSocket();
    const subscribe = () => socket.emit('procedures:subscribe', officeId ? { officeId } : {}, () => undefined);
    const changed = (e: { id: string; status: string }) => handler.current(e);
    socket.on('connect', subscribe);
    socket.on('procedureChanged', changed);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('procedureChanged', changed);
    };
  }, [officeId]);
}
