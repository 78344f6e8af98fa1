/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages stay out of the bundle: they hold sockets and native-ish code.
  serverExternalPackages: [
    'ioredis',
    'bullmq',
    'pg',
    '@prisma/adapter-pg',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'socket.io',
    '@socket.io/redis-adapter',
    'node-thermal-printer',
    'bcrypt',
    'pino',
    'prom-client',
    '@napi-rs/canvas',
    // Reads its font metrics from its own folder at run time.
    'pdfkit',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
  experimental: {
    // Next would load every page and route module at start. The API is answered by the custom
    // server (server/http/api-router.ts), and a kiosk or a display needs one page: load on demand
    // (issue 10: 160 MB of module source in the heap of an idle server).
    preloadEntriesOnStart: false,
  },
};
export default nextConfig;
