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
    'bcryptjs',
    'pino',
    'prom-client',
    '@napi-rs/canvas',
    // Reads its font metrics from its own folder at run time.
    'pdfkit',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
};
export default nextConfig;
