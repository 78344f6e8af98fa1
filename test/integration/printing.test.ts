import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_QUEUE } from '../../server/printing/print-queue';
import { redisKeys } from '../../server/redis/keys';
import { ApiClient } from '../helpers/api';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { startCapturePrinter, type CapturePrinter } from '../helpers/capture-printer';
import { pairingCode, registerKiosk, waitFor, watchPrinterAlerts } from '../helpers/kiosks';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { expectApiError, oneStop, type OneStop } from '../helpers/sportello';
import { textOf } from '../../server/db/texts';

let space: TestSpace;
let app: TestApp;
let printer: CapturePrinter;
let desk: OneStop;
let admin: ApiClient;
let supervisor: ApiClient;
let operator: ApiClient;
const sockets: Socket[] = [];
const kioskApi = () => new ApiClient(app.url);
/** The kiosk's paired screen: only it (or staff) may make the kiosk print. */
async function screenOf(kioskId: string): Promise<ApiClient> {
  const screen = new ApiClient(app.url);
  const r = await screen.post('/api/kiosks/pair', { code: await pairingCode(admin, kioskId) });
  if (r.status !== 200) throw new Error(`pairing failed: ${r.status}`);
  return screen;
}

beforeAll(async () => {
  space = await createTestSpace();
  // The capture printer listens on loopback: the tests opt in to it (refused by default).
  [app, printer] = await Promise.all([startApp(space, { PRINTER_NETWORKS: '127.0.0.0/8' }), startCapturePrinter()]);
  desk = await oneStop(app.url);
  admin = new ApiClient(app.url);
  supervisor = new ApiClient(app.url);
  operator = new ApiClient(app.url);
  await Promise.all([admin.login('admin'), supervisor.login('supervisore'), operator.login('operatore1')]);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
  await printer?.close();
  await space?.drop();
});

const service = () => desk.byPrefix.get('A') ?? desk.desk[0];

describe('kiosk registration', () => {
  it('only admins register kiosks; the token is shown once and only its hash is stored', async () => {
    const body = {
      officeId: desk.officeId,
      name: 'Ingresso',
      printMode: 'server',
      printerInterface: printer.address,
      locationHint: { it: 'Sportelli al piano terra', en: 'Counters on the ground floor' },
    };
    expectApiError(await kioskApi().post('/api/kiosks', body), 401);
    expectApiError(await operator.post('/api/kiosks', body), 403);
    expectApiError(await supervisor.post('/api/kiosks', body), 403);
    expectApiError(await admin.post('/api/kiosks', { ...body, printerInterface: 'http://printer' }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/kiosks', { ...body, paperWidth: 70 }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/kiosks', { ...body, printerInterface: 'none' }), 422, 'printer_interface_required');
    expectApiError(await admin.post('/api/kiosks', { ...body, officeId: 'nope' }), 404);
    // A hint in English only: the Italian is missing.
    expectApiError(await admin.post('/api/kiosks', { ...body, locationHint: { en: 'Ground floor' } }), 400, 'invalid_input');

    const created = await admin.post('/api/kiosks', body);
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^spk_[A-Za-z0-9_-]{40,}$/);
    expect(created.body.kiosk).toMatchObject({
      name: 'Ingresso',
      printMode: 'server',
      printerType: 'epson',
      paperWidth: 80,
      active: true,
      printerStatus: 'unknown',
    });
    expect(created.body.kiosk.kioskUrl).toMatch(new RegExp(`/kiosk\\?kiosk=${created.body.kiosk.id}$`));
    expect(JSON.stringify(created.body.kiosk)).not.toContain('token');
    const row = await space.db.kiosk.findUniqueOrThrow({ where: { id: created.body.kiosk.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(created.body.token).digest('hex'));

    expectApiError(await operator.get('/api/kiosks'), 403);
    const list = await supervisor.get(`/api/kiosks?officeId=${desk.officeId}`);
    expect(list.status).toBe(200);
    expect(list.body.map((k: { id: string }) => k.id)).toContain(created.body.kiosk.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const id = created.body.kiosk.id;
    expectApiError(await supervisor.request('PATCH', `/api/kiosks/${id}`, { name: 'x' }), 403);
    expectApiError(await admin.request('PATCH', `/api/kiosks/${id}`, {}), 400);
    expectApiError(await admin.request('PATCH', `/api/kiosks/${id}`, { tokenHash: 'x' }), 400);
    const patched = await admin.request('PATCH', `/api/kiosks/${id}`, { name: 'Ingresso principale', paperWidth: 58 });
    expect(patched.body).toMatchObject({ name: 'Ingresso principale', paperWidth: 58 });
    const rotated = await admin.post(`/api/kiosks/${id}/token`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(created.body.token);
    expect((await space.db.kiosk.findUniqueOrThrow({ where: { id } })).tokenHash).toBe(
      createHash('sha256').update(rotated.body.token).digest('hex'),
    );
    expectApiError(await admin.request('PATCH', '/api/kiosks/nope', { name: 'x' }), 404);
  });
});

describe('printing from the server (single-machine mode) to a network printer', () => {
  it('prints the ticket: office, service, number, footer in the citizen language, the phone URL as QR, a cut', async () => {
    const kiosk = await registerKiosk(admin, {
      officeId: desk.officeId,
      name: 'Atrio',
      printMode: 'server',
      printerInterface: printer.address,
      locationHint: { it: 'Sportelli al piano terra' },
    });
    const before = printer.documents().length;
    const screen = await screenOf(kiosk.id);
    const r = await screen.post('/api/tickets', { serviceId: service().id, lang: 'it', kioskId: kiosk.id });
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'queued' });

    const [doc] = (await printer.waitForDocuments(before + 1)).slice(before);
    const text = doc.lines.map((l) => l.text);
    const svc = await space.db.service.findUniqueOrThrow({ where: { id: service().id }, include: { office: true } });
    const office = textOf(svc.office.name);
    const name = textOf(svc.name);
    expect(text).toContain(office.it);
    expect(text).toContain(name.it);
    expect(doc.lines.find((l) => l.text === r.body.number)).toMatchObject({ width: 6, bold: true });
    expect(text).toContain('Sportelli al piano terra');
    expect(text.join('\n')).toContain('Attenda che il suo numero compaia sullo schermo.');
    expect(doc.qr).toEqual([r.body.statusUrl]);
    expect(doc.cut).toBe(true);

    const job = await waitFor('printed job', () =>
      space.db.printJob.findFirst({ where: { ticketId: r.body.id, status: 'printed' } }),
    );
    expect(job).toMatchObject({ kind: 'ticket', attempts: 1, lastError: null });
    expect(job.printedAt).not.toBeNull();
    expect((await space.db.kiosk.findUniqueOrThrow({ where: { id: kiosk.id } })).printerStatus).toBe('online');

    // English ticket: English footer.
    const en = await screen.post('/api/tickets', { serviceId: service().id, lang: 'en', kioskId: kiosk.id });
    const [enDoc] = (await printer.waitForDocuments(before + 2)).slice(before + 1);
    expect(enDoc.lines.map((l) => l.text)).toContain(name.en);
    // The hint has no English: the Italian is printed (the fallback rule).
    expect(enDoc.lines.map((l) => l.text)).toContain('Sportelli al piano terra');
    expect(enDoc.lines.map((l) => l.text).join('\n')).toContain('Wait until your number appears on the screen.');
    expect(enDoc.qr).toEqual([en.body.statusUrl]);

    // Delivered again by BullMQ (a retry, a stalled job): the printed job is not printed twice.
    const queue = new Queue(PRINT_QUEUE, { connection: space.redis, prefix: redisKeys(space.redisPrefix).bullPrefix() });
    const again = await queue.add('print', { printJobId: job.id }, { jobId: `again-${job.id}` });
    await waitFor('redelivered job done', async () => (await again.getState()) === 'completed');
    expect((await queue.getJob(again.id as string))?.returnvalue).toEqual({ status: 'already printed' });
    await queue.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.documents()).toHaveLength(before + 2);
  });

  it('a refused printer connection: the job is retried, the kiosk and supervisors are told, the ticket stays valid; printing resumes when the printer is back', async () => {
    const port = await freePort(); // nothing listens there: connections are refused
    const kiosk = await registerKiosk(admin, {
      officeId: desk.officeId,
      name: 'Sala B',
      printMode: 'server',
      printerInterface: `tcp://127.0.0.1:${port}`,
    });
    const { socket, alerts } = await watchPrinterAlerts(app.url, space, desk.officeId);
    sockets.push(socket);

    const screen = await screenOf(kiosk.id);
    const first = await screen.post('/api/tickets', { serviceId: service().id, lang: 'it', kioskId: kiosk.id });
    expect(first.status).toBe(201);
    expect(first.body.print).toEqual({ status: 'queued' });

    const offline = await alerts.next((a) => a.kioskId === kiosk.id && a.status === 'offline');
    expect(offline).toMatchObject({ name: 'Sala B', officeId: desk.officeId, printMode: 'server', agentConnected: null });
    expect(offline.detail).toMatch(/ECONNREFUSED/);
    const retried = await waitFor('a second attempt', () =>
      space.db.printJob.findFirst({ where: { ticketId: first.body.id, attempts: { gte: 2 } } }),
    );
    expect(retried.status).toBe('queued');
    expect(retried.lastError).toMatch(/ECONNREFUSED/);

    // The ticket is valid and waiting in line.
    const pub = await kioskApi().get(`/api/tickets/${first.body.code}`);
    expect(pub.body).toMatchObject({ status: 'waiting', number: first.body.number });
    expect(typeof pub.body.position).toBe('number');

    // The next citizen is told at once: no paper, the QR code on screen is the ticket.
    const second = await screen.post('/api/tickets', { serviceId: service().id, lang: 'en', kioskId: kiosk.id });
    expect(second.status).toBe(201);
    expect(second.body.print).toEqual({ status: 'unavailable', reason: 'printer_offline' });
    expect(await space.db.printJob.count({ where: { ticketId: second.body.id } })).toBe(0);
    const list = await supervisor.get('/api/kiosks');
    expect(list.body.find((k: { id: string }) => k.id === kiosk.id)).toMatchObject({ printerStatus: 'offline' });

    // The printer comes back on the same address: a retry prints the first ticket, once.
    const back = await startCapturePrinter({ port });
    try {
      const [doc] = await back.waitForDocuments(1, 20_000);
      expect(doc.qr).toEqual([first.body.statusUrl]);
      await alerts.next((a) => a.kioskId === kiosk.id && a.status === 'online');
      const printed = await waitFor('printed', () =>
        space.db.printJob.findFirst({ where: { ticketId: first.body.id, status: 'printed' } }),
      );
      expect(printed.attempts).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(back.documents()).toHaveLength(1);
    } finally {
      await back.close();
    }
  });

  it('a test page on demand; deactivated or unknown kiosks never stop a ticket', async () => {
    const kiosk = await registerKiosk(admin, {
      officeId: desk.officeId,
      name: 'Prova',
      printMode: 'server',
      printerInterface: printer.address,
    });
    expectApiError(await operator.post(`/api/kiosks/${kiosk.id}/test-print`), 403);
    const before = printer.documents().length;
    const t = await supervisor.post(`/api/kiosks/${kiosk.id}/test-print`);
    expect(t.status).toBe(200);
    expect(t.body.print.status).toBe('queued');
    const [doc] = (await printer.waitForDocuments(before + 1)).slice(before);
    expect(doc.lines.map((l) => l.text).join('\n')).toContain('Prova di stampa');
    expect(doc.qr).toHaveLength(1);

    expect((await admin.request('DELETE', `/api/kiosks/${kiosk.id}`)).status).toBe(204);
    // Staff may ask any kiosk to print (a paired screen only its own).
    const inactive = await operator.post('/api/tickets', { serviceId: service().id, kioskId: kiosk.id });
    expect(inactive.status).toBe(201);
    expect(inactive.body.print).toEqual({ status: 'unavailable', reason: 'kiosk_inactive' });
    const unknown = await operator.post('/api/tickets', { serviceId: service().id, kioskId: 'no-such-kiosk' });
    expect(unknown.status).toBe(201);
    expect(unknown.body.print).toEqual({ status: 'unavailable', reason: 'unknown_kiosk' });
    const none = await registerKiosk(admin, { officeId: desk.officeId, name: 'Senza stampante', printMode: 'none' });
    const plain = await (await screenOf(none.id)).post('/api/tickets', { serviceId: service().id, kioskId: none.id });
    expect(plain.body.print).toBeNull();
    expect((await kioskApi().post('/api/tickets', { serviceId: service().id })).body.print).toBeNull();
    expectApiError(await kioskApi().post('/api/tickets', { serviceId: service().id, kioskId: '' }), 400);
  });
});

describe('on-screen preview', () => {
  it('renders the ticket as HTML at the paper width, with the same QR payload', async () => {
    const r = await kioskApi().post('/api/tickets', { serviceId: service().id, lang: 'en' });
    const res = await fetch(`${app.url}/api/tickets/${r.body.code}/print-preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`>${r.body.number}<`);
    expect(html).toContain(`data-qr="${r.body.statusUrl}"`);
    expect(html).toContain('data-paper="80"');
    expect(html).toContain('Print preview');
    const it58 = await (await fetch(`${app.url}/api/tickets/${r.body.code}/print-preview?width=58&lang=it`)).text();
    expect(it58).toContain('data-paper="58"');
    expect(it58).toContain('Il suo numero');
    expectApiError(await kioskApi().get(`/api/tickets/${r.body.code}/print-preview?width=70`), 400);
    expectApiError(await kioskApi().get('/api/tickets/abcdefghjkmnpqrs/print-preview'), 404);

    const kiosk = (await supervisor.get('/api/kiosks')).body[0];
    expectApiError(await operator.get(`/api/kiosks/${kiosk.id}/print-preview`), 403);
    const sample = await fetch(`${app.url}/api/kiosks/${kiosk.id}/print-preview`, {
      headers: { cookie: (supervisor as unknown as { cookie: string }).cookie },
    });
    expect(sample.status).toBe(200);
    expect(await sample.text()).toContain('class="paper"');
  });
});
