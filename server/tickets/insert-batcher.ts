import type { Ticket } from '../db/generated/client';
import { Batcher } from '../db/batcher';
import type { SqlRunner } from '../db/sql';
import { insertTickets, type NewTicket } from './insert';

/**
 * Walk-in tickets of one numbering lane (office, local day, prefix) go to PostgreSQL one
 * statement at a time per process (db/batcher.ts), numbered in their order of arrival
 * (insert.ts insertTickets). Every ticket of a lane updates the same sequence row, whose lock is
 * held until the commit: with 50 kiosks sending at once, PostgreSQL woke every waiting backend at
 * each commit only for all but one to wait again, which cost as much CPU as the inserts (issue
 * 10: 0.86 ms of PostgreSQL CPU per ticket, 0.48 ms once nothing waited on the row, 0.11 ms in
 * batches). Other processes still meet on the row, one statement each at most.
 */
export class TicketInsertBatcher {
  private readonly batcher: Batcher<NewTicket, Ticket>;

  constructor(db: SqlRunner) {
    this.batcher = new Batcher({
      send: (tickets) => insertTickets(db, tickets),
      laneOf: (t) => `${t.officeId}\u0000${t.day}\u0000${t.prefix}`,
    });
  }

  insert(ticket: NewTicket): Promise<Ticket> {
    return this.batcher.run(ticket);
  }
}
