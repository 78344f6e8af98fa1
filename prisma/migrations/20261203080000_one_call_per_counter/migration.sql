-- A counter holds at most one citizen at a time (called or being served): the database itself
-- refuses a second, so call next needs no lock held across its Redis pick (counters/calls.ts).
-- Partial indexes are outside Prisma's schema language, hence only here.
CREATE UNIQUE INDEX "Ticket_one_call_per_counter" ON "Ticket"("counterId") WHERE status IN ('called', 'serving');
