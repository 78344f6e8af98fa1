import { defineConfig } from 'prisma/config';

// DATABASE_URL is only needed by `prisma migrate deploy` on machines that can download Prisma's
// engines; Sportello itself applies migrations with server/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sportello' },
});
