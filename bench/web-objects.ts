/**
 * `node --import tsx bench/web-objects.ts`: what Node's own `Request` and `Response` cost to
 * build, with a body and without one (the API's hot path avoids the body streams: http/api-router.ts,
 * http/body-text.ts). Microseconds each, over 50,000 after a warm-up; prints only.
 */
const headers = {
  host: '127.0.0.1:3000',
  accept: '*/*',
  cookie: 'sportello_session=abcdefghijklmnopqrstuvwxyz0123456789',
  'content-type': 'application/json',
  'content-length': '0',
  connection: 'keep-alive',
};
const url = 'http://127.0.0.1:3000/api/counters/abc/call-next';
const text = JSON.stringify({ ticket: { id: 'x', code: 'A001', service: { name: 'Certificato' } } });
const init = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } };
const N = 50_000;

function microseconds(make: () => unknown): number {
  for (let i = 0; i < 5_000; i++) make();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) make();
  return ((performance.now() - t0) / N) * 1000;
}

const rows: [string, () => unknown][] = [
  [
    'Request with a body stream',
    () => new Request(url, { method: 'POST', headers, body: new ReadableStream(), duplex: 'half' } as RequestInit),
  ],
  ['Request without a body', () => new Request(url, { method: 'POST', headers })],
  ['Response from a string', () => new Response(text, init)],
  ['Response without a body', () => new Response(null, init)],
];
for (const [name, make] of rows) console.log(`${name.padEnd(30)} ${microseconds(make).toFixed(1).padStart(6)} µs`);
