// `npm run create-admin -- [--username <name>] [--display-name <name>]`: creates an admin account
// in DATABASE_URL (or the embedded database). The password is read from standard input (first
// line) when it is not a terminal, otherwise asked for twice without echo. Weak passwords are
// refused (at least 10 characters, not the username).
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createAdmin } from '../server/auth/create-admin';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/client';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { applyMigrations } from '../server/db/migrate';
import { AppError } from '../server/errors';

const { values } = parseArgs({
  options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
  strict: true,
});

function ask(question: string, hidden = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing of what is typed (only the question itself is written).
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

const interactive = process.stdin.isTTY === true;
const username = (values.username ?? (interactive ? await ask('Username of the new admin: ') : '')).trim();
if (!username) {
  console.error('Give --username <name> (or run it in a terminal to be asked).');
  process.exit(2);
}
let password: string;
if (interactive) {
  password = await ask('Password (10+ characters, not the username): ', true);
  if ((await ask('Same password again: ', true)) !== password) {
    console.error('The two passwords differ; nothing was created.');
    process.exit(1);
  }
} else {
  password = await firstLineOfStdin();
}

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const url = config.databaseUrl ?? (embedded as { url: string }).url;
await applyMigrations(url);
const db = createDb(url, 1);
let code = 0;
try {
  const admin = await createAdmin(db, { username, password, displayName: values['display-name'] });
  console.log(`Admin "${admin.username}" created. Log in at /admin.`);
} catch (err) {
  code = 1;
  console.error(`Not created: ${err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err)}`);
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
process.exit(code);
