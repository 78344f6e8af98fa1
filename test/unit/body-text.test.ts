import { describe, expect, it } from 'vitest';
import { keptBodyText } from '../../server/http/body-text';
import { json } from '../../server/http/route';
import { withSecureCookies } from '../../server/http/secure-cookies';

describe("a JSON answer's kept text", () => {
  it('is the body itself, bigints as strings, while the body is unread', async () => {
    const res = json({ n: 9007199254740993n, name: 'Certificato' }, 201);
    const text = keptBodyText(res);
    expect(text).toBe('{"n":"9007199254740993","name":"Certificato"}');
    expect(res.bodyUsed).toBe(false);
    expect(await res.text()).toBe(text);
    // Read once: the server must not write it a second time from the copy.
    expect(res.bodyUsed).toBe(true);
    expect(keptBodyText(res)).toBeUndefined();
    await expect(res.text()).rejects.toThrow();
  });

  it('reads like any Response: as JSON, as bytes, through its stream, cloned', async () => {
    expect(await json({ a: 1 }).json()).toEqual({ a: 1 });
    expect(new TextDecoder().decode(await json({ a: 2 }).arrayBuffer())).toBe('{"a":2}');
    const res = json({ a: 3 }, 404, { 'x-extra': 'yes' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-extra')).toBe('yes');
    const clone = res.clone();
    expect(await new Response(res.body).text()).toBe('{"a":3}');
    expect(await clone.json()).toEqual({ a: 3 });
  });

  it('is absent from any other Response (read through its stream as before)', async () => {
    expect(keptBodyText(new Response('{"a":1}'))).toBeUndefined();
    const copy = new Response(json({ a: 1 }).body, { status: 200 });
    expect(keptBodyText(copy)).toBeUndefined();
    // A wrapper that marks cookies Secure copies the body, and loses nothing.
    const withCookie = json({ ok: true }, 200, { 'set-cookie': 'sid=1; Path=/' });
    const secure = withSecureCookies(withCookie);
    expect(secure.headers.getSetCookie()).toEqual(['sid=1; Path=/; Secure']);
    expect(await secure.json()).toEqual({ ok: true });
  });
});
