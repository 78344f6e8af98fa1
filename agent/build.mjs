// `npm run build`: bundles the agent and its dependencies into one file, dist/sportello-agent.mjs
// (or the path given), which a kiosk PC runs with Node alone: `node sportello-agent.mjs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const outfile = path.resolve(process.argv[2] ?? path.join(here, 'dist', 'sportello-agent.mjs'));

await build({
  entryPoints: [path.join(here, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS dependencies call require() for Node's own modules; an ES module has none.
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// Sportello kiosk agent ${pkg.version}: one file that needs only Node ${pkg.engines.node} (Sportello's README, "Set up a kiosk PC").`,
      "import { createRequire as __agentRequire } from 'node:module';",
      'const require = __agentRequire(import.meta.url);',
    ].join('\n'),
  },
  // Optional speed-ups of the WebSocket library, loaded only if present.
  external: ['bufferutil', 'utf-8-validate'],
  legalComments: 'eof',
  logLevel: 'warning',
});
console.log(`Built ${path.relative(process.cwd(), outfile) || outfile}`);
