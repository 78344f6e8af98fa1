import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../free-port';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite is single-process: a second Sportello on the same folder would corrupt it. A lock file
 * with the owner's pid refuses that clearly; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'pglite.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(
          `Another Sportello (pid ${pid}) is using the embedded database in ${dataDir}. Stop it, or set DATA_DIR to another folder, or DATABASE_URL.`,
        );
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

/**
 * The zero-configuration database: PGlite (PostgreSQL compiled to WebAssembly) stored under
 * `dataDir`, served on a private loopback port so the same pg driver and Prisma adapter serve it
 * and a production PostgreSQL alike. PGlite runs one transaction at a time, which is fine for a
 * demo or a small office; production uses DATABASE_URL.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  const db = await PGlite.create(dir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
