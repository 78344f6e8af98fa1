import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../contract/api';
import type { Endpoint } from '../../contract/endpoint';
import { openApiDocument, SERVER_PATHS } from '../../server/openapi';

function routeFiles(dir: string): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...routeFiles(p));
    else if (e.name === 'route.ts') {
      const src = fs.readFileSync(p, 'utf8');
      const methods = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1].toLowerCase());
      out.push({ path: '/' + path.relative('app', dir).split(path.sep).join('/'), methods });
    }
  }
  return out;
}

type JsonContent = { content: { 'application/json': { schema: Record<string, unknown> } } };
type Op = {
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: JsonContent;
  responses: Record<string, Partial<JsonContent>>;
};

describe('OpenAPI document', () => {
  const doc = openApiDocument('http://localhost:3000');
  const paths = doc.paths as unknown as Record<string, Record<string, Op>>;
  const op = (method: string, p: string) => paths[p][method.toLowerCase()];
  // The staff ticket actions share the [code] segment with the public routes; the document names it {id}.
  const normalise = (p: string) =>
    p.replace(/\[code\]\/(recall|start|complete|no-show|transfer|move)$/, '{id}/$1').replace(/\[(\w+)\]/g, '{$1}');

  it('describes every API route and method that exists, and nothing else', () => {
    const files = routeFiles('app/api');
    expect(files.length).toBeGreaterThan(20);
    const documented = new Set(Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    // Plus the paths the custom server answers itself (GET only).
    const actual = new Set([
      ...files.flatMap((f) => f.methods.map((m) => `${m} ${normalise(f.path)}`)),
      ...SERVER_PATHS.map((p) => `get ${p}`),
    ]);
    expect([...actual].filter((x) => !documented.has(x))).toEqual([]);
    expect([...documented].filter((x) => !actual.has(x))).toEqual([]);
  });

  it('derives request bodies from the validation schemas', () => {
    const post = op('POST', '/api/tickets').requestBody!.content['application/json'].schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(post.properties).sort()).toEqual(['kioskId', 'lang', 'priority', 'serviceId']);
    expect(post.required).toEqual(['serviceId']);
  });

  it('takes every body, query and answer of contract/api.ts from its zod schemas', () => {
    for (const e of Object.values(api) as Endpoint[]) {
      const o = op(e.method, e.path);
      if (e.body)
        expect(o.requestBody?.content['application/json'].schema).toEqual(
          z.toJSONSchema(e.body, { io: 'input', unrepresentable: 'any' }),
        );
      else expect(o.requestBody).toBeUndefined();
      if (e.answer)
        expect(o.responses[String(e.status ?? 200)].content?.['application/json'].schema).toEqual(
          z.toJSONSchema(e.answer, { io: 'output', unrepresentable: 'any' }),
        );
      if (e.query) {
        const names = Object.keys((z.toJSONSchema(e.query, { io: 'input' }) as { properties: object }).properties);
        expect(o.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(names);
      }
    }
  });

  it('describes the answers the screens read, e.g. the booking answer: booked (with its ticket and channel) or pending', () => {
    const answer = op('POST', '/api/appointments').responses['201'].content!['application/json'].schema as {
      anyOf: { properties: Record<string, unknown> }[];
    };
    const [booked, pending] = answer.anyOf;
    expect(Object.keys(booked.properties)).toEqual(expect.arrayContaining(['code', 'manageUrl', 'channel', 'ticket']));
    expect(Object.keys(pending.properties)).toEqual(expect.arrayContaining(['status', 'holdUntil', 'email']));
    const stats = op('GET', '/api/stats').parameters!.filter((p) => p.in === 'query');
    expect(stats.filter((p) => p.required).map((p) => p.name)).toEqual(['from', 'to']);
  });

  it('describes the citizen sign-in under /api/citizen: the code (202), and the OpenID Connect redirects', () => {
    expect(Object.keys(op('POST', '/api/citizen/login').responses)).toContain('202');
    expect(Object.keys(op('GET', '/api/citizen/oidc/start').responses)).toContain('303');
    expect(Object.keys(op('GET', '/api/citizen/oidc/callback').responses)).toEqual(['303']);
    expect(op('GET', '/api/citizen/me').responses['200']).toBeDefined();
    expect(Object.keys(paths).filter((p) => /^\/api\/portal\/(login|logout|me)/.test(p))).toEqual([]);
  });
});
