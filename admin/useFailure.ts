'use client';
import { useCallback } from 'react';
import { ApiError, fieldIssues } from '../ui/http';
import { useAdmin } from './context';
import { errorNotice, type Notice } from './notice';

/** Where a refusal is shown: the notice line, and (for forms) the invalid fields by path. */
export type ShowNotice = (n: Notice) => void;
export type ShowIssues = (issues: Map<string, string>) => void;

/**
 * The catch of every admin request: an ended session (401) goes back to the login form, anything
 * else becomes a notice (and, given `setIssues`, the fields the server named).
 */
export function useFailure(): (err: unknown, setNotice: ShowNotice, setIssues?: ShowIssues) => void {
  const { onUnauthorized } = useAdmin();
  return useCallback(
    (err, setNotice, setIssues) => {
      if (err instanceof ApiError && err.status === 401) return onUnauthorized();
      setNotice(errorNotice(err));
      setIssues?.(fieldIssues(err));
    },
    [onUnauthorized],
  );
}
