import { AppError } from '../errors';

/** The largest JSON body any endpoint accepts (the biggest real one, a week of hours, is ~5 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new AppError(413, 'body_too_large', 'The request body is too large');

/** `application/json`, optionally with parameters (`; charset=utf-8`); anything else is not JSON. */
export function isJsonContentType(header: string | null): boolean {
  return header !== null && header.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Reads at most `limit` bytes of the request body: a declared Content-Length above it is refused
 * before reading, and a chunked body is cut off (and the stream cancelled) as soon as it passes
 * it, so a client cannot make the server hold an unbounded body in memory.
 */
export async function readBodyBytes(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/**
 * The JSON body of a request. A body needs `Content-Type: application/json` (415 otherwise): a
 * plain HTML form can post `text/plain` across sites without a preflight, but never JSON. An empty
 * body without a type is `{}` (buttons that post nothing).
 */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get('content-type');
  const json = isJsonContentType(type);
  if (type !== null && !json) throw unsupportedType();
  const bytes = await readBodyBytes(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid UTF-8');
  }
  if (text.trim() === '') return {};
  if (!json) throw unsupportedType();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON');
  }
}

function unsupportedType() {
  return new AppError(415, 'unsupported_media_type', 'Send the body as application/json');
}
