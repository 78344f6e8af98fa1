import fs from 'node:fs';
import { startApp } from '/work/main/test/helpers/app';
import { createTestSpace } from '/work/main/test/helpers/services';
const space = await createTestSpace();
const dir = '/tmp/heap'; fs.rmSync(dir, { recursive: true, force: true }); fs.mkdirSync(dir);
const app = await startApp(space, {}, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`]);
await new Promise((r) => setTimeout(r, 3000));
app.child.kill('SIGUSR2');
for (let i = 0; i < 120; i++) { await new Promise((r) => setTimeout(r, 1000)); const f = fs.readdirSync(dir); if (f.length && fs.statSync(`${dir}/${f[0]}`).size > 0) { await new Promise((r) => setTimeout(r, 5000)); break; } }
console.log(fs.readdirSync(dir));
await app.stop(); await space.drop(); process.exit(0);
