import type http from 'node:http';
import { log } from '../log';

export const BULL_BOARD_PATH = '/admin/queues';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * The handler of /admin/queues (bull-board-app.ts). Bull Board and Express are loaded at its first
 * request, not at start: they are about 15 MB of an idle server's memory (issue 10) for a page
 * only admins open, and rarely.
 */
export function bullBoardHandler(): Handler {
  let app: Promise<Handler> | null = null;
  return (req, res) => {
    (app ??= import('./bull-board-app').then((m) => m.bullBoardApp()))
      .then((handle) => handle(req, res))
      .catch((err: unknown) => {
        app = null;
        log.error({ err }, 'bull board failed');
        if (res.headersSent) return void res.destroy();
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Try again shortly' } }));
      });
  };
}
