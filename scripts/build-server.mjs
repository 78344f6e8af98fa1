// Compiles the custom server (server/main.ts and what it imports, the API route files included)
// to plain JavaScript in dist/server, so production does not transpile TypeScript at run time:
// tsx's loader runs its module hooks in a thread of its own, with its own V8 heap, and keeps every
// transpiled file's source map (issue 10: idle memory). Packages stay in node_modules.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const SERVER_OUT = 'dist/server';
export const SERVER_MAIN = `${SERVER_OUT}/main.mjs`;

function routeFiles(dir, segments) {
  const found = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) found.push(...routeFiles(path.join(dir, e.name), [...segments, e.name]));
    else if (e.name === 'route.ts') found.push({ segments, file: path.join(dir, e.name) });
  }
  return found;
}

/**
 * server/http/api-routes.ts finds the route files when the server starts; a bundle cannot import
 * a TypeScript file by path, so here the module becomes the same list written out, each route an
 * `import()` esbuild turns into a chunk loaded at the route's first request, as from source.
 */
const apiRoutesFixed = {
  name: 'api-routes-fixed',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]http[\\/]api-routes\.ts$/ }, () => {
      const routes = routeFiles(path.resolve('app/api'), ['api']);
      const entries = routes.map(
        (r) => `  { segments: ${JSON.stringify(r.segments)}, load: () => import(${JSON.stringify(r.file)}) },`,
      );
      return {
        contents: `export function apiRouteFiles() {\n  return [\n${entries.join('\n')}\n  ];\n}\n`,
        loader: 'js',
        resolveDir: path.resolve('server/http'),
        watchFiles: routes.map((r) => r.file),
      };
    });
  },
};

export async function buildServer() {
  fs.rmSync(SERVER_OUT, { recursive: true, force: true });
  await esbuild.build({
    // The wait estimate's thread (server/estimates/estimate-thread.ts) loads its own entry.
    entryPoints: { main: 'server/main.ts', 'estimate-worker': 'server/estimates/estimate-worker.ts' },
    outdir: SERVER_OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Stack traces name the original files with `node --enable-source-maps dist/server/main.mjs`.
    sourcemap: 'linked',
    // No keepNames: its `__name()` wrapper around every function made per call (what tsx adds)
    // costs time on hot paths. Not minified: stack traces stay readable without the source maps.
    logLevel: 'warning',
    plugins: [apiRoutesFixed],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await buildServer();
  console.log(`${SERVER_MAIN} built in ${Date.now() - started} ms`);
}
