/**
 * `node --import tsx bench/profile-summary.ts FILE.cpuprofile`: where a CPU profile's time went,
 * by package or project folder and by function (self time), and the project functions with the
 * most total time (self + callees). What the README's performance section quotes.
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function area(url: string): string {
  if (!url) return '(native/idle)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const project = /\/work\/[^/]+\/(?:\.next\/server\/chunks\/)?([^/]+)/.exec(url);
  return project ? project[1] : url;
}

const maps = new Map<string, SourceMap | null>();

/**
 * A frame of the compiled server (dist/server) where it was written, by the bundle's source maps
 * (so they must still be the build that was profiled): the areas and lines below are the sources'.
 */
function original(f: CallFrame): CallFrame {
  if (!f.url.startsWith('file://') || !f.url.includes('/dist/server/')) return f;
  const file = fileURLToPath(f.url);
  let map = maps.get(file);
  if (map === undefined) {
    map = fs.existsSync(`${file}.map`) ? new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))) : null;
    maps.set(file, map);
  }
  const e = map?.findEntry(f.lineNumber, f.columnNumber);
  if (!e || !('originalSource' in e)) return f;
  return { ...f, url: new URL(e.originalSource, pathToFileURL(file)).href, lineNumber: e.originalLine };
}

const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
for (const n of profile.nodes) n.callFrame = original(n.callFrame);
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const byArea = new Map<string, number>();
const byFn = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, ms] of self) {
  const n = byId.get(id)!;
  const name = n.callFrame.functionName || '(anonymous)';
  const a = name === '(idle)' || name === '(program)' || name === '(garbage collector)' ? name : area(n.callFrame.url);
  byArea.set(a, (byArea.get(a) ?? 0) + ms);
  const key = `${name} ${a}:${n.callFrame.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
  // Total time of project functions: each sample counts once per distinct function on its stack.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    if (!f.url || f.url.includes('node_modules') || f.url.startsWith('node:')) continue;
    const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/work\/[^/]+\//, '')}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`);
show('Self time by package / project folder', byArea);
show('Self time by function', byFn);
show('Total time of project functions', inclusive);
