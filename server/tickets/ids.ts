import { randomBytes } from 'node:crypto';

/**
 * A new ticket's id: a UUID version 7 (RFC 9562), whose text sorts in the order the ids were
 * made in this process (the millisecond, then a counter within it). The call-next script and the
 * estimate's model break a tie of rank by id (two appointments booked for the same slot rank
 * alike), so the one who checked in first is called first — as with Prisma's cuids before tickets
 * were inserted by one statement (insert.ts) — and a simulated day does not depend on random ids.
 */
let lastMs = 0;
let counter = 0;
const COUNTER_MAX = 0xfff;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function newTicketId(nowMs = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    counter = 0;
  } else if (++counter > COUNTER_MAX) {
    // More ids in one millisecond than the counter holds (or the clock went back): borrow the next one.
    lastMs++;
    counter = 0;
  }
  const ms = hex(lastMs, 12);
  const rand = randomBytes(8).toString('hex');
  const variant = (8 | (parseInt(rand[0]!, 16) & 3)).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(counter, 3)}-${variant}${rand.slice(1, 4)}-${rand.slice(4)}`;
}
