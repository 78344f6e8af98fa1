import { startApp } from './test/helpers/app';
import { startHaproxy } from './test/helpers/haproxy';
import { createTestSpace } from './test/helpers/services';
import { send } from './test/helpers/office-day';
import { oneStop } from './test/helpers/sportello';
const space = await createTestSpace();
const app = await startApp(space);
const proxy = await startHaproxy([{ name: 'a', host: '127.0.0.1', port: app.port }]);
const os = await oneStop(proxy.url);
for (const wait of [0, 1000, 5000, 11000]) {
  await new Promise((r) => setTimeout(r, wait));
  const r = await send(proxy.url, 'POST', '/api/tickets', { serviceId: os.desk[0].id });
  console.log(wait, r.status, JSON.stringify(r.body).slice(0, 200));
}
console.log(proxy.output());
await proxy.stop(); await app.stop(); await space.drop();
