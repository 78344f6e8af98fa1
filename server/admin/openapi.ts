/**
 * OpenAPI paths of the administration API (/api/admin/…), merged into server/openapi.ts, which
 * fills in the request bodies, query parameters and answers from contract/api.ts.
 */
import { errors, ok, pathParam, staffSecurity } from '../openapi-parts';
const idParam = (what: string) => pathParam('id', `${what} id`);
const security = staffSecurity;
const tags = ['administration'];
const audited = ' Writes one AuditLog row in the same transaction.';

export function adminPaths() {
  return {
    '/api/admin/audit': {
      get: {
        tags,
        security,
        summary: 'Audit log of admin changes, newest first (admin). Page with `before` = the previous answer’s nextBefore.',
        responses: {
          '200': ok('{items: [{id, at, staff, action, entity, entityId, before, after}], nextBefore}'),
          ...errors(400, 401, 403),
        },
      },
    },
    '/api/admin/services': {
      get: {
        tags,
        security,
        summary: 'All services, active or not, with filters (admin)',
        responses: { '200': ok('Service[]'), ...errors(400, 401, 403) },
      },
      post: {
        tags,
        security,
        summary: 'Create a service (admin).' + audited,
        responses: { '201': ok('Service'), ...errors(400, 401, 403, 409, 422) },
      },
    },
    '/api/admin/services/{id}': {
      patch: {
        tags,
        security,
        summary:
          'Change a service (admin); deactivating it or moving it to another office is refused (409) while it has open tickets.' +
          audited,
        parameters: [idParam('Service')],
        responses: { '200': ok('Service'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    '/api/admin/services/{id}/form': {
      get: {
        tags,
        security,
        summary: 'The current version of a service’s online form (admin); version 0 with no fields when it has none.',
        parameters: [idParam('Service')],
        responses: { '200': ok('Form'), ...errors(401, 403, 404) },
      },
      put: {
        tags,
        security,
        summary:
          'Save a new version of the online form (admin). Procedures already submitted keep the version they were submitted with.' +
          audited,
        parameters: [idParam('Service')],
        responses: { '200': ok('Form'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/admin/categories': {
      get: {
        tags,
        security,
        summary: 'All categories in kiosk order, with their number of services (admin)',
        responses: { '200': ok('Category[]'), ...errors(401, 403) },
      },
      post: {
        tags,
        security,
        summary: 'Create a category, last in the kiosk order (admin).' + audited,
        responses: { '201': ok('Category'), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/admin/categories/{id}': {
      patch: {
        tags,
        security,
        summary: 'Change a category’s names or icon (admin).' + audited,
        parameters: [idParam('Category')],
        responses: { '200': ok('Category'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/admin/categories/order': {
      put: {
        tags,
        security,
        summary: 'Set the kiosk order of the categories: every id exactly once, first shown first (admin).' + audited,
        responses: { '200': ok('Category[]'), ...errors(400, 401, 403, 422) },
      },
    },
    '/api/admin/counters': {
      get: {
        tags,
        security,
        summary: 'Counters (admin)',
        responses: { '200': ok('Counter[]'), ...errors(400, 401, 403) },
      },
      post: {
        tags,
        security,
        summary: 'Create a counter; numbers are unique per office (admin).' + audited,
        responses: { '201': ok('Counter'), ...errors(400, 401, 403, 409, 422) },
      },
    },
    '/api/admin/counters/{id}': {
      patch: {
        tags,
        security,
        summary: 'Rename or renumber a counter (admin).' + audited,
        parameters: [idParam('Counter')],
        responses: { '200': ok('Counter'), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        tags,
        security,
        summary:
          'Delete a counter (admin): only when closed, without a current ticket (409 counter_busy / counter_open) and without ticket history (409 counter_has_history).' +
          audited,
        parameters: [idParam('Counter')],
        responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
      },
    },
    '/api/admin/displays': {
      get: {
        tags,
        security,
        summary: 'Waiting-room displays, active or not (admin)',
        responses: { '200': ok('Display[]'), ...errors(400, 401, 403) },
      },
      post: {
        tags,
        security,
        summary:
          'Create a display (admin): services and categories of its office (their union; none = the whole office; 422 unknown_service / unknown_category / other_office), a unique slug (409 display_slug_taken), ticker lines in Italian and English. Open screens follow at once.' +
          audited,
        responses: { '201': ok('Display'), ...errors(400, 401, 403, 409, 422) },
      },
    },
    '/api/admin/displays/{id}': {
      patch: {
        tags,
        security,
        summary:
          'Change a display (admin): name, slug, services, categories, ticker (the whole list of notices, each one text per language), active. Open screens follow at once.' +
          audited,
        parameters: [idParam('Display')],
        responses: { '200': ok('Display'), ...errors(400, 401, 403, 404, 409, 422) },
      },
      delete: {
        tags,
        security,
        summary: 'Delete a display (admin); its screens show "display not found".' + audited,
        parameters: [idParam('Display')],
        responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) },
      },
    },
    '/api/admin/offices': {
      get: {
        tags,
        security,
        summary: 'All offices with time zone, list order, walk-in hours and lastTicketMinutes (admin)',
        responses: { '200': ok('Office[]'), ...errors(401, 403) },
      },
      post: {
        tags,
        security,
        summary:
          'Create an office (admin): unique slug (409 slug_taken), IANA time zone (default Europe/Rome), read-only afterwards.' +
          audited,
        responses: { '201': ok('Office'), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/admin/offices/{id}': {
      patch: {
        tags,
        security,
        summary:
          'Change an office’s names, address or list order (admin). The time zone cannot change: day numbering, booked appointments and statistics depend on it.' +
          audited,
        parameters: [idParam('Office')],
        responses: { '200': ok('Office'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/admin/offices/{id}/hours': {
      put: {
        tags,
        security,
        summary:
          'Replace an office’s walk-in opening hours (admin): weekly ranges (local "HH:MM", closes after opens, no overlap on a day; none = always open) and lastTicketMinutes (0–240, tickets stop that long before each closing). Open kiosks reload at once.' +
          audited,
        parameters: [idParam('Office')],
        responses: { '200': ok('{hours, lastTicketMinutes}'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/admin/staff': {
      get: {
        tags,
        security,
        summary: 'Staff with role, state and skills (admin); never password hashes',
        responses: { '200': ok('Staff[]'), ...errors(401, 403) },
      },
      post: {
        tags,
        security,
        summary: 'Create a staff member with a password (8+ characters) and skills (weights 1–5) (admin).' + audited,
        responses: { '201': ok('Staff'), ...errors(400, 401, 403, 409, 422) },
      },
    },
    '/api/admin/staff/{id}': {
      patch: {
        tags,
        security,
        summary:
          'Change name, role, active, skills (replaced as a whole) (admin); a deactivation or a role change ends the person’s sessions.' +
          audited,
        parameters: [idParam('Staff member')],
        responses: { '200': ok('Staff'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    '/api/admin/staff/{id}/password': {
      post: {
        tags,
        security,
        summary:
          'Set a new password chosen by the admin (8+ characters); answers nothing and ends the person’s sessions.' + audited,
        parameters: [idParam('Staff member')],
        responses: { '204': { description: 'Password set' }, ...errors(400, 401, 403, 404) },
      },
    },
  };
}
