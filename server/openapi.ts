import { z } from 'zod';
import { loginInput } from './auth/session';
import { servicesQuery } from './catalog';
import { openCounterInput } from './counters/inputs';
import { completeInput, transferInput } from './tickets/actions';
import { issueTicketInput } from './tickets/issue';

/**
 * The OpenAPI 3.1 description served at /api/openapi.json. Request bodies come from the same zod
 * schemas that validate them, so the document cannot drift from the code.
 */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const error = {
  description: 'Error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
      },
    },
  },
};

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const body = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });
const officeParam = { name: 'officeId', in: 'query', required: false, schema: { type: 'string' }, description: 'Office id; default: the one-stop desk' };
const staff = [{ session: [] }];

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), error]));

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
        'Queue management for a municipal one-stop desk. Errors are JSON `{error: {code, message}}`; bad input never changes anything. Realtime: socket.io at `/socket.io` (see server/realtime/contract.ts).',
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sportello_session' } },
    },
    paths: {
      '/api/openapi.json': { get: { tags: ['public'], summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
      '/api/health': { get: { tags: ['public'], summary: 'Health of the app, database and Redis', responses: { '200': ok('{status, db, redis}'), '503': ok('A dependency is down') } } },
      '/api/offices': { get: { tags: ['public'], summary: 'Offices', responses: { '200': ok('Office list') } } },
      '/api/categories': { get: { tags: ['public'], summary: 'Categories with active services', parameters: [officeParam], responses: { '200': ok('Category list') } } },
      '/api/services': {
        get: {
          tags: ['public'],
          summary: 'Active services',
          parameters: Object.entries((schema(servicesQuery) as { properties: Record<string, object> }).properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s })),
          responses: { '200': ok('Service list'), ...errors(400) },
        },
      },
      '/api/tickets': {
        post: {
          tags: ['public'],
          summary: 'Take a walk-in ticket (rate-limited per client)',
          requestBody: body(issueTicketInput),
          responses: { '201': ok('{id, code, number, status, position, estimatedWaitMinutes, statusUrl, service, office, issuedAt}'), ...errors(400, 404, 422, 429) },
        },
      },
      '/api/tickets/{code}': { get: { tags: ['public'], summary: 'Public status of a ticket (no personal data)', parameters: [pathParam('code', 'Public code')], responses: { '200': ok('TicketPublic'), ...errors(400, 404) } } },
      '/api/tickets/{code}/qr.svg': { get: { tags: ['public'], summary: 'QR code of the ticket page', parameters: [pathParam('code', 'Public code')], responses: { '200': { description: 'SVG image', content: { 'image/svg+xml': {} } }, ...errors(400, 404) } } },
      '/api/tickets/{code}/cancel': { post: { tags: ['public'], summary: 'The citizen leaves the queue', parameters: [pathParam('code', 'Public code')], responses: { '200': ok('TicketPublic'), ...errors(400, 404, 409, 429) } } },
      '/api/queues': { get: { tags: ['public'], summary: 'Waiting, oldest wait and estimate per service', parameters: [officeParam], responses: { '200': ok('QueueInfo[]') } } },
      '/api/display': { get: { tags: ['public'], summary: 'Display snapshot (the socket sends the same on connect)', parameters: [officeParam], responses: { '200': ok('DisplaySnapshot') } } },
      '/api/auth/login': { post: { tags: ['staff'], summary: 'Log in; sets the session cookie', requestBody: body(loginInput), responses: { '200': ok('{staff}'), ...errors(400, 401, 429) } } },
      '/api/auth/logout': { post: { tags: ['staff'], summary: 'Log out', responses: { '204': { description: 'Logged out' } } } },
      '/api/auth/me': { get: { tags: ['staff'], summary: 'Who am I, and my counter', security: staff, responses: { '200': ok('{staff, counterId}'), ...errors(401) } } },
      '/api/staff': { get: { tags: ['staff'], summary: 'Colleagues (for transfers)', security: staff, parameters: [officeParam], responses: { '200': ok('Staff list'), ...errors(401) } } },
      '/api/staff/me/services': { get: { tags: ['staff'], summary: 'Services I may serve, with weights', security: staff, responses: { '200': ok('Service list'), ...errors(401) } } },
      '/api/counters': { get: { tags: ['counter'], summary: 'Counters of an office', security: staff, parameters: [officeParam], responses: { '200': ok('Counter list'), ...errors(401) } } },
      '/api/counters/{id}/open': counterAction('Open a counter with chosen services', { requestBody: body(openCounterInput) }),
      '/api/counters/{id}/close': counterAction('Close a counter'),
      '/api/counters/{id}/pause': counterAction('Pause'),
      '/api/counters/{id}/resume': counterAction('Resume'),
      '/api/counters/{id}/call-next': {
        post: {
          tags: ['counter'],
          summary: 'Call the next citizen (atomic across counters)',
          security: staff,
          parameters: [pathParam('id', 'Counter id')],
          responses: { '200': ok('{ticket: CounterTicket}'), '204': { description: 'Nobody waits for this counter' }, ...errors(401, 403, 404, 409) },
        },
      },
      '/api/tickets/{id}/recall': ticketAction('Call the same ticket again'),
      '/api/tickets/{id}/start': ticketAction('The citizen is at the counter'),
      '/api/tickets/{id}/complete': ticketAction('Done, with an outcome', { requestBody: body(completeInput) }),
      '/api/tickets/{id}/no-show': ticketAction('The citizen did not come'),
      '/api/tickets/{id}/transfer': ticketAction('Send on to a service, a counter or a colleague, keeping the number', { requestBody: body(transferInput) }),
    },
  };
}
