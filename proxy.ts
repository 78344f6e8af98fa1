import { NextResponse, type NextRequest } from 'next/server';
import { CLIENT_PROTO_HEADER } from './server/http/internal-headers';
import { pageCsp } from './server/http/headers';

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. Next reads the nonce from the
 * request's CSP header and puts it on its own scripts, so only the scripts of this answer run
 * (the pages are rendered per request for that: see app/layout.tsx). The other security headers
 * of pages and API come from the server's front door (server/http/front-door.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageCsp(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: request.headers.get(CLIENT_PROTO_HEADER) === 'https',
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, Next's static files, or socket.io.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|socket.io).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
