'use client';
import { useCallback, useState } from 'react';
import type { Notice } from '../notice';

/**
 * The add/edit dialog of a config page: what it edits (null: closed), the refusal shown in it and
 * the fields the server named; closing forgets all three so the next opening starts clean.
 */
export function useEditDialog<E>() {
  const [editing, setEditing] = useState<E | null>(null);
  const [formError, setFormError] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Map<string, string>>(() => new Map());
  const close = useCallback(() => {
    setEditing(null);
    setFormError(null);
    setIssues((cur) => (cur.size === 0 ? cur : new Map()));
  }, []);
  return { editing, setEditing, formError, setFormError, issues, setIssues, close };
}
