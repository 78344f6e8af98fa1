import type { Ticket } from '../db/generated/client';
import type { SqlRunner } from '../db/sql';
import { insertTickets, type NewTicket } from './insert';

/** Past this many, the rest wait for the next statement: one statement's arrays stay small. */
const MAX_BATCH = 100;

interface Waiting {
  ticket: NewTicket;
  resolve: (row: Ticket) => void;
  reject: (err: unknown) => void;
}

/**
 * Walk-in tickets of one numbering lane (office, local day, prefix) go to PostgreSQL one
 * statement at a time per process: while one is under way, the tickets that arrive wait here and
 * then go together, numbered in their order of arrival (insert.ts insertTickets).
 *
 * Why: every ticket of a lane updates the same sequence row, whose lock is held until the commit.
 * With 50 kiosks sending at once, PostgreSQL woke every waiting backend at each commit only for
 * all but one to wait again; that cost as much CPU as the inserts themselves (issue 10: 0.86 ms of
 * PostgreSQL CPU per ticket, 0.48 ms once nothing waited on the row). No timer: a ticket goes at
 * once when its lane is idle, so a quiet office waits for nothing. Other processes still meet on
 * the row, one statement each at most.
 *
 * If a statement of several fails, each of its tickets is tried alone, so that one bad ticket
 * (a service deleted meanwhile) does not fail its neighbours.
 */
export class TicketInsertBatcher {
  private readonly lanes = new Map<string, Waiting[]>();

  constructor(private readonly db: SqlRunner) {}

  insert(ticket: NewTicket): Promise<Ticket> {
    const key = `${ticket.officeId}\u0000${ticket.day}\u0000${ticket.prefix}`;
    return new Promise<Ticket>((resolve, reject) => {
      const waiting = this.lanes.get(key);
      const item = { ticket, resolve, reject };
      if (waiting) {
        waiting.push(item);
        return;
      }
      this.lanes.set(key, []);
      void this.drain(key, [item]);
    });
  }

  private async drain(key: string, first: Waiting[]): Promise<void> {
    let batch = first;
    while (batch.length > 0) {
      await this.send(batch);
      const waiting = this.lanes.get(key) ?? [];
      batch = waiting.splice(0, MAX_BATCH);
      if (waiting.length === 0 && batch.length === 0) this.lanes.delete(key);
    }
  }

  private async send(batch: Waiting[]): Promise<void> {
    try {
      const rows = await insertTickets(
        this.db,
        batch.map((w) => w.ticket),
      );
      if (rows.length !== batch.length) throw new Error(`insertTickets returned ${rows.length} rows for ${batch.length}`);
      // Rows come back in the order of their numbers, which is the batch's order.
      batch.forEach((w, i) => w.resolve(rows[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const w of batch) await this.send([w]);
    }
  }
}
