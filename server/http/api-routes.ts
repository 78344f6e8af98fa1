import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One API route file (app/api/…/route.ts): its URL segments (`[name]` is a parameter) and its module. */
export interface ApiRouteFile {
  segments: string[];
  load(): Promise<Record<string, unknown>>;
}

function scan(dir: string, segments: string[]): ApiRouteFile[] {
  const found: ApiRouteFile[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) found.push(...scan(path.join(dir, e.name), [...segments, e.name]));
    else if (e.name === 'route.ts') {
      const file = path.join(dir, e.name);
      found.push({ segments, load: () => import(pathToFileURL(file).href) as Promise<Record<string, unknown>> });
    }
  }
  return found;
}

/**
 * The route files, read from the folders at start. The compiled server (scripts/build-server.mjs)
 * replaces this module with the same list fixed at build time, each file a chunk of the bundle
 * imported at its first request: a bundle cannot import TypeScript files by path.
 */
export function apiRouteFiles(appDir: string): ApiRouteFile[] {
  return scan(path.join(appDir, 'api'), ['api']);
}
