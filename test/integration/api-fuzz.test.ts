/**
 * Every API route and socket subscription against hostile input, on a real server: each method
 * each route file exports, called anonymously and as the admin, with path parameters that are real
 * ids and made-up ones, bodies of the wrong shape and type, and query strings full of impossible
 * values; each subscription with payloads of every wrong kind. Whatever comes in, the answer is
 * never a 5xx (on a socket: never `internal`), a refusal is JSON with an error code and message,
 * and the server goes on serving. The other tests check each route's own refusals; this one
 * sweeps the routes nobody listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { signedInCitizen } from '../helpers/portal';
import { connectSocket, cookieOf, issue, oneStop } from '../helpers/sportello';
import { subscriptions } from '../../contract/realtime';
import { SUBSCRIBE_BURST } from '../../server/socket/limits';
import { apiRouteFiles } from '../../server/http/api-routes';

let space: TestSpace;
let app: TestApp;
let adminCookie: string;
let citizenCookie: string;
/** Real ids by path parameter name, so that a request gets past "not found" to its input's checks. */
const realIds = new Map<string, string[]>();

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface Route {
  /** URL segments; `[name]` is a parameter. */
  segments: string[];
  methods: string[];
}

/** The API's route files as the server reads them (http/api-routes.ts), with the methods each exports. */
function routes(): Route[] {
  const appDir = path.join(process.cwd(), 'app');
  return apiRouteFiles(appDir).map(({ segments }) => {
    const text = fs.readFileSync(path.join(appDir, ...segments, 'route.ts'), 'utf8');
    return { segments, methods: METHODS.filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(text)) };
  });
}

/** Made-up path parameters: unknown ids, wrong kinds, traversal, huge, odd characters. */
const FAKE_PARAMS = [
  '00000000-0000-0000-0000-000000000000',
  'x',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(3000),
  '%E2%80%AE%F0%9F%98%80',
  "1'%20OR%20'1'%3D'1",
  '-1',
  '1e309',
];

const DEEP = JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown;

/** A body whose usual field names all hold the wrong type. */
const WRONG_FIELDS = Object.fromEntries(
  [
    'id',
    'serviceId',
    'officeId',
    'counterId',
    'staffId',
    'priority',
    'lang',
    'name',
    'names',
    'code',
    'prefix',
    'username',
    'password',
    'email',
    'phone',
    'day',
    'date',
    'from',
    'to',
    'startsAt',
    'slot',
    'weight',
    'skills',
    'services',
    'order',
    'hours',
    'address',
    'url',
    'token',
    'text',
    'message',
    'outcome',
    'reason',
    'fields',
    'values',
    'answers',
    'attachments',
    'position',
    'number',
    'active',
    'mode',
    'role',
    'fiscalCode',
    'notes',
  ].map((k, i) => [k, [{}, [], -1, 1e308, true, null, 'x'.repeat(2_000), [null], { $gt: '' }][i % 9]]),
);

const BODIES: unknown[] = [
  undefined,
  {},
  [],
  null,
  'text',
  12,
  DEEP,
  WRONG_FIELDS,
  { __proto__: { admin: true }, constructor: { prototype: { polluted: true } } },
  '{"unterminated": ',
];

const QUERY =
  '?day=2026-02-31&from=x&to=&date=9999-99-99&officeId=..%2F&serviceId=%00x&lang=zz&limit=-1&offset=1e309' +
  '&page=NaN&status=every&month=13&week=0&format=exe&q=' +
  'x'.repeat(5000);

function urlsOf(r: Route): string[] {
  const choices = r.segments.map((s) => {
    if (!s.startsWith('[')) return [s];
    const real = realIds.get(s.slice(1, -1)) ?? [];
    return [...real, ...FAKE_PARAMS];
  });
  // Each parameter's choices in turn, the others at their first (a real id where there is one).
  const urls = new Set<string>([`/${choices.map((c) => c[0]).join('/')}`]);
  choices.forEach((c, i) => {
    for (const v of c) urls.add(`/${choices.map((d, j) => (j === i ? v : d[0])).join('/')}`);
  });
  return [...urls];
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

async function send(method: string, url: string, cookie: string | null, body: unknown): Promise<Answer> {
  const res = await fetch(app.url + url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

const caller = (cookie: string | null | undefined) =>
  cookie === adminCookie ? 'admin' : cookie === citizenCookie ? 'citizen' : 'anonymous';

/** What went wrong with one answer, or null. */
function problem(a: Answer): string | null {
  if (a.status >= 500) return `${a.status} ${a.body.slice(0, 200)}`;
  if (a.status >= 400) {
    if (!a.contentType.includes('application/json')) return `${a.status} not JSON (${a.contentType})`;
    const parsed = JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string')
      return `${a.status} without an error code and message: ${a.body.slice(0, 200)}`;
  }
  return null;
}

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space, { RATE_LIMIT_PER_MINUTE: '0' });
  const os = await oneStop(app.url);
  const admin = new ApiClient(app.url);
  await admin.login('admin');
  adminCookie = cookieOf(admin);
  citizenCookie = cookieOf(await signedInCitizen(app, 'fuzz@example.org'));
  const ticket = await issue(new ApiClient(app.url), os.desk[0]!.id);
  const [counter, kiosk, staff] = await Promise.all([
    space.db.counter.findFirstOrThrow({ where: { officeId: os.officeId } }),
    space.db.kiosk.findFirst(),
    space.db.staff.findFirstOrThrow({ where: { username: { not: 'admin' } } }),
  ]);
  realIds.set('code', [ticket.code]);
  realIds.set('serviceId', [os.desk[0]!.id]);
  realIds.set('id', [counter.id, os.desk[0]!.id, os.officeId, staff.id, ...(kiosk ? [kiosk.id] : [])]);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

// Signing out ends the session the sweep uses: those two routes go last.
const all = routes().sort((a, b) => Number(a.segments.at(-1) === 'logout') - Number(b.segments.at(-1) === 'logout'));

describe('every API route against hostile input', () => {
  it('finds the route files and their methods', () => {
    expect(all.length).toBeGreaterThan(90);
    for (const r of all) expect(r.methods.length, r.segments.join('/')).toBeGreaterThan(0);
  });

  it('never answers 5xx, answers every 4xx as JSON with an error code, and keeps serving', async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const r of all) {
      for (const method of r.methods) {
        for (const [k, url] of urlsOf(r).entries()) {
          for (const cookie of [null, adminCookie, citizenCookie]) {
            // Every body with the first URL (real ids where there are); two with the made-up ones.
            const bodies = method === 'GET' || method === 'DELETE' ? [undefined] : k === 0 ? BODIES : [{}, WRONG_FIELDS];
            for (const body of bodies) {
              for (const u of method === 'GET' ? [url, url + QUERY] : [url]) {
                const a = await send(method, u, cookie, body);
                requests++;
                const p = problem(a);
                if (p)
                  problems.push(
                    `${method} ${u.slice(0, 120)} ${caller(cookie)} body=${JSON.stringify(body)?.slice(0, 60)}: ${p}`,
                  );
              }
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(2000);
    expect(problems).toEqual([]);
    expect((await send('GET', '/api/health', null, undefined)).status).toBe(200);
  }, 600_000);

  it('answers every socket subscription with hostile payloads by an error code, never `internal`', async () => {
    const fake = FAKE_PARAMS.map((v) => decodeURIComponent(v));
    const payloads: unknown[] = [
      undefined,
      null,
      [],
      {},
      'x',
      12,
      WRONG_FIELDS,
      ...fake.flatMap((v) => [{ counterId: v }, { code: v }, { id: v }, { officeId: v, display: v }]),
    ];
    const problems: string[] = [];
    let acks = 0;
    for (const event of Object.keys(subscriptions)) {
      for (const cookie of [undefined, adminCookie, citizenCookie]) {
        // A socket per event, caller and batch within the subscriptions' budget (SUBSCRIBE_BURST).
        for (let from = 0; from < payloads.length; from += SUBSCRIBE_BURST) {
          const socket = await connectSocket(app.url, cookie);
          try {
            for (const payload of payloads.slice(from, from + SUBSCRIBE_BURST)) {
              const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as {
                ok?: unknown;
                error?: { code?: unknown; message?: unknown };
              };
              acks++;
              const what = `${event} ${caller(cookie)} ${JSON.stringify(payload)?.slice(0, 60)}`;
              if (ack.ok === true) continue;
              if (ack.ok !== false || typeof ack.error?.code !== 'string' || typeof ack.error.message !== 'string')
                problems.push(`${what}: ${JSON.stringify(ack).slice(0, 200)}`);
              else if (['internal', 'unavailable', 'rate_limited'].includes(ack.error.code))
                problems.push(`${what}: ${ack.error.code}`);
            }
            expect(socket.connected).toBe(true);
          } finally {
            socket.disconnect();
          }
        }
      }
    }
    expect(acks).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  }, 300_000);

  it('renders every page with made-up parameters and hostile query strings without a 5xx', async () => {
    const pages = pageRoutes();
    expect(pages.length).toBeGreaterThan(20);
    const problems: string[] = [];
    let requests = 0;
    for (const segments of pages) {
      const urls = urlsOf({ segments, methods: ['GET'] }).flatMap((u) => [u, u + QUERY]);
      for (const url of urls)
        for (const cookie of [null, adminCookie, citizenCookie]) {
          const a = await send('GET', url, cookie, undefined);
          requests++;
          if (a.status >= 500) problems.push(`GET ${url.slice(0, 120)} ${caller(cookie)}: ${a.status}`);
        }
    }
    expect(requests).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  }, 300_000);
});

/** The pages (app/**\/page.tsx) as URL segments; `[name]` is a parameter. */
function pageRoutes(dir = path.join(process.cwd(), 'app'), segments: string[] = []): string[][] {
  const found: string[][] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== 'api') found.push(...pageRoutes(path.join(dir, e.name), [...segments, e.name]));
    else if (e.name === 'page.tsx') found.push(segments);
  }
  return found;
}
