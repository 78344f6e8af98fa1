import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type Db = PrismaClient;

/**
 * `max` connections in the pool. Interactive transactions wait up to 10 s for a connection (the
 * embedded database has a single one: PGlite's socket server interleaves the extended-protocol
 * messages of concurrent connections, which corrupts statements).
 */
export function createDb(connectionString: string, max = 10): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}
