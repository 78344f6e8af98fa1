import fs from 'node:fs';
import { startApp } from '/work/main/test/helpers/app';
import { createTestSpace } from '/work/main/test/helpers/services';
const space = await createTestSpace();
const app = await startApp(space);
await new Promise((r) => setTimeout(r, 3000));
const smaps = fs.readFileSync(`/proc/${app.child.pid}/smaps`, 'utf8');
const agg = new Map<string, number>(); let cur = '';
for (const line of smaps.split('\n')) {
  const m = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
  if (m) { cur = m[1] || '[anon]'; continue; }
  const r = /^Rss:\s+(\d+) kB/.exec(line); if (r) agg.set(cur, (agg.get(cur) ?? 0) + Number(r[1]));
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(Math.round(v / 1024)).padStart(6), 'MB', k);
await app.stop(); await space.drop(); process.exit(0);
