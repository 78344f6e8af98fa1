/**
 * Open CORS for the public open-data endpoints (GET /api/public/…): any website may read them,
 * errors included. Nothing there depends on cookies, so no credentials are allowed.
 */
export const OPEN_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
} as const;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** The handler's answers, each with the open CORS headers. */
export function withOpenCors(handler: Handler): Handler {
  return async (req, ctx) => {
    const res = await handler(req, ctx);
    for (const [k, v] of Object.entries(OPEN_CORS)) res.headers.set(k, v);
    return res;
  };
}

/** The answer to a CORS preflight. */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: OPEN_CORS });
}
