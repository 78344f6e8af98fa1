import http from 'node:http';

/**
 * The load generator's HTTP client: Node's http with keep-alive connections, JSON in and out.
 * The bench's clients run on the same two cores as the app, so what they spend is taken from it:
 * `fetch` (the tests' ApiClient) costs 0.5–1.5 ms of CPU per request here, this about a tenth —
 * the kiosks and counters of a real office run on their own machines.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export class BenchClient {
  private readonly url: URL;

  constructor(
    baseUrl: string,
    private readonly cookie = '',
  ) {
    this.url = new URL(baseUrl);
  }

  // `any` on purpose, as in the tests' ApiClient: each caller reads the fields it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post(path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: this.url.hostname,
          port: this.url.port,
          path,
          method: 'POST',
          headers: {
            ...(payload === undefined
              ? { 'content-length': 0 }
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = null;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              parsed = text;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
