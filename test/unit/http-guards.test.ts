import { describe, expect, it } from 'vitest';
import { readJsonBody } from '../../server/http/body';
import { classifyDbError } from '../../server/http/db-errors';
import { pageCsp, permissionsPolicy, securityHeaders } from '../../server/http/headers';
import { nulPath } from '../../server/http/input-text';
import { crossSiteReason } from '../../server/http/origin';
import { withSecureCookies } from '../../server/http/secure-cookies';
import { MAX_ROOMS_PER_SOCKET, SUBSCRIBE_BURST, REFILL_MS, SubscribeBudget, withinRoomCap } from '../../server/socket/limits';

describe('crossSiteReason', () => {
  it('accepts requests without browser headers, and our own origin', () => {
    expect(crossSiteReason({ host: 'a.example:3000' }, undefined)).toBeNull();
    expect(crossSiteReason({ host: 'a.example:3000', origin: 'http://a.example:3000' }, undefined)).toBeNull();
    expect(
      crossSiteReason({ origin: 'https://sportello.comune.it', 'sec-fetch-site': 'same-origin' }, 'https://sportello.comune.it'),
    ).toBeNull();
  });

  it('refuses other origins, null, and cross-site fetches', () => {
    expect(crossSiteReason({ host: 'a.example:3000', origin: 'http://evil.example' }, undefined)).not.toBeNull();
    expect(crossSiteReason({ host: 'a.example:3000', origin: 'null' }, undefined)).not.toBeNull();
    expect(crossSiteReason({ host: 'a.example:3000', 'sec-fetch-site': 'cross-site' }, undefined)).not.toBeNull();
    expect(crossSiteReason({ host: 'a.example', 'sec-fetch-site': 'same-site' }, undefined)).not.toBeNull();
    // With PUBLIC_BASE_URL, only that origin (scheme and port included).
    expect(
      crossSiteReason({ host: 'sportello.comune.it', origin: 'http://sportello.comune.it' }, 'https://sportello.comune.it'),
    ).not.toBeNull();
  });
});

describe('readJsonBody', () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request('http://x/api', { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) });

  it('needs application/json for a body; an empty body without a type is {}', async () => {
    await expect(readJsonBody(post('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }))).resolves.toEqual({ a: 1 });
    await expect(readJsonBody(post(null))).resolves.toEqual({});
    await expect(readJsonBody(post('{"a":1}', { 'content-type': 'text/plain' }))).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(post('{"a":1}'))).rejects.toMatchObject({ status: 415 });
  });

  it('stops reading a body without Content-Length at the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    await expect(readJsonBody(post(endless, { 'content-type': 'application/json' }), 8 * 1024)).rejects.toMatchObject({
      status: 413,
      code: 'body_too_large',
    });
    expect(pulled).toBeLessThan(20);
  });
});

describe('NUL bytes', () => {
  it('are found anywhere in the input', () => {
    expect(nulPath({ a: 'ok', b: ['x', { c: 'y\u0000' }] })).toBe('b.1.c');
    expect(nulPath('a\u0000')).toBe('(value)');
    expect(nulPath({ ['k\u0000']: 1 })).toBe('k\\0');
    expect(nulPath({ a: 'fine', n: 1, z: null })).toBeNull();
  });
});

describe('classifyDbError', () => {
  it('sees a dropped connection, at any depth of the cause chain', () => {
    expect(classifyDbError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('unavailable');
    expect(classifyDbError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(
      classifyDbError({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '57P01', kind: 'postgres' } } } }),
    ).toBe('unavailable');
    expect(classifyDbError({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '08006' } } } })).toBe(
      'unavailable',
    );
    expect(classifyDbError({ cause: { code: '08003' } })).toBe('unavailable');
    expect(classifyDbError({ code: 'P1017' })).toBe('unavailable');
  });

  it('sees values the database cannot store as bad input, and leaves other errors alone', () => {
    expect(classifyDbError({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '22021' } } } })).toBe(
      'bad_input',
    );
    expect(classifyDbError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyDbError({ code: 'P2002' })).toBeNull();
  });
});

describe('security headers', () => {
  it('allow the camera only on the kiosk', () => {
    expect(permissionsPolicy('/kiosk')).toContain('camera=(self)');
    expect(permissionsPolicy('/kiosk/checkin')).toContain('camera=(self)');
    expect(permissionsPolicy('/display')).toContain('camera=()');
    expect(permissionsPolicy('/kioskfake')).toContain('camera=()');
  });

  it('send HSTS only over https, and a script-free CSP on the API', () => {
    expect(securityHeaders('/api/queues', false)['strict-transport-security']).toBeUndefined();
    expect(securityHeaders('/kiosk', true)['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(securityHeaders('/api/queues', false)['content-security-policy']).toMatch(/default-src 'none'/);
    expect(securityHeaders('/kiosk', false)['content-security-policy']).toBeUndefined(); // set with its nonce by proxy.ts
    expect(securityHeaders('/kiosk', false)['x-content-type-options']).toBe('nosniff');
    const csp = pageCsp('abc', { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('mark cookies Secure', () => {
    const res = new Response(null, {
      headers: [
        ['set-cookie', 'a=1; Path=/'],
        ['set-cookie', 'b=2; Secure'],
      ],
    });
    expect(withSecureCookies(res).headers.getSetCookie()).toEqual(['a=1; Path=/; Secure', 'b=2; Secure']);
  });
});

describe('socket subscription limits', () => {
  it('refuse a burst beyond the budget, then allow again as time passes', () => {
    const b = new SubscribeBudget(0);
    for (let i = 0; i < SUBSCRIBE_BURST; i++) expect(b.take(0)).toBe(true);
    expect(b.take(0)).toBe(false);
    expect(b.take(REFILL_MS)).toBe(true);
    expect(b.take(REFILL_MS)).toBe(false);
  });

  it('cap the rooms of one socket; rooms already joined are free', () => {
    const rooms = new Set(['self', ...Array.from({ length: MAX_ROOMS_PER_SOCKET }, (_, i) => `ticket:${i}`)]);
    expect(withinRoomCap(rooms, 'self', ['ticket:0'])).toBe(true);
    expect(withinRoomCap(rooms, 'self', ['ticket:new'])).toBe(false);
  });
});
