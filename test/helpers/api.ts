/** A small HTTP client for the tests: JSON in and out, one cookie jar per client. */
export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** A client holding this cookie (`name=value`), e.g. the portal session a browser flow ended with. */
  static withCookie(baseUrl: string, cookie: string): ApiClient {
    const c = new ApiClient(baseUrl);
    c.cookie = cookie;
    return c;
  }

  /** The cookie it sends (`name=value`, or empty). */
  get cookieHeader(): string {
    return this.cookie;
  }

  // `any` on purpose: each test asserts the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  async login(username: string, password = 'sportello') {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}
