import { startSportello } from './boot';
import { activeDisplayLinks } from './displays/resolve';

const s = await startSportello().catch((err: unknown) => {
  console.error(`\nSportello could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

const u = s.url;
console.log(`
Sportello is running${s.embeddedDir ? ` (embedded PostgreSQL in ${s.embeddedDir})` : ''}

  Kiosk            ${u}/kiosk
  Display          ${u}/display
  Counter (clerk)  ${u}/counter   (procedures: ${u}/counter/pratiche)
  Citizen portal   ${u}/portale   (sign-in codes go to DATA_DIR/outbox)
  Supervision      ${u}/admin   (live view, statistics; job queues at /admin/queues)
  Phone page       ${u}/t/<code>   (the ticket's QR code leads here)
  Booking          ${u}/book
  Live waits       ${u}/attese   (open data: ${u}/api/public/waits)
  API              ${u}/api/openapi.json
  Health           ${u}/api/health
  Metrics          ${u}/metrics
`);
const displays = await activeDisplayLinks().catch(() => []);
if (displays.length > 0)
  console.log(`Waiting-room displays:\n${displays.map((d) => `  ${d.name.padEnd(28)} ${u}${d.path}`).join('\n')}\n`);
if (s.seeded && s.seeded.staff.length > 0) {
  console.log(
    `Demo staff (password "${s.seeded.password}"): ${s.seeded.staff.map((x) => `${x.username} (${x.role})`).join(', ')}\n`,
  );
}
if (s.demoAccounts > 0) {
  const line = '!'.repeat(78);
  console.warn(`${line}
  DEMO INSTALLATION: ${s.demoAccounts} staff account(s) still have the published demo password.
  Anyone who reads the README can log in as them. Do not use this for a real office: change
  those passwords, or use DATABASE_URL and \`npm run create-admin\`.
${line}
`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    // A clean stop releases the embedded database; never hang on it.
    setTimeout(() => process.exit(1), 8000).unref();
    void s.stop().finally(() => process.exit(0));
  });
}
