import type { PrintOutcome } from '../../contract/kiosks';
import { issueTicketInput, type IssuedTicket, type IssueTicketInput } from '../../contract/tickets';
import { textIn } from '../../contract/lang';
import { AppError, notFound } from '../errors';
import { log } from '../log';
import { enqueue } from '../queue/engine';
import { publishOfficeChanged } from '../realtime/publish';
import { assertWalkInOpen, walkInRulesInclude } from '../offices/walk-in';
import { processShared, rt } from '../runtime';
import { perOfficeChange } from '../realtime/changes';
import { assertMayIssue, type Issuer } from './issuer';
import { TicketInsertBatcher } from './insert-batcher';
import { businessDay } from './numbering';
import { toPublic, type TicketWithPublic } from './views';
import { textOf } from '../db/texts';
import { perDatabase } from '../db/sql';

const loadService = (serviceId: string, now: Date) =>
  rt().db.service.findUnique({ where: { id: serviceId }, include: { office: { include: walkInRulesInclude(now) } } });

/** Each service's office (services do not move): the key its shared rules are kept under. */
const officeOfService = processShared('officeOfService', () => new Map<string, string>());
const sharedRules = perOfficeChange<Awaited<ReturnType<typeof loadService>>>('serviceRules', 1_000, 'settings');

/**
 * The service and its office's walk-in rules, read once per second at most and again after an
 * admin's change of the office's settings (the service, hours, closures: publishDisplayChanged),
 * not after every ticket: every kiosk of a busy morning asks for the same few rows.
 */
async function serviceWithRules(serviceId: string, now: Date) {
  const officeId = officeOfService.get(serviceId);
  if (!officeId) {
    const service = await loadService(serviceId, now);
    if (service) officeOfService.set(serviceId, service.officeId);
    return service;
  }
  // Per day asked about: the closures read are those from the day before on.
  return sharedRules(
    officeId,
    `${serviceId}:${now.toISOString().slice(0, 10)}`,
    () => loadService(serviceId, now),
    now.getTime(),
  );
}

/**
 * A walk-in ticket, numbered, inserted and logged in one statement with the others of its lane
 * that arrive meanwhile (insert-batcher.ts). Redis is updated after the commit; if that
 * fails the ticket is still valid and the reconciler puts it in line. Outside the office's walk-in
 * hours it is refused (409 office_closed); appointment check-in does not come through here.
 */
export async function issueTicket(raw: IssueTicketInput, now = new Date()) {
  const input = issueTicketInput.parse(raw);
  const { db } = rt();
  const service = await serviceWithRules(input.serviceId, now);
  if (!service || !service.active) throw notFound('Service');
  if (service.mode !== 'desk') {
    throw new AppError(
      422,
      'service_by_appointment',
      `${textIn(textOf(service.name), 'en')} is served by appointment at ${textIn(textOf(service.office.name), 'en')}`,
      {
        officeId: service.officeId,
      },
    );
  }
  // Before anything is written: outside the walk-in hours nothing is numbered or queued.
  assertWalkInOpen(service.office, now);
  const day = businessDay(now, service.office.timeZone);
  const row = await perDatabase(db, 'ticketInserts', (runner) => new TicketInsertBatcher(runner)).insert({
    officeId: service.officeId,
    serviceId: service.id,
    prefix: service.prefix,
    day,
    priority: input.priority,
    lang: input.lang,
    queuedAt: now,
    issuedAt: now,
    eventData: { priority: input.priority },
  });
  const { office } = service;
  const ticket: TicketWithPublic = {
    ...row,
    service: { id: service.id, name: service.name, prefix: service.prefix, expectedMinutes: service.expectedMinutes },
    office: { id: office.id, name: office.name },
    counter: null,
    // Its issued event's id is not read back: the issue's answer carries no version (IssuedTicket).
    version: 0,
  };
  try {
    // Into its queue even if Redis lost the office's queues: whoever reads them next (the
    // ticket's answer, a call) rebuilds them from PostgreSQL first, and a rebuild keeps entries.
    await enqueue(ticket);
  } catch (err) {
    log.warn(
      { err, ticketId: ticket.id },
      `ticket ${ticket.number} issued but not queued in Redis yet; the reconciler will add it`,
    );
  }
  publishOfficeChanged(ticket.officeId);
  return ticket;
}

/**
 * Asks the kiosk's printer for the ticket: printing/print-jobs.ts's requestTicketPrint, handed in
 * by the caller because printing/ renders tickets and so sits above tickets/ (no folder loop).
 */
export type PrintRequest = (ticketId: string, kioskId: string) => Promise<PrintOutcome | null>;

/** `POST /api/tickets`: checks who asks for a priority or paper (issuer.ts), issues, prints. */
export async function issueTicketView(raw: IssueTicketInput, issuer: Issuer, requestPrint: PrintRequest): Promise<IssuedTicket> {
  assertMayIssue(issuer, raw);
  const ticket = await issueTicket(raw);
  // After the commit, and never failing the request: the ticket stands even without paper.
  const print = raw.kioskId ? await requestPrint(ticket.id, raw.kioskId) : null;
  const pub = await toPublic(ticket);
  return {
    id: ticket.id,
    code: ticket.code,
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    position: pub.position ?? 0,
    estimatedWaitMinutes: pub.estimatedWaitMinutes ?? 0,
    estimatedWaitMinMinutes: pub.estimatedWaitMinMinutes ?? 0,
    estimatedWaitMaxMinutes: pub.estimatedWaitMaxMinutes ?? 0,
    statusUrl: `${rt().baseUrl}/t/${ticket.code}`,
    service: {
      id: ticket.service.id,
      name: textOf(ticket.service.name),
      prefix: ticket.service.prefix,
    },
    office: { id: ticket.office.id, name: textOf(ticket.office.name) },
    issuedAt: ticket.issuedAt.toISOString(),
    /** Null when no kiosk printer is involved; `unavailable` → the kiosk shows the QR code large. */
    print: print && (print.status === 'queued' ? { status: print.status } : { status: print.status, reason: print.reason }),
  };
}
