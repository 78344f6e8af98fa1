/**
 * "Follow a ticket or a request": tickets and procedures both have a 16-character public code
 * (the same alphabet), so one box on the home page and the kiosk serves both. The code decides
 * which page follows it.
 */
import { codeFromScan } from '../contract/scan';
import { rt } from './runtime';

const CODE = /^[a-z0-9]{8,32}$/;

export type Followed = { kind: 'ticket'; path: string } | { kind: 'procedure'; path: string };

/** The page that follows a code, or null when no ticket or procedure has it. */
export async function followPath(raw: string): Promise<Followed | null> {
  const code = codeFromScan(raw);
  if (!CODE.test(code)) return null;
  const { db } = rt();
  const procedure = await db.procedure.findUnique({ where: { trackingCode: code }, select: { id: true } });
  if (procedure) return { kind: 'procedure', path: `/portale/track/${code}` };
  const ticket = await db.ticket.findUnique({ where: { code }, select: { id: true } });
  if (ticket) return { kind: 'ticket', path: `/t/${code}` };
  return null;
}
