import type http from 'node:http';
import type { Config } from '../config';
import { log } from '../log';
import { clientAddress, clientProto } from './client-address';
import { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER } from './internal-headers';
import { securityHeaders } from './headers';
import { crossSiteReason, isSafeMethod } from './origin';

function refuse(res: http.ServerResponse, status: number, code: string, message: string): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message } }));
  return true;
}

/**
 * What every HTTP request goes through before Next, Bull Board or /metrics see it: the client's
 * address and protocol (through trusted proxies only), the security headers, a path that decodes,
 * and, for writes, an origin that is ours. Returns true when it already answered.
 */
export function frontDoor(req: http.IncomingMessage, res: http.ServerResponse, config: Config): boolean {
  const remote = req.socket.remoteAddress;
  const forwardedFor = req.headers['x-forwarded-for'];
  const forwardedProto = req.headers['x-forwarded-proto'];
  // Never trust a value the client sent for these: they are ours alone.
  req.headers[CLIENT_IP_HEADER] = clientAddress(
    remote,
    Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
    config.trustProxy,
  );
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  const proto = clientProto(
    encrypted,
    remote,
    Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto,
    config.trustProxy,
  );
  req.headers[CLIENT_PROTO_HEADER] = proto;

  const rawPath = (req.url ?? '/').split('?')[0];
  const https = proto === 'https' || Boolean(config.publicBaseUrl?.startsWith('https:'));
  for (const [k, v] of Object.entries(securityHeaders(rawPath, https))) res.setHeader(k, v);

  // `/api/tickets/%ZZ` would make the router throw on decoding: a bad request, not a crash.
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse(res, 400, 'bad_path', 'The address is not validly encoded');
  }
  if (path.includes('\u0000')) return refuse(res, 400, 'bad_path', 'The address holds a NUL character');

  if (!isSafeMethod(req.method)) {
    const reason = crossSiteReason(req.headers, config.publicBaseUrl);
    if (reason) {
      log.warn({ method: req.method, path: rawPath, reason, client: req.headers[CLIENT_IP_HEADER] }, 'cross-site write refused');
      return refuse(res, 403, 'cross_site', 'Requests from other sites are not accepted');
    }
  }
  return false;
}
