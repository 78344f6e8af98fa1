import { describe, expect, it } from 'vitest';
import { keptBodyText } from '../../server/http/body-text';
import { json } from '../../server/http/route';

describe("a JSON answer's kept text", () => {
  it('is the body itself, bigints as strings, while the body is unread', async () => {
    const res = json({ n: 9007199254740993n, name: 'Certificato' }, 201);
    const text = keptBodyText(res);
    expect(text).toBe('{"n":"9007199254740993","name":"Certificato"}');
    expect(await res.text()).toBe(text);
    // Read once: the server must not write it a second time from the copy.
    expect(keptBodyText(res)).toBeUndefined();
  });

  it('is absent from any other Response (read through its stream as before)', () => {
    expect(keptBodyText(new Response('{"a":1}'))).toBeUndefined();
    const copy = new Response(json({ a: 1 }).body, { status: 200 });
    expect(keptBodyText(copy)).toBeUndefined();
  });
});
