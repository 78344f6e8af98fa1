/**
 * The answers of a real app process (PostgreSQL, Redis, socket.io) match contract/: every JSON
 * endpoint of contract/api.ts the screens call answers with its success status and exactly the
 * shape of its answer schema (a field the schema lacks or a field of the wrong type fails), and
 * each socket subscription acknowledges with the snapshot its schema describes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api } from '../../contract/api';
import type { CallInput, Endpoint } from '../../contract/endpoint';
import { subscriptions, type Subscription } from '../../contract/realtime';
import { urlOf } from '../../ui/http';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { CERT_DATA, CERT_STAMP, loginCodeFor, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, connectSocket, cookieOf, countersByNumber, issue, oneStop, subscribe, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let admin: ApiClient;
let operator: ApiClient;
let anon: ApiClient;
let counterId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  os = await oneStop(app.url);
  admin = await clerk(app.url, 'admin');
  operator = await clerk(app.url, 'operatore1');
  anon = new ApiClient(app.url);
  counterId = (await countersByNumber(space, os.officeId)).get(1)!.id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/**
 * Calls an endpoint as `client` and checks the answer against the endpoint's schema: parsing
 * keeps only the fields the schema names, so equality also catches a field the schema lacks.
 */
async function answer<E extends Endpoint>(
  client: ApiClient,
  e: E,
  input: CallInput<E> = {} as CallInput<E>,
): Promise<z.infer<NonNullable<E['answer']>>> {
  const res = await client.request(e.method, urlOf(e, input), input.body);
  expect(res.status, `${e.method} ${e.path}: ${JSON.stringify(res.body)}`).toBe(e.status ?? (e.answer ? 200 : 204));
  if (!e.answer) return undefined as never;
  const parsed = e.answer.safeParse(res.body);
  expect(parsed.success, `${e.method} ${e.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  expect(parsed.data, `${e.method} ${e.path} answers fields the contract does not describe`).toEqual(res.body);
  return res.body;
}

describe('public answers', () => {
  it('health, offices, catalogue, queues, display', async () => {
    await answer(anon, api.health);
    await answer(anon, api.offices);
    await answer(anon, api.categories, { query: { officeId: os.officeId } });
    await answer(anon, api.services, { query: { lang: 'en' } });
    await answer(anon, api.queues);
    await answer(anon, api.display, { query: { officeId: os.officeId } });
  });

  it('a ticket: issued, its public status, cancelled', async () => {
    const t = await answer(anon, api.issueTicket, { body: { serviceId: os.desk[0].id, lang: 'en' } });
    await answer(anon, api.ticket, { params: { code: t.code } });
    await answer(anon, api.cancelTicket, { params: { code: t.code } });
  });
});

describe('staff answers', () => {
  it('login, me, colleagues, services, counters', async () => {
    await answer(new ApiClient(app.url), api.login, { body: { username: 'operatore2', password: 'sportello' } });
    await answer(operator, api.me);
    await answer(operator, api.colleagues, { query: { officeId: os.officeId } });
    await answer(operator, api.myServices);
    await answer(operator, api.counters, { query: { officeId: os.officeId } });
  });

  it('a visit at the counter, from opening to closing', async () => {
    const service = os.desk[0].id;
    await answer(operator, api.openCounter, { params: { id: counterId }, body: { serviceIds: [service] } });
    expect(await operator.post(`/api/counters/${counterId}/call-next`)).toMatchObject({ status: 204 });
    await issue(anon, service);
    const { ticket } = await answer(operator, api.callNext, { params: { id: counterId } });
    const params = { id: ticket.id };
    await answer(operator, api.recall, { params });
    await answer(operator, api.start, { params });
    await answer(operator, api.complete, { params, body: { outcome: 'done' } });
    await issue(anon, service);
    const next = await answer(operator, api.callNext, { params: { id: counterId } });
    await answer(operator, api.transfer, { params: { id: next.ticket.id }, body: { serviceId: os.desk[1].id } });
    await issue(anon, service);
    const third = await answer(operator, api.callNext, { params: { id: counterId } });
    await answer(operator, api.noShow, { params: { id: third.ticket.id } });
    await answer(operator, api.pauseCounter, { params: { id: counterId } });
    await answer(operator, api.resumeCounter, { params: { id: counterId } });
    await answer(operator, api.closeCounter, { params: { id: counterId } });
  });

  it('the supervisor: live view, a queue, moving a ticket, statistics', async () => {
    const supervisor = await clerk(app.url, 'supervisore');
    const t = await issue(anon, os.desk[0].id);
    await answer(supervisor, api.supervisor, { query: { officeId: os.officeId } });
    const queue = await answer(supervisor, api.serviceQueue, { params: { serviceId: os.desk[0].id } });
    expect(queue.tickets.map((w) => w.id)).toContain(t.id);
    await answer(supervisor, api.moveTicket, { params: { id: t.id }, body: { serviceId: os.desk[1].id } });
    const day = new Date().toISOString().slice(0, 10);
    await answer(supervisor, api.stats, { query: { from: day, to: day, groupBy: 'service', officeId: os.officeId } });
  });
});

describe('kiosk administration answers', () => {
  it('list, register, read, change, test print, new token, deactivate', async () => {
    const created = await answer(admin, api.createKiosk, {
      body: { officeId: os.officeId, name: 'Contratto', printMode: 'none' },
    });
    const params = { id: created.kiosk.id };
    await answer(admin, api.kiosks, { query: { officeId: os.officeId } });
    await answer(admin, api.kiosk, { params });
    await answer(admin, api.updateKiosk, { params, body: { name: 'Contratto 2' } });
    await answer(admin, api.testPrint, { params });
    await answer(admin, api.rotateKioskToken, { params });
    await answer(admin, api.deactivateKiosk, { params });
  });
});

describe('appointment answers', () => {
  it('services, availability, booking, the manage link, the counters’ day', async () => {
    const services = await answer(anon, api.bookableServices);
    const service = services.find((s) => s.code === 'carta-identita-elettronica')!;
    const officeId = service.offices[0].id;
    // Every day, 08:00–20:00, two places per slot: something is always free in the next days.
    await space.db.schedule.update({
      where: { officeId_serviceId: { officeId, serviceId: service.id } },
      data: {
        capacity: 2,
        minNoticeMinutes: 60,
        hours: { deleteMany: {}, create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })) },
      },
    });
    const availability = await answer(anon, api.availability, { query: { serviceId: service.id, officeId } });
    const after = Date.now() + 50 * 3600_000;
    const [first, second] = availability.days
      .flatMap((d) => d.slots.filter((s) => s.free === 2 && Date.parse(s.startsAt) > after))
      .map((s) => s.startsAt);
    // Online: pending until the e-mailed link confirms it. At the counter: booked at once.
    const pending = await answer(anon, api.book, {
      body: {
        serviceId: service.id,
        officeId,
        startsAt: first,
        name: 'Maria Rossi',
        email: 'maria@example.org',
        privacyConsent: true,
      },
    });
    expect(pending.status).toBe('pending');
    const booked = await answer(operator, api.book, {
      body: {
        serviceId: service.id,
        officeId,
        startsAt: first,
        name: 'Maria Rossi',
        phone: '333 1234567',
        privacyConsent: true,
        channel: 'counter',
      },
    });
    if (!('token' in booked)) throw new Error('a booking at the counter is booked at once');
    const params = { token: booked.token };
    await answer(anon, api.appointment, { params });
    const moved = await answer(anon, api.reschedule, { params, body: { startsAt: second } });
    await answer(anon, api.cancelAppointment, { params: { token: moved.token } });
    // Names and phones: for staff who work in that office.
    await answer(await clerk(app.url, 'anagrafe1'), api.todayAppointments, { query: { officeId } });
  });

  it('schedules, closures, patron day', async () => {
    const answerSchedules = await answer(admin, api.schedules, { query: { officeId: os.officeId } });
    const s = await space.db.schedule.findFirstOrThrow({ include: { hours: true } });
    await answer(admin, api.putSchedule, {
      body: { officeId: s.officeId, serviceId: s.serviceId, hours: [{ weekday: 1, opens: '09:00', closes: '12:00' }] },
    });
    expect(answerSchedules.offices.length).toBe(1);
    const closure = await answer(admin, api.addClosure, {
      body: {
        officeId: os.officeId,
        fromDay: '2030-01-02',
        toDay: '2030-01-03',
        reason: { it: 'Inventario', en: 'Stocktaking' },
      },
    });
    await answer(admin, api.removeClosure, { params: { id: closure.id } });
    await answer(admin, api.patronDay, {
      body: { officeId: os.officeId, patronDay: { month: 8, day: 7, name: { it: 'San Donato', uk: 'Святий Донат' } } },
    });
    await answer(admin, api.patronDay, { body: { officeId: os.officeId, patronDay: null } });
  });
});

describe('administration answers', () => {
  it('services and categories', async () => {
    const categories = await answer(admin, api.adminCategories);
    const services = await answer(admin, api.adminServices, { query: { officeId: os.officeId } });
    const service = await answer(admin, api.createService, {
      body: {
        code: 'contratto-test',
        name: { it: 'Prova', en: 'Test', ar: 'تجربة' },
        prefix: 'Q',
        categoryId: categories[0].id,
        officeId: os.officeId,
      },
    });
    await answer(admin, api.updateService, { params: { id: service.id }, body: { keywords: 'prova' } });
    expect(services.length).toBeGreaterThan(0);
    const category = await answer(admin, api.createCategory, { body: { slug: 'contratto', name: { it: 'Prova', zh: '试验' } } });
    await answer(admin, api.updateCategory, { params: { id: category.id }, body: { icon: '📄' } });
    await answer(admin, api.reorderCategories, { body: { ids: [category.id, ...categories.map((c) => c.id)] } });
  });

  it('counters, displays, offices and hours, staff, audit', async () => {
    await answer(admin, api.adminCounters, { query: { officeId: os.officeId } });
    const counter = await answer(admin, api.createCounter, { body: { officeId: os.officeId, number: 90, name: 'Sportello 90' } });
    await answer(admin, api.updateCounter, { params: { id: counter.id }, body: { name: 'Sportello novanta' } });
    await answer(admin, api.deleteCounter, { params: { id: counter.id } });

    await answer(admin, api.adminDisplays, { query: { officeId: os.officeId } });
    const display = await answer(admin, api.createDisplay, {
      body: {
        officeId: os.officeId,
        name: 'Prova',
        slug: 'prova-contratto',
        ticker: [{ it: 'Benvenuti', en: 'Welcome' }, { it: 'Solo italiano' }],
      },
    });
    await answer(admin, api.updateDisplay, { params: { id: display.id }, body: { name: 'Prova 2' } });
    await answer(admin, api.deleteDisplay, { params: { id: display.id } });

    await answer(admin, api.adminOffices);
    const office = await answer(admin, api.createOffice, {
      body: { slug: 'contratto', name: { it: 'Ufficio prova', en: 'Test office' } },
    });
    await answer(admin, api.updateOffice, { params: { id: office.id }, body: { address: 'Via Roma 1' } });
    await answer(admin, api.officeHours, {
      params: { id: office.id },
      body: { hours: [{ weekday: 1, opens: '08:30', closes: '12:30' }], lastTicketMinutes: 15 },
    });

    await answer(admin, api.adminStaff);
    const staff = await answer(admin, api.createStaff, {
      body: {
        username: 'contratto',
        password: 'una-password',
        displayName: 'Prova',
        skills: [{ serviceId: os.desk[0].id, weight: 2 }],
      },
    });
    await answer(admin, api.updateStaff, { params: { id: staff.id }, body: { displayName: 'Prova 2' } });
    await answer(admin, api.setPassword, { params: { id: staff.id }, body: { password: 'altra-password' } });

    await answer(admin, api.audit, { query: { limit: 5 } });
  });
});

describe('portal answers', () => {
  it('sign-in, online services, a procedure from submission to completion, the desk, tracking, forms', async () => {
    const citizen = new ApiClient(app.url);
    await answer(citizen, api.citizenLogin, { body: { email: 'answers@example.org', lang: 'en' } });
    await answer(citizen, api.citizenLoginVerify, {
      body: { email: 'answers@example.org', code: await loginCodeFor(app, 'answers@example.org'), lang: 'en' },
    });
    await answer(citizen, api.citizenMe);
    await answer(citizen, api.updateCitizenMe, { body: { lang: 'en' } });
    const online = await answer(anon, api.portalServices);
    const certificate = online.find((s) => s.form.fields.some((f) => f.name === 'intestatario'))!;
    const p = await answer(citizen, api.submitProcedure, {
      body: { serviceId: certificate.id, data: CERT_DATA, stampDuty: CERT_STAMP },
    });
    await answer(citizen, api.procedures);
    await answer(citizen, api.procedure, { params: { id: p.id } });

    const op = await clerk(app.url, 'operatore1');
    await answer(op, api.procedures, { query: { status: 'submitted' } });
    await answer(op, api.procedure, { params: { id: p.id } });
    await answer(op, api.takeProcedure, { params: { id: p.id }, body: {} });
    await answer(op, api.requestProcedureInfo, { params: { id: p.id }, body: { citizenNote: 'Una copia' } });
    await answer(citizen, api.replyProcedure, { params: { id: p.id }, body: { citizenNote: 'Eccola' } });
    await answer(op, api.completeProcedure, { params: { id: p.id }, body: {} });
    await answer(anon, api.trackProcedure, { params: { trackingCode: p.trackingCode } });

    const second = await answer(citizen, api.submitProcedure, {
      body: { serviceId: certificate.id, data: CERT_DATA, stampDuty: CERT_STAMP },
    });
    await answer(op, api.takeProcedure, { params: { id: second.id }, body: {} });
    await answer(op, api.rejectProcedure, { params: { id: second.id }, body: { citizenNote: 'Non residente' } });
    const third = await answer(op, api.openProcedureAtDesk, {
      body: { serviceId: certificate.id, citizen: { email: 'answers@example.org' }, data: CERT_DATA },
    });
    await answer(citizen, api.withdrawProcedure, { params: { id: third.id }, body: {} });

    const admin = await clerk(app.url, 'admin');
    const form = await answer(admin, api.serviceForm, { params: { id: certificate.id } });
    await answer(admin, api.saveServiceForm, {
      params: { id: certificate.id },
      body: {
        // What the admin read goes back as it came: a new version of the same form.
        fields: form.fields,
      },
    });
    await answer(citizen, api.citizenLogout);
  });
});

describe('socket acknowledgements', () => {
  it('each subscription answers the snapshot its schema describes', async () => {
    const t = await issue(anon, os.desk[0].id);
    const counter = await clerk(app.url, 'operatore3');
    const counter3 = (await countersByNumber(space, os.officeId)).get(3)!.id;
    await counter.post(`/api/counters/${counter3}/open`);
    const supervisor = await clerk(app.url, 'supervisore');
    const citizen = await signedInCitizen(app, 'contract@example.org');
    const certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
    const procedure = await citizen.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(procedure.status).toBe(201);
    const payloads: { [E in Subscription]: [cookie: string | undefined, payload: unknown] } = {
      'display:subscribe': [undefined, { officeId: os.officeId }],
      'ticket:subscribe': [undefined, { code: t.code }],
      'counter:subscribe': [cookieOf(counter), { counterId: counter3 }],
      'supervisor:subscribe': [cookieOf(supervisor), { officeId: os.officeId }],
      'kiosk:subscribe': [undefined, {}],
      'procedure:subscribe': [cookieOf(citizen), { id: procedure.body.id }],
      'portal:subscribe': [cookieOf(citizen), {}],
      'procedures:subscribe': [cookieOf(supervisor), { officeId: os.officeId }],
    };
    for (const [event, [cookie, payload]] of Object.entries(payloads) as [Subscription, [string | undefined, unknown]][]) {
      const socket = await connectSocket(app.url, cookie);
      try {
        const ack = await subscribe<unknown>(socket, event, payload);
        expect(ack.ok, `${event}: ${JSON.stringify(ack)}`).toBe(true);
        if (!ack.ok) continue;
        const schema = subscriptions[event].answer as z.ZodType;
        const parsed = schema.safeParse(ack.data);
        expect(parsed.success, `${event}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(parsed.data, `${event} sends fields the contract does not describe`).toEqual(ack.data);
      } finally {
        socket.disconnect();
      }
    }
  });
});
