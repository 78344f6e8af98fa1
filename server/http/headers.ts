/**
 * Security headers of every answer. Pure functions (no runtime imports): the server's front door
 * and Next's proxy (for the pages' per-request CSP nonce) share them.
 */

/** The pages' Content-Security-Policy: scripts only from here and only with this request's nonce. */
export function pageCsp(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced Next runtime loads are trusted, nothing else is.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (React `style={…}`, charts) cannot carry a nonce; styles run no code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    // socket.io: same origin, over WebSocket too.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Same-origin frames only: the admin's kiosk page frames the print preview.
    "frame-ancestors 'self'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Everything that is not a page (JSON, CSV, SVG, the print preview): no scripts at all. */
export const API_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only the kiosk scans QR codes with the camera; no page needs the microphone or the location. */
export function permissionsPolicy(path: string): string {
  const kiosk = path === '/kiosk' || path.startsWith('/kiosk/');
  return [`camera=${kiosk ? '(self)' : '()'}`, 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()'].join(', ');
}

/** Headers for every answer; the pages' CSP comes from Next's proxy, with its nonce. */
export function securityHeaders(path: string, https: boolean): Record<string, string> {
  const page = !(path.startsWith('/api/') || path === '/api' || path === '/metrics');
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'same-origin',
    'permissions-policy': permissionsPolicy(path),
    'cross-origin-opener-policy': 'same-origin',
    ...(page ? {} : { 'content-security-policy': API_CSP }),
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
