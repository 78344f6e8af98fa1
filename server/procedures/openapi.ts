/**
 * OpenAPI paths of the citizen portal (/api/citizen/…, /api/portal/…, /api/procedures/…), merged into
 * server/openapi.ts, which fills in the request bodies, query parameters and answers from
 * contract/api.ts.
 */
import { errors, ok, pathParam, staffSecurity } from '../openapi-parts';
const idParam = pathParam('id', 'Procedure id');
const citizen = [{ citizen: [] }];
const either = [...citizen, ...staffSecurity];
const tags = ['portal'];

const action = (summary: string, who: 'staff' | 'citizen') => ({
  post: {
    tags,
    summary,
    security: who === 'staff' ? staffSecurity : citizen,
    parameters: [idParam],
    responses: { '200': ok('The procedure'), ...errors(400, 401, 403, 404, 409) },
  },
});

export function portalPaths() {
  return {
    '/api/citizen/login': {
      post: {
        tags,
        summary:
          'Sends a one-time sign-in code (6 digits, valid 10 minutes, 5 attempts) to an e-mail address. Rate-limited per client and per address.',
        responses: { '202': ok('{sent, expiresInMinutes}'), ...errors(400, 429, 503) },
      },
    },
    '/api/citizen/login/verify': {
      post: {
        tags,
        summary: 'Signs the citizen in with the code from the e-mail: sets the `sportello_citizen` cookie (identity `email`).',
        responses: { '200': ok('The citizen'), ...errors(400, 429) },
      },
    },
    '/api/citizen/oidc/start': {
      get: {
        tags,
        summary:
          'Sign-in with the configured OpenID provider (SPID/CIE gateway): redirects the browser to it (authorization code flow with PKCE, state and nonce). `?lang=` is passed on as `ui_locales`. Failures redirect to `/portale?signinError=…`.',
        parameters: [
          { name: 'lang', in: 'query', required: false, schema: { type: 'string' } },
          {
            name: 'service',
            in: 'query',
            required: false,
            description: 'An online service id: its form opens after the sign-in (`/portale?new=<id>`).',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '303': { description: 'To the provider (or back to /portale with `signinError`)' },
          ...errors(404),
        },
      },
    },
    '/api/citizen/oidc/callback': {
      get: {
        tags,
        summary:
          'Where the provider sends the browser back: checks state, nonce and PKCE, reads the fiscal code claim, finds or records the citizen, sets the `sportello_citizen` cookie (identity `strong`) and redirects to `/portale` (or the form of the service the sign-in was started for); any failure redirects to `/portale?signinError=oidc_unavailable|oidc_denied|oidc_failed|oidc_fiscal_code`.',
        responses: { '303': { description: 'To /portale' } },
      },
    },
    '/api/citizen/logout': {
      post: { tags, summary: 'Ends the citizen’s sign-in.', responses: { '204': { description: 'Signed out' } } },
    },
    '/api/citizen/me': {
      get: {
        tags,
        security: citizen,
        summary: 'The signed-in citizen, with the identity their sign-in proved (`email` or `strong`).',
        responses: { '200': ok('The citizen'), ...errors(401) },
      },
      patch: {
        tags,
        security: citizen,
        summary: 'Changes the language the citizen’s e-mails are written in.',
        responses: { '200': ok('The citizen'), ...errors(400, 401) },
      },
    },
    '/api/portal/services': {
      get: {
        tags,
        summary:
          'Services that can be requested online, with the identity each needs (`strong` ones are unavailable until an OpenID provider is configured, and then need a session signed in through it).',
        responses: { '200': ok('Online services') },
      },
    },
    '/api/portal/services/{id}/qr.svg': {
      get: {
        tags,
        summary: 'QR code of the portal page that requests the service online (shown by the kiosk and the booking pages).',
        parameters: [pathParam('id', 'Service id')],
        responses: { '200': { description: 'SVG image', content: { 'image/svg+xml': {} } }, ...errors(400, 404) },
      },
    },
    '/api/portal/appointments': {
      get: {
        tags,
        security: citizen,
        summary:
          'The signed-in citizen’s appointments: those booked with their e-mail address, upcoming and of the last 30 days, as the manage link shows them.',
        responses: { '200': ok('Appointments'), ...errors(401) },
      },
    },
    '/api/procedures': {
      get: {
        tags,
        security: either,
        summary:
          'A citizen’s own procedures; for staff, the procedures they may work (skills; supervisors the office), open ones by days left.',
        responses: { '200': ok('Procedures'), ...errors(400, 401, 403) },
      },
      post: {
        tags,
        security: citizen,
        summary: 'Submits a procedure online: numbered in the office’s protocol (`2026/000123`), with a public tracking code.',
        responses: { '201': ok('The procedure'), ...errors(400, 401, 403, 404, 409, 429) },
      },
    },
    '/api/procedures/desk': {
      post: {
        tags,
        security: staffSecurity,
        summary:
          'A clerk opens a procedure for the citizen at the desk, found or recorded by fiscal code and/or e-mail (409 when they name two different citizens); the answer carries the tracking code to give them.',
        responses: { '201': ok('The procedure'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/procedures/attachments': {
      post: {
        tags,
        security: either,
        summary:
          'Uploads one file (multipart/form-data, part `file`): PDF, JPEG or PNG recognised from its content, at most 5 MB. Named afterwards in `attachmentIds` of a submission, a reply or a desk procedure.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
          },
        },
        responses: { '201': ok('{attachmentId, fileName, contentType, size}'), ...errors(400, 401, 413, 415, 429) },
      },
    },
    '/api/procedures/{id}/attachments/{attachmentId}': {
      get: {
        tags,
        security: either,
        summary: 'Downloads an attachment: for the procedure’s citizen and staff who may see the procedure.',
        parameters: [
          idParam,
          { name: 'attachmentId', in: 'path', required: true, schema: { type: 'string' }, description: 'Attachment id' },
        ],
        responses: { '200': { description: 'The file' }, ...errors(400, 401, 404) },
      },
    },
    '/api/procedures/{id}': {
      get: {
        tags,
        security: either,
        summary: 'One procedure: to its citizen, or to staff who may work it (with the citizen and internal notes).',
        parameters: [idParam],
        responses: { '200': ok('The procedure'), ...errors(400, 401, 404) },
      },
    },
    '/api/procedures/{id}/take': action(
      'Takes the procedure in charge: the clerk becomes the responsible officer shown to the citizen.',
      'staff',
    ),
    '/api/procedures/{id}/request-info': action(
      'Asks the citizen for information or documents: the legal clock stops until they reply.',
      'staff',
    ),
    '/api/procedures/{id}/complete': action(
      'Completes the procedure and issues its documents in the same transaction: for certificate services the certificate PDF is generated (unless `certificate: false`; 400 `stamp_duty_needed` when neither the request nor the body says how the stamp duty is paid), and `attachmentIds` (the clerk’s own uploads) become documents. Any refusal changes nothing.',
      'staff',
    ),
    '/api/procedures/{id}/documents/{documentId}': {
      get: {
        tags,
        security: either,
        summary:
          'Downloads a document the office issued (a certificate PDF, a file): for the procedure’s citizen and staff who may see the procedure.',
        parameters: [
          idParam,
          { name: 'documentId', in: 'path', required: true, schema: { type: 'string' }, description: 'Document id' },
        ],
        responses: { '200': { description: 'The file' }, ...errors(400, 401, 404) },
      },
    },
    '/api/verify/{code}': {
      get: {
        tags,
        summary:
          'Public check of a document the office issued, by the verification code printed on it (and in its QR code): when, by which office, its protocol number and SHA-256. No personal data. Rate-limited.',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'Verification code (12 characters; case and dashes do not matter)',
          },
        ],
        responses: { '200': ok('The document as issued'), ...errors(400, 404, 429) },
      },
    },
    '/api/procedures/{id}/reject': action('Rejects the procedure, with the reasons for the citizen.', 'staff'),
    '/api/procedures/{id}/reply': action('The citizen answers a request for information: the clock runs again.', 'citizen'),
    '/api/procedures/{id}/withdraw': action('The citizen withdraws the procedure.', 'citizen'),
    '/api/procedures/track/{trackingCode}': {
      get: {
        tags,
        summary: 'Public tracking page data: status and timeline, no personal data.',
        parameters: [
          { name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' }, description: 'Tracking code' },
        ],
        responses: { '200': ok('Status and timeline'), ...errors(400, 404) },
      },
    },
    '/api/procedures/track/{trackingCode}/qr.svg': {
      get: {
        tags,
        summary: 'QR code of the public tracking page (shown at the counter, scanned at the kiosk).',
        parameters: [pathParam('trackingCode', 'Tracking code')],
        responses: { '200': { description: 'SVG image', content: { 'image/svg+xml': {} } }, ...errors(400, 404) },
      },
    },
  };
}
