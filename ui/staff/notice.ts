/** A message shown to a clerk or a supervisor; translated at render time so a language switch also applies to it. */
export interface Notice {
  kind: 'info' | 'success' | 'error';
  key: string;
  values?: Record<string, string | number>;
}
