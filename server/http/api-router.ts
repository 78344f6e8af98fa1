import type http from 'node:http';
import { trackRequest } from '../foreground';
import { log } from '../log';
import { keptBodyText } from './body-text';
import { apiRouteFiles, type ApiRouteFile } from './api-routes';

/**
 * The API's route handlers (app/api/**\/route.ts), answered by the custom server itself instead
 * of through Next. They are plain Web `Request → Response` functions (http/route.ts), so Next's
 * page machinery in between (its router, request adaptation, async context, a second bundled copy
 * of every server module) only cost time and memory: issue 10's profile of ticket issuing showed
 * it as a fifth of the server's time. Same files, same URLs; pages stay with Next.
 *
 * The table is read once at start (api-routes.ts; `[name]` segments are parameters; a fixed
 * segment wins over a parameter, as in Next). A module is imported at its first request.
 */
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface ApiRoute extends ApiRouteFile {
  module?: Promise<Record<string, unknown>>;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const isParam = (s: string) => s.startsWith('[') && s.endsWith(']');

function match(route: ApiRoute, parts: string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const s = route.segments[i]!;
    if (isParam(s)) params[s.slice(1, -1)] = parts[i]!;
    else if (s !== parts[i]) return null;
  }
  return params;
}

/**
 * The request body as a web stream. A handler that stops reading (a body over its size limit)
 * cancels it: the rest is read and dropped, so the client gets its 413 on a connection still
 * open instead of a reset in the middle of its upload.
 */
function bodyOf(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  // Answered before the body was read (a declared length over the limit): drop the rest likewise.
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.once('error', (err) => {
        if (open) controller.error(err);
        open = false;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume();
    },
  });
}

function toRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  // No stream for a request that declares no body (a click's POST: Content-Length 0): a web
  // stream costs about half of a Request's construction (issue 10).
  const hasBody =
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    (req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0');
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? bodyOf(req) : undefined,
    // Node's fetch needs this to accept a streamed request body.
    duplex: 'half',
  } as RequestInit);
}

async function send(res: http.ServerResponse, response: Response, head: boolean): Promise<void> {
  res.statusCode = response.status;
  for (const [k, v] of response.headers) if (k !== 'set-cookie') res.setHeader(k, v);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  // The kept text first: asking a JSON answer for its body would make the stream it avoids.
  const text = keptBodyText(response);
  if (head || (text === undefined && !response.body)) res.end();
  else res.end(text ?? Buffer.from(await response.arrayBuffer()));
}

function jsonError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Returns the API dispatcher: true when it answered, false for a path that is no API route (Next answers it). */
export function apiRouter(appDir: string) {
  // Fixed segments before parameters, position by position: /procedures/track/x beats /procedures/[id]/x.
  const routes: ApiRoute[] = apiRouteFiles(appDir).sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const d = Number(isParam(a.segments[i]!)) - Number(isParam(b.segments[i]!));
      if (d !== 0) return d;
    }
    return 0;
  });
  return (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean => {
    // frontDoor has already refused a path that does not decode.
    const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
    if (parts[0] !== 'api') return false;
    let found: { route: ApiRoute; params: Record<string, string> } | null = null;
    for (const route of routes) {
      const params = match(route, parts);
      if (params) {
        found = { route, params };
        break;
      }
    }
    if (!found) return false;
    const { route, params } = found;
    const answered = trackRequest(res);
    void (async () => {
      try {
        const mod = await (route.module ??= route.load());
        const method = req.method ?? 'GET';
        const allowed = METHODS.filter((m) => typeof mod[m] === 'function');
        const handler = (mod[method] ?? (method === 'HEAD' ? mod.GET : undefined)) as Handler | undefined;
        if (!handler) {
          if (method === 'OPTIONS') {
            res.writeHead(204, { allow: [...allowed, 'OPTIONS'].join(', ') });
            res.end();
            return;
          }
          jsonError(res, 405, 'method_not_allowed', `Use ${allowed.join(', ')}`, { allow: allowed.join(', ') });
          return;
        }
        await send(res, await handler(toRequest(req), { params: Promise.resolve(params) }), method === 'HEAD');
        // Answered before the whole body was read (a declared length over the limit): drop the
        // rest, so the connection can serve the client's next request.
        if (!req.complete) {
          req.removeAllListeners('data');
          req.resume();
        }
      } catch (err) {
        log.error({ err, path: pathname }, 'API route failed');
        if (!res.headersSent) jsonError(res, 500, 'internal', 'Unexpected error');
        else res.destroy();
      } finally {
        answered();
      }
    })();
    return true;
  };
}
