/**
 * A generated working day straight in the database: thousands of tickets with their TicketEvent
 * log (issued, called, recalled, started, transferred, completed, no-show, cancelled) at
 * plausible local times, across services, counters and clerks. Deterministic (seeded), and the
 * events are returned so a test can compute the expected figures itself.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { TicketEventType, TicketStatus } from '../../server/db/generated/enums';
import type { TestSpace } from './services';

export interface GenEvent {
  ticketId: string;
  officeId: string;
  type: TicketEventType;
  at: Date;
  serviceId: string;
  fromServiceId: string | null;
  counterId: string | null;
  staffId: string | null;
}

/** An appointment's write-once transition times, as the statistics read them. */
export interface GenAppointment {
  officeId: string;
  serviceId: string;
  bookedByStaffId: string | null;
  startsAt: Date;
  createdAt: Date;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  noShowAt: Date | null;
}

export interface GeneratedDay {
  officeId: string;
  events: GenEvent[];
  appointments: GenAppointment[];
  tickets: number;
  /** targetWaitMinutes of every service used. */
  targets: Map<string, number>;
}

/** Small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;

export async function generateDay(
  space: TestSpace,
  opts: {
    day: string;
    tickets: number;
    appointments?: number;
    seed?: number;
    timeZone?: string;
    officeId?: string;
    extraEdgeTickets?: boolean;
  },
): Promise<GeneratedDay> {
  const db = space.db;
  const tz = opts.timeZone ?? 'Europe/Rome';
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);

  const office = opts.officeId
    ? await db.office.findUniqueOrThrow({ where: { id: opts.officeId } })
    : await db.office.findFirstOrThrow({ where: { isOneStop: true } });
  const services = await db.service.findMany({
    where: { officeId: office.id, mode: 'desk', active: true },
    orderBy: { sortOrder: 'asc' },
    take: 12,
  });
  const counters = await db.counter.findMany({ where: { officeId: office.id }, orderBy: { number: 'asc' } });
  // The office's own clerks (specialist offices' clerks have skills elsewhere only).
  const staff = await db.staff.findMany({
    where: { role: 'operator', skills: { some: { service: { officeId: office.id } } } },
    orderBy: { username: 'asc' },
    take: counters.length,
  });
  const supervisor = await db.staff.findFirstOrThrow({ where: { role: 'supervisor' } });
  if (services.length < 3 || counters.length < 2 || staff.length < 2) throw new Error('demo office too small for the generator');
  const desks = counters.slice(0, staff.length).map((c, i) => ({ counterId: c.id, staffId: staff[i].id }));

  const events: GenEvent[] = [];
  const ticketRows: {
    id: string;
    code: string;
    number: string;
    seq: number;
    day: string;
    officeId: string;
    serviceId: string;
    originalServiceId: string;
    status: TicketStatus;
    queuedAt: Date;
    issuedAt: Date;
  }[] = [];
  const dayStart = DateTime.fromISO(opts.day, { zone: tz }).startOf('day');

  const makeTicket = (i: number, issuedAt: number) => {
    const id = `gen${randomBytes(8).toString('hex')}`;
    let serviceId = pick(services).id;
    const originalServiceId = serviceId;
    let t = issuedAt;
    const ev = (type: TicketEventType, at: number, extra: Partial<GenEvent> = {}) => {
      // Strictly increasing times per ticket: the log order never depends on row ids.
      t = Math.max(at, t + 1);
      events.push({
        ticketId: id,
        officeId: office.id,
        type,
        at: new Date(t),
        serviceId,
        fromServiceId: null,
        counterId: null,
        staffId: null,
        ...extra,
      });
    };
    ev('issued', issuedAt);
    t = issuedAt;
    let status: TicketStatus = 'waiting';
    const r = rand();
    if (r < 0.07) {
      ev('cancelled', t + between(1, 45) * MIN);
      status = 'cancelled';
    } else if (r < 0.09) {
      // Still waiting at the end of the log.
    } else {
      if (rand() < 0.05) {
        // A supervisor moves it while it waits.
        const from = serviceId;
        serviceId = pick(services.filter((s) => s.id !== from)).id;
        ev('transferred', t + between(1, 10) * MIN, { fromServiceId: from, staffId: supervisor.id });
      }
      let desk = pick(desks);
      // Waits skewed toward short ones, a tail up to ~70 min; milliseconds are random too.
      ev('called', issuedAt + Math.pow(rand(), 1.8) * 55 * MIN, { ...desk });
      const r2 = rand();
      if (r2 < 0.06) {
        ev('recalled', t + between(0.5, 2) * MIN, { ...desk });
        ev('no_show', t + between(1, 3) * MIN, { ...desk });
        status = 'no_show';
      } else if (r2 < 0.1) {
        ev('no_show', t + between(1, 4) * MIN, { ...desk });
        status = 'no_show';
      } else if (r2 < 0.12) {
        ev('started', t + between(0.2, 2) * MIN, { ...desk });
        status = 'serving'; // still at the counter when the log ends
      } else {
        if (rand() < 0.1) ev('recalled', t + between(0.5, 2) * MIN, { ...desk });
        const starts = rand() < 0.85;
        if (starts) ev('started', t + between(0.2, 2) * MIN, { ...desk });
        if (rand() < 0.1) {
          // Transferred by the clerk to another service, then served elsewhere.
          const from = serviceId;
          serviceId = pick(services.filter((s) => s.id !== from)).id;
          ev('transferred', t + between(1, 8) * MIN, { ...desk, fromServiceId: from });
          desk = pick(desks.filter((d) => d.counterId !== desk.counterId));
          ev('called', t + between(1, 30) * MIN, { ...desk });
          if (rand() < 0.7) ev('started', t + between(0.2, 1.5) * MIN, { ...desk });
        }
        ev('completed', t + between(1.5, 25) * MIN, { ...desk });
        status = 'completed';
      }
    }
    const day = DateTime.fromMillis(issuedAt, { zone: tz }).toISODate() as string;
    // The Ticket row's mutable state is deliberately not what statistics read.
    ticketRows.push({
      id,
      code: randomBytes(8).toString('hex'),
      number: `G${String(i).padStart(4, '0')}`,
      seq: i,
      day,
      officeId: office.id,
      serviceId,
      originalServiceId,
      status: status === 'waiting' || status === 'serving' ? 'cancelled' : status,
      queuedAt: new Date(issuedAt),
      issuedAt: new Date(issuedAt),
    });
  };

  for (let i = 1; i <= opts.tickets; i++) {
    // Opening hours 08:00–17:30, busier in the morning.
    const minutes = 8 * 60 + Math.pow(rand(), 1.3) * 570;
    makeTicket(i, dayStart.plus({ minutes }).toMillis() + Math.floor(rand() * 1000));
  }
  if (opts.extraEdgeTickets) {
    // Around the local midnights: the previous evening (some called after midnight), and the
    // last minute of the day (completed after midnight).
    const edge = [
      dayStart.minus({ minutes: 20 }),
      dayStart.minus({ minutes: 3 }),
      dayStart.minus({ milliseconds: 1 }),
      dayStart,
      dayStart.plus({ days: 1 }).minus({ minutes: 2 }),
      dayStart.plus({ days: 1 }).minus({ milliseconds: 1 }),
      dayStart.plus({ days: 1 }),
    ];
    edge.forEach((d, j) => makeTicket(opts.tickets + 1 + j, d.toMillis()));
  }

  for (let i = 0; i < ticketRows.length; i += 2000) await db.ticket.createMany({ data: ticketRows.slice(i, i + 2000) });
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let i = 0; i < sorted.length; i += 5000) await db.ticketEvent.createMany({ data: sorted.slice(i, i + 5000) });

  const appointments = await generateAppointments(space, {
    day: opts.day,
    count: opts.appointments ?? 0,
    officeId: office.id,
    rand,
    timeZone: tz,
    clerks: desks.map((d) => d.staffId),
    // The one-stop desk books its own desk services when it has no appointment service.
    fallbackServiceIds: services.map((s) => s.id),
  });

  const targets = new Map(
    (await db.service.findMany({ select: { id: true, targetWaitMinutes: true } })).map((s) => [s.id, s.targetWaitMinutes]),
  );
  return { officeId: office.id, events: sorted, appointments, tickets: ticketRows.length, targets };
}

/**
 * Appointments of one office whose slots fall on `day`, booked up to two weeks before (so some
 * bookings fall outside a one-day range), a fifth of them that very morning; half checked in,
 * a fifth cancelled, some no-shows, the rest still booked. 30% booked by a clerk.
 */
export async function generateAppointments(
  space: TestSpace,
  opts: {
    day: string;
    count: number;
    officeId: string;
    seed?: number;
    rand?: () => number;
    timeZone?: string;
    clerks?: string[];
    fallbackServiceIds?: string[];
  },
): Promise<GenAppointment[]> {
  const db = space.db;
  const rand = opts.rand ?? rng(opts.seed ?? 42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const dayStart = DateTime.fromISO(opts.day, { zone: opts.timeZone ?? 'Europe/Rome' }).startOf('day');
  const own = (await db.service.findMany({ where: { officeId: opts.officeId, mode: 'appointment' }, select: { id: true } })).map(
    (s) => s.id,
  );
  const pool = own.length > 0 ? own : (opts.fallbackServiceIds ?? []);
  if (pool.length === 0) throw new Error('no service to book');
  const clerks = opts.clerks ?? (await db.staff.findMany({ where: { role: 'operator' }, select: { id: true } })).map((s) => s.id);

  const appointments: GenAppointment[] = [];
  for (let i = 0; i < opts.count; i++) {
    const startsAt = dayStart.plus({ minutes: 8 * 60 + Math.floor(rand() * 36) * 15 }).toMillis();
    const createdAt = rand() < 0.2 ? dayStart.toMillis() + rand() * 8 * 60 * MIN : startsAt - between(0.5, 14 * 24 * 60) * MIN;
    const r = rand();
    appointments.push({
      officeId: opts.officeId,
      serviceId: pick(pool),
      bookedByStaffId: rand() < 0.3 && clerks.length > 0 ? pick(clerks) : null,
      startsAt: new Date(startsAt),
      createdAt: new Date(Math.floor(createdAt)),
      checkedInAt: r < 0.5 ? new Date(startsAt - Math.floor(between(0, 20) * MIN)) : null,
      cancelledAt: r >= 0.5 && r < 0.7 ? new Date(Math.floor(between(createdAt, startsAt))) : null,
      noShowAt: r >= 0.7 && r < 0.85 ? new Date(startsAt + 15 * MIN) : null,
    });
  }
  const tag = randomBytes(3).toString('hex').toUpperCase();
  await db.appointment.createMany({
    data: appointments.map((a, i) => {
      const status = a.checkedInAt ? 'checked_in' : a.cancelledAt ? 'cancelled' : a.noShowAt ? 'no_show' : 'booked';
      return {
        ...a,
        code: `G${tag}${String(i).padStart(5, '0')}`.slice(0, 12),
        endsAt: new Date(a.startsAt.getTime() + 15 * MIN),
        day: opts.day,
        status,
        channel: a.bookedByStaffId ? 'counter' : 'online',
      } as const;
    }),
  });
  return appointments;
}
