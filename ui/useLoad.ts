'use client';
import { useEffect } from 'react';

/**
 * Runs an async loader on mount and again whenever it changes (that is, when its dependencies
 * did). The loader sets state only after its first `await`, which is not the synchronous
 * setState-in-effect that react-hooks/set-state-in-effect is about (that rule cannot see the await
 * through a callback yet: react/react#34905).
 */
export function useLoad(load: () => Promise<unknown>): void {
  useEffect(() => {
    void load();
  }, [load]);
}
