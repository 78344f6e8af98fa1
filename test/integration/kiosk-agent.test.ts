import { execFile, spawn } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { io as connectIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent, type KioskAgent } from '../../agent/src/agent';
import { PRINT_QUEUE } from '../../server/printing/print-queue';
import { redisKeys } from '../../server/redis/keys';
import { ApiClient } from '../helpers/api';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { startCapturePrinter, type CapturePrinter } from '../helpers/capture-printer';
import { pairingCode, registerKiosk, waitFor, watchPrinterAlerts, type RegisteredKiosk } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { oneStop, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let port: number;
let url: string;
let printer: CapturePrinter;
let desk: OneStop;
let kiosk: RegisteredKiosk;
let agent: KioskAgent;
let stateDir: string;
let screen: ApiClient;
let staff: ApiClient;
const agents: KioskAgent[] = [];

// The app restarts on the same port, as a real server would: the agent keeps its address.
const start = () => startApp(space, { PORT: String(port) });

beforeAll(async () => {
  space = await createTestSpace();
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  [app, printer] = await Promise.all([start(), startCapturePrinter()]);
  desk = await oneStop(url);
  const admin = new ApiClient(url);
  await admin.login('admin');
  staff = admin;
  // The printer address is the agent's own setting; the server only knows "agent".
  kiosk = await registerKiosk(admin, { officeId: desk.officeId, name: 'Totem 1', printMode: 'agent', paperWidth: 58 });
  // The kiosk's paired screen asks for the tickets (only it may make the kiosk print).
  screen = new ApiClient(url);
  const paired = await screen.post('/api/kiosks/pair', { code: await pairingCode(admin, kiosk.id) });
  if (paired.status !== 200) throw new Error(`pairing failed: ${paired.status}`);
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-agent-'));
});

afterAll(async () => {
  for (const a of agents) await a.stop();
  await app?.stop();
  await printer?.close();
  await space?.drop();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

function launch(token: string): KioskAgent {
  const a = startAgent({
    url,
    token,
    printerInterface: printer.address,
    statusIntervalSeconds: 1,
    stateFile: path.join(stateDir, 'state.json'),
    refusedRetryMs: 60_000,
  });
  agents.push(a);
  return a;
}

const once = <T extends unknown[]>(
  a: KioskAgent,
  event: 'hello' | 'refused' | 'status' | 'duplicate' | 'disconnect',
  timeoutMs = 20_000,
) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent: no '${event}' within ${timeoutMs} ms`)), timeoutMs);
    a.once(event, (...args: unknown[]) => (clearTimeout(timer), resolve(args as T)));
  });

const issue = async (lang = 'it', kioskId = kiosk.id) => {
  // The kiosk's own paired screen; for another kiosk, staff (who may make any kiosk print).
  const r = await (kioskId === kiosk.id ? screen : staff).post('/api/tickets', { serviceId: desk.desk[0].id, lang, kioskId });
  expect(r.status).toBe(201);
  return r.body as { id: string; code: string; number: string; statusUrl: string; print: unknown };
};

describe('the kiosk agent', () => {
  it('connects with its token, reports the printer, and prints exactly one ticket per issue', async () => {
    const hello = once((agent = launch(kiosk.token)), 'hello');
    const [h] = (await hello) as [{ kioskId: string; paperWidth: number; printMode: string }];
    expect(h).toMatchObject({ kioskId: kiosk.id, paperWidth: 58, printMode: 'agent' });
    expect(agent.connected).toBe(true);

    const supervisor = new ApiClient(url);
    await supervisor.login('supervisore');
    const view = await waitFor('agent and printer online', async () => {
      const k = (await supervisor.get('/api/kiosks')).body.find((x: { id: string }) => x.id === kiosk.id);
      return k?.agentConnected && k.printerStatus === 'online' ? k : null;
    });
    expect(view.lastSeenAt).not.toBeNull();

    const t = await issue();
    expect(t.print).toEqual({ status: 'queued' });
    const docs = await printer.waitForDocuments(1);
    expect(docs).toHaveLength(1);
    expect(docs[0].qr).toEqual([t.statusUrl]);
    expect(docs[0].lines.find((l) => l.text === t.number)?.width).toBe(6);
    // 58 mm paper, as registered: nothing wider than 32 columns.
    for (const l of docs[0].lines) expect(l.text.length * l.width).toBeLessThanOrEqual(32);
    await waitFor('printed', () => space.db.printJob.findFirst({ where: { ticketId: t.id, status: 'printed' } }));
    expect(agent.stats.printed).toBe(1);
  });

  it('reports paper out, which supervisors see live and the kiosk screen learns at the next ticket', async () => {
    const { socket, alerts } = await watchPrinterAlerts(url, space, desk.officeId);
    try {
      printer.paperStatus = 0x0c;
      expect(await alerts.next((a) => a.kioskId === kiosk.id && a.status === 'paper_out')).toMatchObject({
        agentConnected: true,
        detail: 'Paper out',
      });
      const t = await issue('en');
      expect(t.print).toEqual({ status: 'unavailable', reason: 'paper_out' });
      printer.paperStatus = 0x03;
      await alerts.next((a) => a.kioskId === kiosk.id && a.status === 'paper_low');
      printer.paperStatus = 0x00;
      await alerts.next((a) => a.kioskId === kiosk.id && a.status === 'online');
    } finally {
      socket.disconnect();
    }
    expect(printer.documents()).toHaveLength(1);
  });

  it('reconnects by itself after a server restart and prints the next ticket', async () => {
    const gone = once(agent, 'disconnect');
    await app.stop();
    await gone;
    const back = once(agent, 'hello', 40_000);
    app = await start();
    await back;
    expect(agent.stats.connects).toBeGreaterThanOrEqual(2);
    await waitFor(
      'agent present again',
      async () => (await space.redis.exists(redisKeys(space.redisPrefix).kioskAgent(kiosk.id))) === 1,
    );

    const t = await issue();
    expect(t.print).toEqual({ status: 'queued' });
    const docs = await printer.waitForDocuments(2);
    expect(docs).toHaveLength(2);
    expect(docs[1].qr).toEqual([t.statusUrl]);
  });

  it('never prints the same job twice when it is delivered again', async () => {
    const job = await space.db.printJob.findFirstOrThrow({
      where: { kioskId: kiosk.id, status: 'printed' },
      orderBy: { createdAt: 'desc' },
    });
    const queue = new Queue(PRINT_QUEUE, { connection: space.redis, prefix: redisKeys(space.redisPrefix).bullPrefix() });
    try {
      // The acknowledgement was lost (as if the server died right after sending): the server
      // sends the job again; the agent recognises it and answers "duplicate" without printing.
      await space.db.printJob.update({ where: { id: job.id }, data: { status: 'sent' } });
      const dup = once(agent, 'duplicate');
      const again = await queue.add('print', { printJobId: job.id }, { jobId: `again-1-${job.id}` });
      await dup;
      await waitFor('redelivery done', async () => (await again.getState()) === 'completed');
      expect((await queue.getJob(again.id as string))?.returnvalue).toEqual({ status: 'duplicate' });
      expect((await space.db.printJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('printed');

      // Once printed, the server itself does not send it again.
      const third = await queue.add('print', { printJobId: job.id }, { jobId: `again-2-${job.id}` });
      await waitFor('second redelivery done', async () => (await third.getState()) === 'completed');
      expect((await queue.getJob(third.id as string))?.returnvalue).toEqual({ status: 'already printed' });
    } finally {
      await queue.close();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.documents()).toHaveLength(2);
    expect(agent.stats.duplicates).toBe(1);
  });

  it('refuses a wrong token', async () => {
    const wrong = launch('spk_this-is-not-the-token-of-any-kiosk');
    const [reason] = await once<[string]>(wrong, 'refused');
    expect(reason).toBe('unauthorized');
    expect(wrong.connected).toBe(false);
    expect(wrong.stats.refused).toBe(1);
    await wrong.stop();

    // The same with a bare socket.io client, without a token at all.
    const bare = connectIo(`${url}/kiosk-agent`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const err = await new Promise<Error>((resolve) => bare.once('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
    bare.disconnect();
  });

  it('an agent going away is an alert too, and the kiosk stops promising paper', async () => {
    const { socket, alerts } = await watchPrinterAlerts(url, space, desk.officeId);
    try {
      await agent.stop();
      expect(await alerts.next((a) => a.kioskId === kiosk.id && a.agentConnected === false)).toMatchObject({
        name: 'Totem 1',
        printMode: 'agent',
      });
      const t = await issue();
      expect(t.print).toEqual({ status: 'unavailable', reason: 'agent_offline' });
    } finally {
      socket.disconnect();
    }
  });

  it('runs as the one built file with plain Node, away from the repository, and prints a ticket', async () => {
    // The kiosk PC: an empty folder outside the checkout (no node_modules anywhere above it),
    // the built file, its settings file, and Node with nothing preloaded.
    const pc = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-kiosk-pc-'));
    const firstKioskPapers = printer.documents().length;
    const file = path.join(pc, 'sportello-agent.mjs');
    // Not execFileSync: a blocked event loop would miss the app closing idle keep-alive sockets.
    await promisify(execFile)(process.execPath, ['agent/build.mjs', file]);
    const admin = new ApiClient(url);
    await admin.login('admin');
    const totem = await registerKiosk(admin, { officeId: desk.officeId, name: 'Totem 2', printMode: 'agent', paperWidth: 80 });
    const printer2 = await startCapturePrinter();
    fs.writeFileSync(
      path.join(pc, 'agent.json'),
      JSON.stringify({ url, token: totem.token, printerInterface: printer2.address }),
    );
    const child = spawn(process.execPath, [file], {
      cwd: pc,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', KIOSK_AGENT_CONFIG: 'agent.json', STATUS_INTERVAL_SECONDS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = onceEvent(child, 'exit');
    try {
      await waitFor('the built agent connected', async () => output.includes('connected as kiosk "Totem 2"'), 30_000);
      const t = await issue('it', totem.id);
      expect(t.print).toEqual({ status: 'queued' });
      const docs = await printer2.waitForDocuments(1);
      expect(docs[0].qr).toEqual([t.statusUrl]);
      expect(docs[0].lines.find((l) => l.text === t.number)?.width).toBe(6);
      const job = await waitFor('printed', () => space.db.printJob.findFirst({ where: { ticketId: t.id, status: 'printed' } }));
      // It remembers the job in its default state file, beside it on the kiosk PC.
      expect(JSON.parse(fs.readFileSync(path.join(pc, 'data', 'kiosk-agent-state.json'), 'utf8'))).toEqual([job.id]);
      expect(output).toMatch(/printed \S+ \(job /);
    } finally {
      child.kill('SIGTERM');
      const [code] = await exited;
      await printer2.close();
      fs.rmSync(pc, { recursive: true, force: true });
      expect(code, output).toBe(0);
    }
    // Nothing of this kiosk went to the other kiosk's printer.
    expect(printer.documents()).toHaveLength(firstKioskPapers);
  });
});
