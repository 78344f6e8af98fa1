import type http from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import { actorFromToken, cookieValue, SESSION_COOKIE } from '../auth/session';
import { onQueueRegistered, registeredQueues } from '../ops/queues';
import { log } from '../log';
import { BULL_BOARD_PATH } from './bull-board';

/**
 * Bull Board (the BullMQ job queues: waiting, active, failed jobs, retry) for admins, at
 * /admin/queues. It is an Express app mounted by the custom server in front of Next; every
 * request, the UI's own API calls included, needs a valid admin session cookie. The session
 * cookie is SameSite=Strict, so other sites cannot make the browser retry or delete jobs.
 */
export function bullBoardApp(): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  const board = createBullBoard({
    queues: registeredQueues().map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Sportello – jobs' } },
  });
  // Queues registered later (the print queue starts after the board) appear as they come.
  onQueueRegistered((q) => board.addQueue(new BullMQAdapter(q)));

  const app = express();
  app.disable('x-powered-by');
  app.use(BULL_BOARD_PATH, (req, res, next) => {
    actorFromToken(cookieValue(req.headers.cookie, SESSION_COOKIE))
      .then((actor) => {
        if (!actor) {
          // The admin shell has the login form and comes back here through its nav.
          if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html') res.redirect(302, '/admin/live');
          else res.status(401).json({ error: { code: 'unauthorized', message: 'Please log in' } });
          return;
        }
        if (actor.role !== 'admin') {
          res.status(403).json({ error: { code: 'forbidden', message: 'Only admins can see the job queues' } });
          return;
        }
        next();
      })
      .catch((err: unknown) => {
        log.error({ err }, 'bull board authentication failed');
        res.status(503).json({ error: { code: 'unavailable', message: 'Try again shortly' } });
      });
  });
  app.use(BULL_BOARD_PATH, serverAdapter.getRouter());
  return (req, res) => app(req as express.Request, res as express.Response);
}
