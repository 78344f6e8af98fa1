import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument, SERVER_PATHS } from '../../server/openapi';

function routeFiles(dir: string): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...routeFiles(p));
    else if (e.name === 'route.ts') {
      const src = fs.readFileSync(p, 'utf8');
      const methods = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
      out.push({ path: '/' + path.relative('app', dir).split(path.sep).join('/'), methods });
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument('http://localhost:3000');
  // The staff ticket actions share the [code] segment with the public routes; the document names it {id}.
  const normalise = (p: string) =>
    p.replace(/\[code\]\/(recall|start|complete|no-show|transfer|move)$/, '{id}/$1').replace(/\[(\w+)\]/g, '{$1}');

  it('describes every API route and method that exists, and nothing else', () => {
    const files = routeFiles('app/api');
    expect(files.length).toBeGreaterThan(20);
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    // Plus the paths the custom server answers itself (GET only).
    const actual = new Set([
      ...files.flatMap((f) => f.methods.map((m) => `${m} ${normalise(f.path)}`)),
      ...SERVER_PATHS.map((p) => `get ${p}`),
    ]);
    expect([...actual].filter((x) => !documented.has(x))).toEqual([]);
    expect([...documented].filter((x) => !actual.has(x))).toEqual([]);
  });

  it('derives request bodies from the validation schemas', () => {
    const post = doc.paths['/api/tickets'].post.requestBody.content['application/json'].schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(post.properties).sort()).toEqual(['kioskId', 'lang', 'priority', 'serviceId']);
    expect(post.required).toEqual(['serviceId']);
  });
});
