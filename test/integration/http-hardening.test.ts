/**
 * The HTTP edge against a real server: bad input is a 4xx that changes nothing (NUL bytes,
 * impossible dates, bad percent-encoding, a database connection lost), request bodies are capped
 * while they stream, JSON needs its content type, writes and sockets from other sites are refused,
 * cookies are Secure behind https, security headers on pages and API, the client address through
 * trusted proxies, and socket subscriptions within a budget.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { io as connectIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { MAX_ROOMS_PER_SOCKET, REFILL_MS, SUBSCRIBE_BURST } from '../../server/socket/limits';
import { connectSocket, expectApiError, issue, oneStop, subscribe, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let admin: ApiClient;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  os = await oneStop(app.url);
  admin = new ApiClient(app.url);
  await admin.login('admin');
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/** What a refused request must leave alone. */
async function counts() {
  const [tickets, closures, categories, sessions, appointments] = await Promise.all([
    space.db.ticket.count(),
    space.db.closure.count(),
    space.db.category.count(),
    space.db.session.count(),
    space.db.appointment.count(),
  ]);
  return { tickets, closures, categories, sessions, appointments };
}

async function unchanged(fn: () => Promise<void>) {
  const before = await counts();
  await fn();
  expect(await counts()).toEqual(before);
}

/** A raw HTTP request (fetch would normalise the path or add headers). */
function raw(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('NUL bytes', () => {
  it('are refused in bodies, queries and paths with 400, and nothing changes', async () => {
    const anon = new ApiClient(app.url);
    await unchanged(async () => {
      expectApiError(await anon.post('/api/auth/login', { username: 'admin\u0000', password: 'x' }), 400, 'invalid_input');
      expectApiError(await anon.post('/api/tickets', { serviceId: `${os.desk[0].id}\u0000` }), 400, 'invalid_input');
      expectApiError(await anon.get('/api/display?display=sala%00'), 400, 'invalid_input');
      expectApiError(await anon.get('/api/queues?officeId=x%00'), 400, 'invalid_input');
      expectApiError(await anon.get(`/api/appointments/availability?serviceId=a%00&officeId=${os.officeId}`), 400);
      expectApiError(await anon.get('/api/tickets/abc%00def'), 400);
      expectApiError(await anon.get('/t/abc%00def'), 400);
      expectApiError(await admin.post('/api/admin/categories', { slug: 'nul-test', name: { it: 'a\u0000b', en: 'x' } }), 400);
      const category = await space.db.category.findFirstOrThrow();
      const service = { code: 'nul_test', prefix: 'Q', categoryId: category.id, officeId: os.officeId };
      expectApiError(
        await admin.post('/api/admin/services', { ...service, name: { it: 'a', ro: 'b\u0000' } }),
        400,
        'invalid_input',
      );
      expectApiError(await admin.get('/api/admin/services?q=a%00'), 400, 'invalid_input');
    });
  });

  it('are refused in socket payloads, and the socket goes on working', async () => {
    const socket = await connectSocket(app.url);
    try {
      const bad = await subscribe(socket, 'display:subscribe', { display: 'sala\u0000' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const good = await subscribe(socket, 'display:subscribe', { officeId: os.officeId });
      expect(good.ok).toBe(true);
    } finally {
      socket.disconnect();
    }
  });
});

describe('impossible dates', () => {
  it('are refused in availability, statistics and closures, and no closure is stored', async () => {
    const supervisor = new ApiClient(app.url);
    await supervisor.login('supervisore');
    const service = os.appointment[0];
    const avail = (q: string) =>
      new ApiClient(app.url).get(`/api/appointments/availability?serviceId=${service.id}&officeId=${service.officeId}&${q}`);
    await unchanged(async () => {
      for (const q of ['from=2026-02-30', 'from=2026-04-31', 'from=0001-01-01', 'from=0000-01-01', 'to=2026-02-29'])
        expectApiError(await avail(q), 400, 'invalid_input');
      for (const q of ['from=2026-02-30&to=2026-03-01', 'from=0001-01-01&to=0001-01-02', 'from=2026-04-31&to=2026-05-01'])
        expectApiError(await supervisor.get(`/api/stats?${q}`), 400, 'invalid_input');
      expectApiError(await supervisor.get('/api/stats.csv?from=0000-01-01&to=0000-01-01'), 400, 'invalid_input');
      expectApiError(
        await admin.post('/api/schedules/closures', { officeId: service.officeId, fromDay: '2026-02-30', toDay: '2026-02-31' }),
        400,
        'invalid_input',
      );
      expectApiError(
        await admin.post('/api/schedules/closures', { officeId: service.officeId, fromDay: '0001-01-01', toDay: '0001-01-02' }),
        400,
        'invalid_input',
      );
    });
    expect((await avail('from=2026-03-02&to=2026-03-03')).status).toBe(200);
  });
});

describe('malformed percent-encoding in a path', () => {
  it('answers 400 on every dynamic path, API and pages alike', async () => {
    for (const path of ['/api/tickets/%ZZ', '/t/%ZZ', '/book/manage/%ZZ', '/api/kiosks/%ZZ', '/api/tickets/%E0%A4%A/cancel']) {
      const res = await raw(app.url, { path });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'bad_path' } });
    }
    const post = await raw(app.url, { method: 'POST', path: '/api/tickets/%ZZ/cancel' });
    expect(post.status).toBe(400);
  });
});

describe('request bodies', () => {
  it('stops reading a body without Content-Length at the cap: 413, and the server is fine', async () => {
    const u = new URL(app.url);
    // An endless chunked body: a server that reads it whole never answers.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          method: 'POST',
          path: '/api/tickets',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
      const chunk = `{"pad":"${'x'.repeat(16 * 1024)}`;
      const pump = () => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once('drain', pump);
      };
      pump();
    });
    expect(status).toBe(413);
    expect((await new ApiClient(app.url).get('/api/health')).status).toBe(200);
  });

  it('refuses a declared Content-Length above the cap with 413', async () => {
    await unchanged(async () => {
      const res = await fetch(`${app.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: os.desk[0].id, pad: 'x'.repeat(70_000) }),
      });
      expect(res.status).toBe(413);
    });
  });

  it('needs application/json for a JSON body: 415 otherwise, and nothing changes', async () => {
    await unchanged(async () => {
      const body = JSON.stringify({ serviceId: os.desk[0].id });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await raw(app.url, { method: 'POST', path: '/api/tickets', headers: { 'content-type': type }, body });
        expect(res.status, type).toBe(415);
        expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unsupported_media_type' } });
      }
      const untyped = await raw(app.url, { method: 'POST', path: '/api/tickets', body });
      expect(untyped.status).toBe(415);
      const login = await raw(app.url, {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ username: 'admin', password: 'sportello' }),
      });
      expect(login.status).toBe(415);
    });
    const ok = await raw(app.url, {
      method: 'POST',
      path: '/api/tickets',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ serviceId: os.desk[0].id }),
    });
    expect(ok.status).toBe(201);
  });
});

describe('origins', () => {
  it('refuses writes from another site (Origin, Sec-Fetch-Site) with 403 and accepts our own', async () => {
    const body = JSON.stringify({ serviceId: os.desk[0].id });
    await unchanged(async () => {
      for (const headers of [
        { origin: 'http://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: app.url, 'sec-fetch-site': 'same-site' },
      ] as Record<string, string>[]) {
        const res = await raw(app.url, {
          method: 'POST',
          path: '/api/tickets',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'cross_site' } });
      }
      // A logged-in clerk's cookie does not help another site either.
      const res = await raw(app.url, {
        method: 'POST',
        path: '/api/auth/logout',
        headers: { origin: 'http://evil.example', cookie: (admin as unknown as { cookie: string }).cookie },
      });
      expect(res.status).toBe(403);
    });
    const own = await raw(app.url, {
      method: 'POST',
      path: '/api/tickets',
      headers: { 'content-type': 'application/json', origin: app.url, 'sec-fetch-site': 'same-origin' },
      body,
    });
    expect(own.status).toBe(201);
    // Reads are not concerned.
    expect((await raw(app.url, { path: '/api/queues', headers: { origin: 'http://evil.example' } })).status).toBe(200);
  });

  it('refuses socket.io connections from another site', async () => {
    const evil = connectIo(app.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      evil.once('connect', () => resolve('connected'));
      evil.once('connect_error', () => resolve('refused'));
    });
    evil.disconnect();
    expect(outcome).toBe('refused');
    const own = connectIo(app.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: app.url },
    });
    const ok = await new Promise<string>((resolve) => {
      own.once('connect', () => resolve('connected'));
      own.once('connect_error', (e) => resolve(`refused: ${e.message}`));
    });
    own.disconnect();
    expect(ok).toBe('connected');
  });
});

describe('security headers', () => {
  it('pages carry a CSP with a fresh nonce that the page scripts use', async () => {
    const a = await fetch(`${app.url}/kiosk`);
    const b = await fetch(`${app.url}/kiosk`);
    const csp = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(a.headers.get('referrer-policy')).toBe('same-origin');
    expect(a.headers.get('strict-transport-security')).toBeNull(); // plain http
  });

  it('allow the camera on the kiosk only', async () => {
    expect((await fetch(`${app.url}/kiosk`)).headers.get('permissions-policy')).toContain('camera=(self)');
    for (const p of ['/display', '/counter', '/admin', '/book', '/']) {
      const res = await fetch(`${app.url}${p}`, { redirect: 'manual' });
      expect(res.headers.get('permissions-policy'), p).toContain('camera=()');
      expect(res.headers.get('content-security-policy'), p).toMatch(/script-src 'self' 'nonce-/);
    }
  });

  it('the API has a script-free CSP, nosniff and frame protection', async () => {
    const res = await fetch(`${app.url}/api/queues`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('idle keep-alive connections', () => {
  /** Two GETs on one TCP connection, `idleMs` apart: each answer's status line and Keep-Alive header. */
  async function twoRequestsOnOneConnection(idleMs: number): Promise<string[]> {
    const u = new URL(app.url);
    const socket = net.connect(Number(u.port), u.hostname);
    const answers: string[] = [];
    let buffer = '';
    let closed = false;
    socket.once('close', () => (closed = true));
    const next = () =>
      new Promise<string>((resolve, reject) => {
        if (closed) return reject(new Error('the server closed the connection'));
        const onData = (d: Buffer) => {
          buffer += d.toString();
          const end = buffer.indexOf('\r\n\r\n');
          const length = Number(/content-length: *(\d+)/i.exec(buffer)?.[1] ?? NaN);
          if (end < 0 || buffer.length < end + 4 + length) return;
          socket.off('data', onData);
          socket.off('close', onClose);
          const head = buffer.slice(0, end);
          buffer = buffer.slice(end + 4 + length);
          resolve(`${head.split('\r\n')[0]} | ${/keep-alive: *([^\r\n]*)/i.exec(head)?.[1] ?? '-'}`);
        };
        const onClose = () => reject(new Error('the server closed the connection'));
        socket.on('data', onData);
        socket.once('close', onClose);
      });
    const get = `GET /api/health HTTP/1.1\r\nHost: ${u.host}\r\nConnection: keep-alive\r\n\r\n`;
    try {
      socket.write(get);
      answers.push(await next());
      await new Promise((r) => setTimeout(r, idleMs));
      socket.write(get);
      answers.push(await next());
    } finally {
      socket.destroy();
    }
    return answers;
  }

  it("stay open longer than a reverse proxy keeps its own (65 s, not Node's 5 s)", async () => {
    // 6 s idle: past Node's default, which closed the connection just as a proxy could reuse it.
    const answers = await twoRequestsOnOneConnection(6000);
    expect(answers).toEqual(['HTTP/1.1 200 OK | timeout=65', 'HTTP/1.1 200 OK | timeout=65']);
  }, 20_000);
});

describe('socket subscriptions', () => {
  it('are rate-limited per socket with a clear error, and the socket stays usable', async () => {
    const socket = await connectSocket(app.url);
    try {
      const acks = [];
      for (let i = 0; i < SUBSCRIBE_BURST + 4; i++)
        acks.push(await subscribe(socket, 'ticket:subscribe', { code: 'abcdefghijkmnpqr' }));
      const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
      expect(codes.slice(0, SUBSCRIBE_BURST).every((c) => c === 'not_found')).toBe(true);
      expect(codes.slice(SUBSCRIBE_BURST)).toContain('rate_limited');
      expect(socket.connected).toBe(true);
      // The bucket refills: a legitimate subscription goes through again.
      await new Promise((r) => setTimeout(r, 2 * REFILL_MS + 500));
      expect((await subscribe(socket, 'display:subscribe', { officeId: os.officeId })).ok).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('are capped per socket: the next room is refused, rooms already joined still work', async () => {
    const api = new ApiClient(app.url);
    const tickets = [];
    for (let i = 0; i <= MAX_ROOMS_PER_SOCKET; i++) tickets.push(await issue(api, os.desk[0].id));
    const socket = await connectSocket(app.url);
    try {
      const results: string[] = [];
      for (const t of tickets) {
        let ack = await subscribe<unknown>(socket, 'ticket:subscribe', { code: t.code });
        // Stay within the rate: this test is about the cap.
        while (!ack.ok && ack.error.code === 'rate_limited') {
          await new Promise((r) => setTimeout(r, 1000));
          ack = await subscribe<unknown>(socket, 'ticket:subscribe', { code: t.code });
        }
        results.push(ack.ok ? 'ok' : ack.error.code);
      }
      expect(results.slice(0, MAX_ROOMS_PER_SOCKET)).toEqual(Array(MAX_ROOMS_PER_SOCKET).fill('ok'));
      expect(results[MAX_ROOMS_PER_SOCKET]).toBe('too_many_subscriptions');
      let again = await subscribe<unknown>(socket, 'ticket:subscribe', { code: tickets[0].code });
      while (!again.ok && again.error.code === 'rate_limited') {
        await new Promise((r) => setTimeout(r, 1000));
        again = await subscribe<unknown>(socket, 'ticket:subscribe', { code: tickets[0].code });
      }
      expect(again.ok).toBe(true);
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
    }
  }, 120_000);
});

describe('behind a trusted proxy', () => {
  let proxied: TestApp;

  beforeAll(async () => {
    proxied = await startApp(space, { TRUST_PROXY: 'loopback', RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  // A new unknown account each time: the per-account login throttle must not be what answers 429.
  let attempt = 0;
  const login = (headers: Record<string, string>) =>
    raw(proxied.url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: `nobody-${++attempt}`, password: 'wrong-password' }),
    });

  it('limits each client by its X-Forwarded-For address, IPv6 by /64', async () => {
    // Seven tries within at most two one-minute windows of 3: some must be refused, whatever the
    // minute the test runs in.
    const statuses = async (addresses: string[]) => {
      const out: number[] = [];
      for (const a of addresses) out.push((await login({ 'x-forwarded-for': `203.0.113.250, ${a}` })).status);
      return out;
    };
    expect(await statuses(Array(7).fill('198.51.100.1'))).toContain(429);
    // Another client behind the same proxy has its own bucket.
    expect((await login({ 'x-forwarded-for': '198.51.100.2' })).status).toBe(401);
    // Seven different addresses of one IPv6 /64 share a bucket...
    expect(await statuses(Array.from({ length: 7 }, (_, i) => `2001:db8:1:2::${i + 1}`))).toContain(429);
    // ...and another /64 does not.
    expect((await login({ 'x-forwarded-for': '2001:db8:1:3::1' })).status).toBe(401);
  });

  it('marks cookies Secure and sends HSTS when the proxy says https', async () => {
    const body = JSON.stringify({ username: 'admin', password: 'sportello' });
    const https = await raw(proxied.url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.20' },
      body,
    });
    expect(https.status).toBe(200);
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=/);
    const plain = await raw(proxied.url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.21' },
      body,
    });
    expect(plain.status).toBe(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
    // A client that is not a trusted proxy cannot claim https.
    const direct = await raw(app.url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body,
    });
    expect(direct.status).toBe(200);
    expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('with PUBLIC_BASE_URL', () => {
  it('accepts writes only from that origin', async () => {
    const pub = await startApp(space, { PUBLIC_BASE_URL: 'https://sportello.example.test' });
    try {
      const post = (origin: string) =>
        raw(pub.url, {
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ username: 'admin', password: 'sportello' }),
        });
      expect((await post('http://sportello.example.test')).status).toBe(403);
      expect((await post(pub.url)).status).toBe(403);
      const ok = await post('https://sportello.example.test');
      expect(ok.status).toBe(200);
      expect(String(ok.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await pub.stop();
    }
  });
});

describe('a lost database connection', () => {
  it('answers 503 while PostgreSQL drops connections, changes nothing, and recovers by itself', async () => {
    // A TCP relay between the app and PostgreSQL that can cut every connection (as a restart,
    // a failover or a network fault would) and refuse new ones with a reset.
    const pgUrl = new URL(space.databaseUrl);
    let mode: 'pass' | 'reset' = 'pass';
    const open = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      if (mode === 'reset') return void client.resetAndDestroy();
      const upstream = net.connect(Number(pgUrl.port || 5432), pgUrl.hostname);
      open.add(client);
      client.on('close', () => open.delete(client));
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayUrl = new URL(space.databaseUrl);
    relayUrl.host = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
    const viaRelay = await startApp(space, { DATABASE_URL: relayUrl.toString() });
    try {
      const api = new ApiClient(viaRelay.url);
      expect((await api.get('/api/offices')).status).toBe(200);
      mode = 'reset';
      for (const s of open) s.resetAndDestroy();
      const before = await space.db.ticket.count();
      expectApiError(await api.get('/api/offices'), 503, 'unavailable');
      expectApiError(await api.post('/api/auth/login', { username: 'admin', password: 'sportello' }), 503, 'unavailable');
      expectApiError(await api.post('/api/tickets', { serviceId: os.desk[0].id }), 503);
      expect(await space.db.ticket.count()).toBe(before);
      mode = 'pass';
      expect((await api.get('/api/offices')).status).toBe(200);
    } finally {
      await viaRelay.stop();
      relay.close();
    }
  });
});

describe('the rate limit without Redis', () => {
  it('lets requests through with a log line instead of failing them, and the server still stops cleanly', async () => {
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const own = await startApp(space, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_PREFIX: `${space.redisPrefix}_down`,
      RATE_LIMIT_PER_MINUTE: '5',
    }).catch(async (err: unknown) => {
      redis.kill('SIGKILL');
      throw err;
    });
    try {
      const login = () => new ApiClient(own.url).post('/api/auth/login', { username: 'nobody', password: 'wrong-password' });
      expectApiError(await login(), 401, 'invalid_credentials');
      await new Promise<void>((resolve) => {
        redis.once('exit', () => resolve());
        redis.kill('SIGKILL');
      });
      expectApiError(await login(), 401, 'invalid_credentials');
      expect(own.output()).toContain('rate limit not checked');
      // A stop with Redis gone still ends cleanly: the job queues are not waited for until main.ts gives up (exit code 1).
      await own.stop();
      expect(own.child.exitCode).toBe(0);
    } finally {
      await own.stop();
      if (redis.exitCode === null && redis.signalCode === null) redis.kill('SIGKILL');
    }
  });
});
