/**
 * The public code in what a QR reader or scanner gives: the code itself, or the whole address of
 * the ticket's or the procedure's page (its last path part). Lower case, as codes are. A file of
 * its own, without zod: the kiosk reads scans without loading the schema library.
 */
export function codeFromScan(raw: string): string {
  return (raw.trim().split(/[/?#]/).filter(Boolean).pop() ?? '').toLowerCase();
}
