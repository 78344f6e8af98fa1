import { z } from 'zod';
import { api } from '../contract/api';
import type { Endpoint } from '../contract/endpoint';
import { languages } from '../contract/lang';
import { statsQuery } from '../contract/stats';
import { procedureStatsQuery } from '../contract/procedure-stats';
import { WAITS_LICENCE } from '../contract/waits';
import { adminPaths } from './admin/openapi';
import { errors, ok, pathParam, staffSecurity } from './openapi-parts';
import { portalPaths } from './procedures/openapi';

/**
 * The OpenAPI 3.1 description served at /api/openapi.json. The request bodies, query parameters
 * and JSON answers come from contract/api.ts (`withContract`): the same zod schemas validate the
 * requests, type the server's answers and the screens' client, so the document cannot drift from
 * the code. This file adds what a schema cannot say: summaries, tags, path parameters, errors.
 */
const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

const staff = staffSecurity;

/** Paths answered by the custom server itself (server/boot.ts), not by a file under app/api. */
export const SERVER_PATHS = ['/metrics'] as const;

/** Query parameters from a zod object schema (required = not optional in the schema). */
function queryParams(s: z.ZodType) {
  const js = schema(s) as { properties: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(js.properties).map(([name, p]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: p,
    ...(p.description ? { description: p.description } : {}),
  }));
}

interface Operation {
  [key: string]: unknown;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: unknown }>;
}
type Paths = Record<string, Record<string, Operation>>;

/**
 * Fills every operation of contract/api.ts with the contract's schemas: request body, query
 * parameters (path parameters stay as written) and the JSON answer of its success status.
 */
function withContract(paths: Paths): Paths {
  for (const [name, e] of Object.entries(api) as [string, Endpoint][]) {
    const op = paths[e.path]?.[e.method.toLowerCase()];
    if (!op) throw new Error(`contract/api.ts ${name}: ${e.method} ${e.path} is not described in the OpenAPI document`);
    if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: schema(e.body) } } };
    if (e.query) op.parameters = [...(op.parameters ?? []).filter((p) => p.in !== 'query'), ...queryParams(e.query)];
    if (e.answer) {
      const status = String(e.status ?? 200);
      const description = op.responses[status]?.description ?? 'OK';
      op.responses[status] = { description, content: { 'application/json': { schema: schema(e.answer, 'output') } } };
    }
  }
  return paths;
}

const statsDescription =
  "Figures from the TicketEvent log only, per local day, hour of day, service, counter or clerk (office time zone). issued/served/noShow/cancelled/transferred count events; called = first calls; wait = issued → first call; service time = start (or call) → completion; p50/p90 = continuous percentiles (PostgreSQL percentile_cont); serviceLevel = withinTarget / called (wait ≤ the service's targetWaitMinutes). Supervisors and admins.";
const html = (description: string) => ({ description, content: { 'text/html': {} } });
const previewParams = [
  {
    name: 'width',
    in: 'query',
    required: false,
    schema: { type: 'integer', enum: [58, 80] },
    description: 'Paper width in mm; default: the kiosk’s, or 80',
  },
  {
    name: 'lang',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: languages.map((l) => l.code) },
    description: 'Language; default: the ticket’s',
  },
];

const ticketAction = (summary: string, extra: object = {}) => ({
  post: {
    tags: ['counter'],
    summary,
    security: staff,
    parameters: [pathParam('id', 'Ticket id (not the public code)')],
    ...extra,
    responses: { '200': ok('{ticket: CounterTicket}'), ...errors(400, 401, 403, 404, 409, 422) },
  },
});

const counterAction = (summary: string, extra: object = {}) => ({
  post: {
    tags: ['counter'],
    summary,
    security: staff,
    parameters: [pathParam('id', 'Counter id')],
    ...extra,
    responses: { '200': ok('CounterSnapshot'), ...errors(400, 401, 403, 404, 409, 422) },
  },
});

export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sportello API',
      version: '0.1.0',
      description:
        'Queue management for a municipal one-stop desk. Errors are JSON `{error: {code, message}}`; bad input never changes anything. Realtime: socket.io at `/socket.io` (see contract/realtime.ts).',
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sportello_session' },
        citizen: { type: 'apiKey', in: 'cookie', name: 'sportello_citizen' },
        metricsToken: { type: 'http', scheme: 'bearer' },
      },
    },
    paths: withContract({
      '/api/openapi.json': { get: { tags: ['public'], summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
      '/api/health': {
        get: {
          tags: ['public'],
          summary: 'Health of the app, database and Redis',
          responses: { '200': ok('{status, db, redis}'), '503': ok('A dependency is down') },
        },
      },
      '/api/offices': {
        get: {
          tags: ['public'],
          summary:
            'Offices, each with `walkIn: {open, closesAt?, nextOpensAt?, reason?}`: whether its kiosk issues walk-in tickets now (closesAt = last ticket time)',
          responses: { '200': ok('Office list') },
        },
      },
      '/api/categories': {
        get: {
          tags: ['public'],
          summary: 'Categories with active services',
          responses: { '200': ok('Category list') },
        },
      },
      '/api/services': {
        get: {
          tags: ['public'],
          summary:
            'Active services in kiosk order: `name` of each service, office and category in `lang` (the fallback rule: that language, else English, else Italian), `names` in every language',
          responses: { '200': ok('Service list'), ...errors(400) },
        },
      },
      '/api/tickets': {
        post: {
          tags: ['public'],
          summary:
            "Take a walk-in ticket (rate-limited per client); with `kioskId`, the kiosk prints it. A priority other than `none`, or a `kioskId`, needs the paired kiosk screen's cookie (the kiosk's own id) or a staff session: otherwise 403 kiosk_required / wrong_kiosk. Anonymous web clients also count in a stricter limit (WEB_TICKETS_PER_MINUTE). Outside the office’s walk-in hours or past its last-ticket time: 409 office_closed with details {nextOpensAt, reason}",
          responses: {
            '201': ok(
              "{id, code, number, status, position, estimatedWaitMinutes, statusUrl, service, office, issuedAt, print: null | {status: 'queued'} | {status: 'unavailable', reason}}",
            ),
            ...errors(400, 403, 404, 409, 422, 429),
          },
        },
      },
      '/api/tickets/{code}': {
        get: {
          tags: ['public'],
          summary: 'Public status of a ticket (no personal data)',
          parameters: [pathParam('code', 'Public code')],
          responses: { '200': ok('TicketPublic'), ...errors(400, 404) },
        },
      },
      '/api/tickets/{code}/qr.svg': {
        get: {
          tags: ['public'],
          summary: 'QR code of the ticket page',
          parameters: [pathParam('code', 'Public code')],
          responses: { '200': { description: 'SVG image', content: { 'image/svg+xml': {} } }, ...errors(400, 404) },
        },
      },
      '/api/tickets/{code}/print-preview': {
        get: {
          tags: ['public'],
          summary: 'On-screen preview of the printed ticket (same layout and line breaks as the paper)',
          parameters: [pathParam('code', 'Public code'), ...previewParams],
          responses: { '200': html('The ticket on 58 or 80 mm paper'), ...errors(400, 404) },
        },
      },
      '/api/tickets/{code}/cancel': {
        post: {
          tags: ['public'],
          summary: 'The citizen leaves the queue',
          parameters: [pathParam('code', 'Public code')],
          responses: { '200': ok('TicketPublic'), ...errors(400, 404, 409, 429) },
        },
      },
      '/api/queues': {
        get: {
          tags: ['public'],
          summary: 'Waiting, oldest wait and estimate per service',
          responses: { '200': ok('QueueInfo[]') },
        },
      },
      '/api/public/waits': {
        get: {
          tags: ['public'],
          summary: `Open data: live waits and the best time to come, per office with walk-in services. Licence ${WAITS_LICENCE.name} (${WAITS_LICENCE.url}), also stated in every answer (\`licence\`). Cacheable (\`Cache-Control: public, max-age=30\`) and readable from any website (\`Access-Control-Allow-Origin: *\`). Per service: people waiting and the estimated wait of somebody taking a ticket now (the median of the office played forward, with the range that held the real wait in most past cases); per office: whether walk-in tickets are issued now; \`bestTime\`: the median wait by ISO weekday and local hour over the last 8 weeks (null where fewer than 5 tickets). No personal data.`,
          responses: { '200': ok('PublicWaits'), ...errors(400, 404) },
        },
        options: { tags: ['public'], summary: 'CORS preflight', responses: { '204': { description: 'Allowed' } } },
      },
      '/api/display': {
        get: {
          tags: ['public'],
          summary:
            'Display snapshot (the socket sends the same on connect): `display` = a configured display’s slug or id (its services, name and ticker; 404 when unknown or inactive), or `officeId` for a whole office without a ticker. `office.timeZone` and `walkIn: {open, closesAt?, nextOpensAt?}` say whether the office issues walk-in tickets now (no opening hours = always open)',
          responses: { '200': ok('DisplaySnapshot'), ...errors(400, 404) },
        },
      },
      '/api/auth/login': {
        post: {
          tags: ['staff'],
          summary:
            'Log in; sets the session cookie. `mustChangePassword: true`: this login may only change the password. Throttled per account and address: 429 login_throttled with Retry-After.',
          responses: { '200': ok('{staff, mustChangePassword}'), ...errors(400, 401, 429) },
        },
      },
      '/api/auth/password': {
        post: {
          tags: ['staff'],
          summary:
            'Change one’s own password (10+ characters, not the username, not the current one); ends one’s other logins. Open to a login that must change its password.',
          security: staff,
          responses: { '200': ok('{staff, counterId, mustChangePassword, demo}'), ...errors(400, 401, 403, 422, 429) },
        },
      },
      '/api/auth/logout': { post: { tags: ['staff'], summary: 'Log out', responses: { '204': { description: 'Logged out' } } } },
      '/api/auth/me': {
        get: {
          tags: ['staff'],
          summary: 'Who am I, my counter, whether I must change my password first, and whether demo accounts exist',
          security: staff,
          responses: { '200': ok('{staff, counterId, mustChangePassword, demo}'), ...errors(401) },
        },
      },
      '/api/staff': {
        get: {
          tags: ['staff'],
          summary: 'Colleagues (for transfers)',
          security: staff,
          responses: { '200': ok('Staff list'), ...errors(401) },
        },
      },
      '/api/staff/me/services': {
        get: {
          tags: ['staff'],
          summary: 'Services I may serve, with weights',
          security: staff,
          responses: { '200': ok('Service list'), ...errors(401) },
        },
      },
      '/api/counters': {
        get: {
          tags: ['counter'],
          summary: 'Counters of an office',
          security: staff,
          responses: { '200': ok('Counter list'), ...errors(401) },
        },
      },
      '/api/counters/{id}/open': counterAction('Open a counter with chosen services'),
      '/api/counters/{id}/close': counterAction('Close a counter (its clerk, or a supervisor when no ticket is at it)'),
      '/api/counters/{id}/services': counterAction(
        'Supervisor: set the services an open counter serves (active desk services of its office)',
      ),
      '/api/counters/{id}/pause': counterAction('Pause'),
      '/api/counters/{id}/resume': counterAction('Resume'),
      '/api/counters/{id}/call-next': {
        post: {
          tags: ['counter'],
          summary: 'Call the next citizen (atomic across counters)',
          security: staff,
          parameters: [pathParam('id', 'Counter id')],
          responses: {
            '200': ok('{ticket: CounterTicket}'),
            '204': { description: 'Nobody waits for this counter' },
            ...errors(401, 403, 404, 409),
          },
        },
      },
      '/api/kiosks': {
        get: {
          tags: ['kiosks'],
          summary: 'Kiosks with their printer status and agent connection (supervisor, admin)',
          security: staff,
          responses: { '200': ok('KioskView[]'), ...errors(400, 401, 403) },
        },
        post: {
          tags: ['kiosks'],
          summary:
            'Register a kiosk (admin); the answer holds its agent token, shown only this once. Writes one AuditLog row in the same transaction.',
          security: staff,
          responses: { '201': ok('{kiosk: KioskView, token}'), ...errors(400, 401, 403, 404, 422) },
        },
      },
      '/api/kiosks/{id}': {
        get: {
          tags: ['kiosks'],
          summary: 'One kiosk (supervisor, admin)',
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '200': ok('KioskView'), ...errors(401, 403, 404) },
        },
        patch: {
          tags: ['kiosks'],
          summary:
            'Change a kiosk: name, printer, print mode, hints, active (admin); its agent reconnects with the new settings. Writes one AuditLog row in the same transaction.',
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '200': ok('KioskView'), ...errors(400, 401, 403, 404, 422) },
        },
        delete: {
          tags: ['kiosks'],
          summary:
            'Deactivate a kiosk (admin): its agent is refused from now on; the print history stays. Writes one AuditLog row in the same transaction.',
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '204': { description: 'Deactivated' }, ...errors(401, 403, 404) },
        },
      },
      '/api/kiosks/{id}/token': {
        post: {
          tags: ['kiosks'],
          summary:
            'New agent token (admin); the old one stops working at once. Writes one AuditLog row in the same transaction. (action token_rotate, never the token or its hash)',
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '200': ok('{kiosk: KioskView, token}'), ...errors(401, 403, 404) },
        },
      },
      '/api/kiosks/{id}/pairing': {
        post: {
          tags: ['kiosks'],
          summary:
            "A one-time pairing code for the kiosk's screen (admin), valid 15 minutes: open `pairUrl` on the kiosk PC. Writes one AuditLog row (action pairing_code, never the code).",
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '201': ok('{code, pairUrl, expiresAt}'), ...errors(401, 403, 404, 409) },
        },
        delete: {
          tags: ['kiosks'],
          summary: 'Forget the paired screen (admin): its cookie no longer counts as a kiosk. AuditLog action unpair.',
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '204': { description: 'Unpaired' }, ...errors(401, 403, 404) },
        },
      },
      '/api/kiosks/pair': {
        post: {
          tags: ['kiosks'],
          summary:
            "Spend a pairing code (the kiosk PC's browser): answers with the httpOnly kiosk cookie `sportello_kiosk` (400 days, renewed by use). Wrong, used or expired code: 403 pairing_invalid.",
          responses: { '200': ok('{kiosk: {id, name, officeId}, kioskUrl}'), ...errors(400, 403, 429) },
        },
      },
      '/api/kiosks/{id}/test-print': {
        post: {
          tags: ['kiosks'],
          summary: "Print a test page on the kiosk's printer (supervisor, admin)",
          security: staff,
          parameters: [pathParam('id', 'Kiosk id')],
          responses: { '200': ok("{print: {status: 'queued'} | {status: 'unavailable', reason}}"), ...errors(401, 403, 404) },
        },
      },
      '/api/kiosks/{id}/print-preview': {
        get: {
          tags: ['kiosks'],
          summary: "A sample ticket with the kiosk's paper width, printer and location hint (supervisor, admin)",
          security: staff,
          parameters: [pathParam('id', 'Kiosk id'), ...previewParams],
          responses: { '200': html('A sample ticket'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/tickets/{id}/recall': ticketAction('Call the same ticket again'),
      '/api/tickets/{id}/start': ticketAction('The citizen is at the counter'),
      '/api/tickets/{id}/complete': ticketAction('Done, with an outcome'),
      '/api/tickets/{id}/no-show': ticketAction('The citizen did not come'),
      '/api/tickets/{id}/transfer': ticketAction('Send on to a service, a counter or a colleague, keeping the number'),
      '/api/tickets/{id}/move': ticketAction(
        'Supervisor: move a waiting ticket to another service, keeping its number and queue time',
      ),
      '/api/supervisor': {
        get: {
          tags: ['supervisor'],
          summary: 'Live view snapshot: counters, queues, alerts (socket: supervisor:subscribe)',
          security: staff,
          responses: { '200': ok('SupervisorSnapshot'), ...errors(401, 403, 404) },
        },
      },
      '/api/supervisor/forecast': {
        get: {
          tags: ['supervisor'],
          summary:
            'Staffing forecast for the coming days (supervisors), per hour of the walk-in hours: expected walk-ins (mean of the same weekday over the last 8 weeks) and booked appointments (times their usual show-up share); the counters needed to serve `share` of citizens within their service’s target wait — Erlang C per hour (`erlangC`), raised where a simulation of the whole day (queues carried over between hours) misses the share (`countersNeeded`, `simulatedShare`); and the counters usually open then (`countersPlanned`, from the counters’ log). Cached for 10 minutes.',
          security: staff,
          responses: { '200': ok('Forecast'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/queues/{serviceId}/tickets': {
        get: {
          tags: ['supervisor'],
          summary: 'Waiting tickets of a service in queue order (first 200)',
          security: staff,
          parameters: [pathParam('serviceId', 'Service id')],
          responses: {
            '200': ok('{total, tickets: [{id, number, priority, serviceId, queuedAt, direct}]}'),
            ...errors(401, 403, 404),
          },
        },
      },
      '/api/stats': {
        get: {
          tags: ['supervisor'],
          summary: 'Statistics of an office over a range of local days',
          description: statsDescription,
          security: staff,
          responses: { '200': ok('{office, from, to, groupBy, rows: StatsRow[], total}'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/stats/procedures': {
        get: {
          tags: ['supervisor'],
          summary:
            'Procedures of an office over a range of local days, per service and in total (opened, completed, rejected, withdrawn, median days to completion, closed within the legal deadline), and the backlog now',
          security: staff,
          responses: { '200': ok('{office, from, to, rows, total, backlog}'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/stats/procedures.csv': {
        get: {
          tags: ['supervisor'],
          summary: 'The same procedure figures as a CSV download (one row per service, then a total row)',
          security: staff,
          parameters: queryParams(procedureStatsQuery),
          responses: { '200': { description: 'text/csv', content: { 'text/csv': {} } }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/stats.csv': {
        get: {
          tags: ['supervisor'],
          summary: 'The same statistics as a CSV download (one row per group, then a total row)',
          security: staff,
          parameters: queryParams(statsQuery),
          responses: {
            '200': { description: 'CSV (UTF-8 with BOM, CRLF), content-disposition attachment', content: { 'text/csv': {} } },
            ...errors(400, 401, 403, 404),
          },
        },
      },
      '/api/appointments/services': {
        get: {
          tags: ['appointments'],
          summary: 'Services that can be booked, with the offices that take them (kiosk order)',
          responses: {
            '200': ok('[{id, code, name, keywords, category, offices: [{id, name, address}]}] (names: one text per language)'),
          },
        },
      },
      '/api/appointments/availability': {
        get: {
          tags: ['appointments'],
          summary: 'Free places per slot, per local day (office time zone; closed days carry the reason)',
          responses: {
            '200': ok(
              '{office, service, timeZone, slotMinutes, capacity, firstDay, lastDay, days: [{day, closed, free, slots: [{startsAt, time, free}]}]}',
            ),
            ...errors(400, 404),
          },
        },
      },
      '/api/appointments': {
        post: {
          tags: ['appointments'],
          summary:
            'Book a place in a slot (rate-limited). Atomic: a full slot is 409 slot_full and nothing is written. Online: `pending`, the place held BOOKING_CONFIRM_MINUTES until the e-mailed link confirms it; 429 contact_limit past BOOKINGS_PER_CONTACT_PER_DAY. Channel `counter` needs a staff session, `kiosk` a registered kiosk (403 kiosk_not_registered): both are booked at once.',
          responses: {
            '201': ok(
              'Online: {id, status: pending, holdUntil, startsAt, time, office, service, email}. Counter and kiosk: AppointmentView {id, code, status, startsAt, time, office, service, token, manageUrl, qrUrl, icsUrl, canChange, changeDeadline, …}',
            ),
            ...errors(400, 401, 403, 404, 409, 422, 429),
          },
        },
      },
      '/api/appointments/confirm': {
        post: {
          tags: ['appointments'],
          summary:
            'Confirm a pending online booking with the secret of its e-mailed link: it becomes booked (confirming twice answers the same). Too late: 409 booking_expired, the place is released.',
          responses: { '200': ok('AppointmentView'), ...errors(400, 404, 409, 429) },
        },
      },
      '/api/appointments/check-in': {
        post: {
          tags: ['appointments'],
          summary: 'Kiosk check-in with the booking code, the manage link or its token → a ticket ranked by the booked time',
          description:
            'Windows in the office time zone: earlier than CHECKIN_EARLY_MINUTES before the start → 422 checkin_too_early {comeBackAt, comeBackTime}; later than CHECKIN_LATE_MINUTES after it → 422 checkin_too_late (send walkIn: true for a walk-in ticket); another day → 422 checkin_wrong_day. Checking in twice answers 200 with the same ticket.',
          responses: {
            '201': ok('{already, late, ticket: IssuedTicket, appointment: {code, time, office, service, …}}'),
            '200': ok('Already checked in: the same ticket'),
            ...errors(400, 403, 404, 409, 422, 429),
          },
        },
      },
      '/api/appointments/today': {
        get: {
          tags: ['appointments'],
          summary:
            "Today's appointments of an office with their status, names and phones (counters). Only staff who work in the office (a skill for one of its services, or holding one of its counters), and the roles of PERSONAL_DATA_ALL_OFFICES_ROLES: otherwise 403.",
          security: staff,
          responses: { '200': ok('{day, counts, appointments: [...]}'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/appointments/revoke-link': {
        post: {
          tags: ['appointments'],
          summary:
            'Revoke every manage link of an appointment by its booking code (staff of its office): old links answer 403 token_revoked, the citizen gets the new link by e-mail. AuditLog action link_revoke.',
          security: staff,
          responses: { '200': ok('{code, emailed}'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/appointments/{token}': {
        get: {
          tags: ['appointments'],
          summary:
            'The appointment of a manage link (signed token: tampered, signed by an unknown key, expired or revoked → 403 token_invalid / token_expired / token_revoked)',
          parameters: [pathParam('token', 'Manage token')],
          responses: { '200': ok('AppointmentView'), ...errors(400, 403, 404) },
        },
      },
      '/api/appointments/{token}/cancel': {
        post: {
          tags: ['appointments'],
          summary:
            'Cancel until BOOKING_CHANGE_DEADLINE_HOURS before the start; the place is free at once and the reminders are removed',
          parameters: [pathParam('token', 'Manage token')],
          responses: { '200': ok('AppointmentView'), ...errors(400, 403, 404, 409, 429) },
        },
      },
      '/api/appointments/{token}/reschedule': {
        post: {
          tags: ['appointments'],
          summary:
            'Move to another slot of the same office and service, until the deadline; the answer carries the new manage link',
          parameters: [pathParam('token', 'Manage token')],
          responses: { '200': ok('AppointmentView'), ...errors(400, 403, 404, 409, 422, 429) },
        },
      },
      '/api/appointments/{token}/qr.svg': {
        get: {
          tags: ['appointments'],
          summary: 'QR code of the manage link (scanned at the kiosk to check in)',
          parameters: [pathParam('token', 'Manage token')],
          responses: { '200': { description: 'SVG image', content: { 'image/svg+xml': {} } }, ...errors(400, 403, 404) },
        },
      },
      '/api/appointments/{token}/calendar.ics': {
        get: {
          tags: ['appointments'],
          summary: 'The appointment as an iCalendar file',
          parameters: [pathParam('token', 'Manage token')],
          responses: { '200': { description: 'text/calendar', content: { 'text/calendar': {} } }, ...errors(400, 403, 404) },
        },
      },
      '/api/schedules': {
        get: {
          tags: ['appointments'],
          summary: "Appointment schedules with their weekly hours, and each office's closures and patron day (supervisor, admin)",
          security: staff,
          responses: { '200': ok('{schedules, offices}'), ...errors(400, 401, 403) },
        },
        put: {
          tags: ['appointments'],
          summary:
            'Create or replace the schedule of a service at an office (admin): hours (several ranges a day, not overlapping), slot length, capacity, horizon, notice. Writes one AuditLog row in the same transaction.',
          security: staff,
          responses: { '200': ok('Schedule with hours'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/schedules/closures': {
        post: {
          tags: ['appointments'],
          summary:
            'Add a local closure (inclusive local days) of an office (admin). Writes one AuditLog row in the same transaction.',
          security: staff,
          responses: { '201': ok('Closure'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/schedules/closures/{id}': {
        delete: {
          tags: ['appointments'],
          summary: 'Remove a local closure (admin). Writes one AuditLog row in the same transaction.',
          security: staff,
          parameters: [pathParam('id', 'Closure id')],
          responses: { '204': { description: 'Removed' }, ...errors(401, 403, 404) },
        },
      },
      '/api/schedules/patron-day': {
        put: {
          tags: ['appointments'],
          summary:
            "Set (or with null remove) an office's patron saint day, closed every year (admin). Writes one AuditLog row in the same transaction.",
          security: staff,
          responses: { '200': ok('{patronDay}'), ...errors(400, 401, 403, 404, 422) },
        },
      },
      ...adminPaths(),
      ...portalPaths(),
      '/metrics': {
        get: {
          tags: ['operations'],
          summary: 'Prometheus metrics (text format): queues, screens, job failures, HTTP',
          description: 'Served by the custom server. When METRICS_TOKEN is set, send `Authorization: Bearer <token>`.',
          security: [{}, { metricsToken: [] }],
          responses: {
            '200': { description: 'Prometheus text exposition format', content: { 'text/plain': {} } },
            ...errors(401),
          },
        },
      },
    }),
  };
}
