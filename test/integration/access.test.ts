/**
 * Who may do what, against the real server: printer addresses that can write files or reach
 * hosts are refused; priority tickets and kiosk paper only from a paired kiosk screen or staff,
 * anonymous web clients in a stricter rate limit; clerks read the citizens of their own offices
 * only; manage links can be revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signManageToken } from '../../server/appointments/manage-token';
import { assertPersonalDataAccess } from '../../server/auth/office-access';
import { localDay } from '../../server/schedules/slots';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { pairedKioskClient } from '../helpers/kiosks';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { cookieOf, expectApiError, oneStop, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let desk: OneStop;
let admin: ApiClient;
const WEB_LIMIT = 20;

beforeAll(async () => {
  space = await createTestSpace();
  // No PRINTER_NETWORKS: the defaults. The general limit is high, the anonymous one low.
  app = await startApp(space, { RATE_LIMIT_PER_MINUTE: '1000', WEB_TICKETS_PER_MINUTE: String(WEB_LIMIT) });
  desk = await oneStop(app.url);
  admin = new ApiClient(app.url);
  await admin.login('admin');
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

const anon = () => new ApiClient(app.url);
const service = () => desk.desk[0];

describe('printer addresses', () => {
  const kiosk = (printerInterface: string, printMode = 'server') => ({
    officeId: desk.officeId,
    name: 'Atrio',
    printMode,
    printerInterface,
  });

  it('refuses file paths at validation: only printer devices', async () => {
    for (const path of ['/tmp/ticket.bin', '/etc/passwd', '/dev/../etc/passwd', '/var/lib/postgresql/x'])
      expectApiError(await admin.post('/api/kiosks', kiosk(path)), 400, 'invalid_input');
    const created = await admin.post('/api/kiosks', kiosk('/dev/usb/lp0'));
    expect(created.status).toBe(201);
    expectApiError(
      await admin.request('PATCH', `/api/kiosks/${created.body.kiosk.id}`, { printerInterface: '/tmp/x' }),
      400,
      'invalid_input',
    );
  });

  it('refuses loopback, link-local and metadata printers without PRINTER_NETWORKS, even by host name', async () => {
    for (const address of ['tcp://127.0.0.1:9100', 'tcp://localhost:9100', 'tcp://169.254.169.254:80', 'tcp://10.1.2.3:9100'])
      expectApiError(await admin.post('/api/kiosks', kiosk(address)), 422, 'printer_address_refused');
    // An agent's printer is on the kiosk PC's network, which the server never connects to.
    const agent = await admin.post('/api/kiosks', kiosk('tcp://127.0.0.1:9100', 'agent'));
    expect(agent.status).toBe(201);
    // ...but it cannot be switched to the server printing there.
    expectApiError(
      await admin.request('PATCH', `/api/kiosks/${agent.body.kiosk.id}`, { printMode: 'server' }),
      422,
      'printer_address_refused',
    );
  });
});

describe('who may issue priority tickets and print at a kiosk', () => {
  it('anonymous web clients get plain tickets only', async () => {
    const registered = await admin.post('/api/kiosks', { officeId: desk.officeId, name: 'Ingresso', printMode: 'none' });
    const kioskId = registered.body.kiosk.id as string;
    expect((await anon().post('/api/tickets', { serviceId: service().id })).status).toBe(201);
    expectApiError(await anon().post('/api/tickets', { serviceId: service().id, priority: 'disability' }), 403, 'kiosk_required');
    expectApiError(await anon().post('/api/tickets', { serviceId: service().id, kioskId }), 403, 'kiosk_required');
    expectApiError(await anon().post('/api/appointments/check-in', { code: 'ABCD-EFGH', kioskId }), 403, 'kiosk_required');
    expect(await space.db.ticket.count({ where: { priority: { not: 'none' } } })).toBe(0);
  });

  it('a paired kiosk screen and the staff may; pairing codes are one-time and admin-only', async () => {
    const registered = await admin.post('/api/kiosks', { officeId: desk.officeId, name: 'Sala B', printMode: 'none' });
    const kioskId = registered.body.kiosk.id as string;
    const operator = new ApiClient(app.url);
    await operator.login('operatore1');
    expectApiError(await operator.post(`/api/kiosks/${kioskId}/pairing`), 403);
    expectApiError(await anon().post(`/api/kiosks/${kioskId}/pairing`), 401);

    const pairing = await admin.post(`/api/kiosks/${kioskId}/pairing`);
    expect(pairing.status).toBe(201);
    expect(pairing.body.code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(pairing.body.pairUrl).toContain(`/kiosk/pair?code=${pairing.body.code}`);
    expect(await space.db.auditLog.count({ where: { entity: 'kiosk', entityId: kioskId, action: 'pairing_code' } })).toBe(1);
    expectApiError(await anon().post('/api/kiosks/pair', { code: 'AAAAA-AAAAA' }), 403, 'pairing_invalid');

    const screen = new ApiClient(app.url);
    const paired = await screen.post('/api/kiosks/pair', { code: pairing.body.code.toLowerCase() });
    expect(paired.status).toBe(200);
    expect(paired.body.kiosk.id).toBe(kioskId);
    expectApiError(await anon().post('/api/kiosks/pair', { code: pairing.body.code }), 403, 'pairing_invalid');
    const row = await space.db.kiosk.findUniqueOrThrow({ where: { id: kioskId } });
    expect(row.screenTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await admin.get(`/api/kiosks/${kioskId}`)).body.pairedAt).not.toBeNull();

    const priority = await screen.post('/api/tickets', { serviceId: service().id, priority: 'elderly', kioskId });
    expect(priority.status, JSON.stringify(priority.body)).toBe(201);
    expect(priority.body.priority).toBe('elderly');
    const other = await admin.post('/api/kiosks', { officeId: desk.officeId, name: 'Altro', printMode: 'none' });
    expectApiError(
      await screen.post('/api/tickets', { serviceId: service().id, kioskId: other.body.kiosk.id }),
      403,
      'wrong_kiosk',
    );
    expect((await operator.post('/api/tickets', { serviceId: service().id, priority: 'pregnancy' })).status).toBe(201);

    // Pairing again replaces the credential: the first screen is a plain web client from then on.
    const again = await admin.post(`/api/kiosks/${kioskId}/pairing`);
    const second = new ApiClient(app.url);
    expect((await second.post('/api/kiosks/pair', { code: again.body.code })).status).toBe(200);
    expectApiError(await screen.post('/api/tickets', { serviceId: service().id, priority: 'elderly' }), 403, 'kiosk_required');
    expect((await second.post('/api/tickets', { serviceId: service().id, priority: 'elderly' })).status).toBe(201);
    // A deactivated kiosk's screen is refused too.
    expect((await admin.request('DELETE', `/api/kiosks/${kioskId}`)).status).toBe(204);
    expectApiError(await second.post('/api/tickets', { serviceId: service().id, priority: 'elderly' }), 403, 'kiosk_required');
  });

  it('books at once only for a paired kiosk screen: knowing a kiosk id is not enough', async () => {
    const schedule = await space.db.schedule.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
    const where = `serviceId=${schedule.serviceId}&officeId=${schedule.officeId}`;
    const days = (await anon().get(`/api/appointments/availability?${where}`)).body.days as {
      slots: { startsAt: string; free: number }[];
    }[];
    const [first, second] = days.flatMap((d) => d.slots.filter((s) => s.free > 0).map((s) => s.startsAt));
    const screen = await pairedKioskClient(app.url, admin, schedule.officeId);
    const booking = (startsAt: string) => ({
      serviceId: schedule.serviceId,
      officeId: schedule.officeId,
      startsAt,
      name: 'Anna Verdi',
      privacyConsent: true,
      channel: 'kiosk',
      kioskId: screen.kioskId,
    });
    const taken = () => space.db.appointment.count({ where: { name: 'Anna Verdi' } });
    expectApiError(await anon().post('/api/appointments', booking(first)), 403, 'kiosk_not_registered');
    expect(await taken()).toBe(0);
    const r = await screen.client.post('/api/appointments', booking(second));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('booked');
    expect(await taken()).toBe(1);
  });

  it('the kiosk page offers the priority step only to a paired screen', async () => {
    const screen = await pairedKioskClient(app.url, admin, desk.officeId);
    const page = async (cookie: string) => (await fetch(`${app.url}/kiosk`, { headers: cookie ? { cookie } : {} })).text();
    expect(await page(cookieOf(screen.client))).toContain(screen.kioskId);
    expect(await page('')).not.toContain(screen.kioskId);
  });

  it('anonymous web clients have a stricter rate limit than kiosks', async () => {
    const screen = await pairedKioskClient(app.url, admin, desk.officeId);
    // Twice the limit and one: within at most two one-minute windows at least one is refused.
    const web: number[] = [];
    for (let i = 0; i <= 2 * WEB_LIMIT; i++) web.push((await anon().post('/api/tickets', { serviceId: service().id })).status);
    expect(web).toContain(429);
    const kiosk: number[] = [];
    for (let i = 0; i <= 2 * WEB_LIMIT; i++)
      kiosk.push((await screen.client.post('/api/tickets', { serviceId: service().id })).status);
    expect(kiosk.every((s) => s === 201)).toBe(true);
  });
});

describe("citizens' personal data by office", () => {
  let specialistId: string;
  let specialistClerk: string;
  let code: string;
  let appointmentId: string;

  beforeAll(async () => {
    // A specialist office and one of its clerks (a skill for one of its services).
    const skill = await space.db.skill.findFirstOrThrow({
      where: { service: { officeId: { not: desk.officeId } }, staff: { role: 'operator' } },
      include: { service: true, staff: true },
    });
    specialistId = skill.service.officeId;
    specialistClerk = skill.staff.username;
    const office = await space.db.office.findUniqueOrThrow({ where: { id: specialistId } });
    // Today and tomorrow (office time), so the list has it whenever the request lands.
    const now = new Date();
    for (const [i, at] of [now, new Date(now.getTime() + 24 * 3600_000)].entries()) {
      const a = await space.db.appointment.create({
        data: {
          code: i === 0 ? 'TZBT7NCS' : 'TZBT7NCT',
          officeId: specialistId,
          serviceId: skill.serviceId,
          startsAt: at,
          endsAt: new Date(at.getTime() + 15 * 60_000),
          day: localDay(at, office.timeZone),
          name: 'Maria Rossi',
          phone: '+39 333 1234567',
          email: 'maria@example.invalid',
        },
      });
      if (i === 0) [code, appointmentId] = [a.code, a.id];
    }
  });

  it("a clerk reads today's appointments of the offices where they work, not of others", async () => {
    const oneStopClerk = new ApiClient(app.url);
    await oneStopClerk.login('operatore1');
    const specialist = new ApiClient(app.url);
    await specialist.login(specialistClerk);
    const supervisor = new ApiClient(app.url);
    await supervisor.login('supervisore');

    expectApiError(await oneStopClerk.get(`/api/appointments/today?officeId=${specialistId}`), 403, 'forbidden');
    expect((await oneStopClerk.get(`/api/appointments/today?officeId=${desk.officeId}`)).status).toBe(200);
    const own = await specialist.get(`/api/appointments/today?officeId=${specialistId}`);
    expect(own.status).toBe(200);
    expect(own.body.appointments.map((a: { name: string }) => a.name)).toContain('Maria Rossi');
    expectApiError(await specialist.get(`/api/appointments/today?officeId=${desk.officeId}`), 403, 'forbidden');
    // Supervisors and admins read every office by default (PERSONAL_DATA_ALL_OFFICES_ROLES).
    expect((await supervisor.get(`/api/appointments/today?officeId=${specialistId}`)).status).toBe(200);
  });

  it('holding a counter of an office opens it; PERSONAL_DATA_ALL_OFFICES_ROLES can narrow supervisors', async () => {
    const runtime = useInProcessRuntime(space);
    const staff = async (username: string) => {
      const s = await space.db.staff.findUniqueOrThrow({ where: { username } });
      return { staffId: s.id, username, displayName: s.displayName, role: s.role };
    };
    // A supervisor of the one-stop desk only (the demo's `supervisore` has every skill).
    await space.db.staff.create({
      data: {
        username: 'capodesk',
        displayName: 'Capo sportello',
        passwordHash: 'x',
        role: 'supervisor',
        skills: { create: [{ serviceId: service().id }] },
      },
    });
    const supervisor = await staff('capodesk');
    await expect(assertPersonalDataAccess(supervisor, specialistId)).resolves.toBeUndefined();
    runtime.config.personalDataAllOfficesRoles = ['admin'];
    await expect(assertPersonalDataAccess(supervisor, specialistId)).rejects.toMatchObject({ status: 403 });
    await expect(assertPersonalDataAccess(supervisor, desk.officeId)).resolves.toBeUndefined();
    await expect(assertPersonalDataAccess(await staff('admin'), specialistId)).resolves.toBeUndefined();

    const clerk = await staff('operatore1');
    await expect(assertPersonalDataAccess(clerk, specialistId)).rejects.toMatchObject({ status: 403 });
    const counter = await space.db.counter.create({ data: { officeId: specialistId, number: 99, name: 'Sportello 99' } });
    await space.db.counter.update({ where: { id: counter.id }, data: { staffId: clerk.staffId, state: 'open' } });
    await expect(assertPersonalDataAccess(clerk, specialistId)).resolves.toBeUndefined();
    await space.db.counter.update({ where: { id: counter.id }, data: { staffId: null, state: 'closed' } });
  });

  it('the office revokes the manage links of an appointment; a new one is e-mailed', async () => {
    const first = signManageToken(appointmentId, new Date(Date.now() + 7 * 86_400_000), 'test-secret', 0);
    expect((await anon().get(`/api/appointments/${first}`)).status).toBe(200);
    const oneStopClerk = new ApiClient(app.url);
    await oneStopClerk.login('operatore1');
    expectApiError(await oneStopClerk.post('/api/appointments/revoke-link', { code }), 403, 'forbidden');
    expectApiError(await anon().post('/api/appointments/revoke-link', { code }), 401);

    const specialist = new ApiClient(app.url);
    await specialist.login(specialistClerk);
    expectApiError(await specialist.post('/api/appointments/revoke-link', { code: 'ZZZZ-ZZZZ' }), 404);
    const revoked = await specialist.post('/api/appointments/revoke-link', { code: code.toLowerCase() });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toEqual({ code: `${code.slice(0, 4)}-${code.slice(4)}`, emailed: true });
    expectApiError(await anon().get(`/api/appointments/${first}`), 403, 'token_revoked');
    expectApiError(await anon().post(`/api/appointments/${first}/cancel`), 403, 'token_revoked');
    expectApiError(await anon().get(`/api/appointments/${first}/qr.svg`), 403, 'token_revoked');
    const current = signManageToken(appointmentId, new Date(Date.now() + 7 * 86_400_000), 'test-secret', 1);
    expect((await anon().get(`/api/appointments/${current}`)).status).toBe(200);
    expect(
      await space.db.auditLog.count({ where: { entity: 'appointment', entityId: appointmentId, action: 'link_revoke' } }),
    ).toBe(1);
    expect((await space.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe('booked');
  });
});
