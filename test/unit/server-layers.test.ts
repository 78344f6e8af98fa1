import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * server/ is layered: infrastructure (runtime, db, redis, realtime's sender, ops) below the domain
 * folders, and the socket server (socket/), the workers (jobs/) and boot on top. A folder that
 * imports another, directly or around a loop, ties them into one knot that can only be read,
 * tested and loaded together. Type-only imports are left out: they are erased, and the runtime
 * hub (runtime.ts) must name the infrastructure's types.
 */
const SERVER = path.resolve(__dirname, '../../server');

/** The folder of a server file: its first path segment, or `(name)` for a file directly in server/. */
function folderOf(file: string): string {
  const [first, ...rest] = path.relative(SERVER, file).split(path.sep);
  return rest.length ? first : `(${first.replace(/\.tsx?$/, '')})`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Folder → folders it imports values from, with one importing file per edge (for the message). */
function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gm)) {
      const [, typeOnly, spec] = m;
      if (typeOnly) continue;
      const target = spec.startsWith('.')
        ? path.resolve(path.dirname(file), spec)
        : spec.startsWith('@/server/')
          ? path.resolve(SERVER, spec.slice('@/server/'.length))
          : null;
      if (!target || !target.startsWith(SERVER + path.sep)) continue;
      const from = folderOf(file);
      const to = folderOf(`${target}.ts`);
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `${path.relative(SERVER, file)} imports ${spec}`);
    }
  }
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan). */
function loops(graph: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('server folder layers', () => {
  it('finds a loop when there is one', () => {
    const g = new Map([
      ['tickets', new Map([['printing', 'tickets/issue.ts imports ../printing/print-jobs']])],
      ['printing', new Map([['tickets', 'printing/ticket-data.ts imports ../tickets/views']])],
      ['counters', new Map([['tickets', 'counters/calls.ts imports ../tickets/actions']])],
    ]);
    expect(loops(g)).toEqual([['printing', 'tickets']]);
  });

  it('has no import loop between server folders', () => {
    const graph = folderGraph(sourceFiles(SERVER));
    expect(graph.size).toBeGreaterThan(10);
    const described = loops(graph).map((c) =>
      c.flatMap((a) => c.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b} (${graph.get(a)!.get(b)})`)),
    );
    expect(described).toEqual([]);
  });
});
