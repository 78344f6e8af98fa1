import { parentPort } from 'node:worker_threads';
import { buildHistory } from './history';
import { localMinutes } from './local-minutes';
import type { EstimateReply, EstimateRequest } from './estimate-thread';
import { estimateWaits, type OfficeHistory } from './wait-model';

/** The wait-estimate thread (estimate-thread.ts): one estimate per message, in the order asked. */

// At the process's own priority: nice 10 (below the requests) measured no better over 16 pairs of
// bench runs (README, Performance), and a saturated machine could starve it.

const histories = new Map<string, { version: number; history: OfficeHistory }>();
const clocks = new Map<string, (ms: number) => number>();

function clockOf(timeZone: string): (ms: number) => number {
  let c = clocks.get(timeZone);
  if (!c) clocks.set(timeZone, (c = localMinutes(timeZone)));
  return c;
}

function answer(req: EstimateRequest): EstimateReply {
  if (req.historyRows) histories.set(req.officeId, { version: req.historyVersion, history: buildHistory(req.historyRows) });
  const h = histories.get(req.officeId);
  if (!h || h.version !== req.historyVersion) throw new Error(`no history ${req.historyVersion} of office ${req.officeId}`);
  const waits = estimateWaits({ ...req.state, minuteOf: clockOf(req.timeZone), history: h.history }, req.calibration);
  return { id: req.id, waits };
}

parentPort!.on('message', (req: EstimateRequest) => {
  let reply: EstimateReply;
  try {
    reply = answer(req);
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
