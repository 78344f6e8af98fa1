import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { log } from '../log';
import { scrape } from './metrics';

/**
 * GET /metrics in Prometheus text format, answered by the custom server before Next (the
 * counters live in this process). When METRICS_TOKEN is set the scraper must send
 * `Authorization: Bearer <token>`; without it the endpoint is open, as usual for a scrape target
 * on a private network.
 */
export async function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'method_not_allowed', message: 'Use GET' } }));
    return;
  }
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'A valid bearer token is required' } }));
    return;
  }
  try {
    const { contentType, body } = await scrape();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    log.error({ err }, 'metrics collection failed');
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Metrics are unavailable, try again shortly' } }));
  }
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1].trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
