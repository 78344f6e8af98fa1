'use client';
import { useCallback } from 'react';
import type { Notice } from '../notice';
import { useFailure, type ShowIssues, type ShowNotice } from '../useFailure';

/**
 * A change asked for from a list row (delete, deactivate): the browser's confirmation first, then
 * the request, the success notice and the list read again; a refusal shows in the same notice line.
 */
export function useConfirmedChange(setNotice: ShowNotice, reload: () => Promise<void>, setIssues?: ShowIssues) {
  const fail = useFailure();
  return useCallback(
    async (question: string, request: () => Promise<unknown>, done: Notice) => {
      if (!window.confirm(question)) return;
      try {
        await request();
        setNotice(done);
        await reload();
      } catch (err) {
        fail(err, setNotice, setIssues);
      }
    },
    [setNotice, reload, setIssues, fail],
  );
}
