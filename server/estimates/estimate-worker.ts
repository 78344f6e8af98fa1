import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { buildHistory } from './history';
import { localMinutes } from './local-minutes';
import type { EstimateReply, EstimateRequest } from './estimate-thread';
import { estimateWaits, type OfficeHistory } from './wait-model';

/** The wait-estimate thread (estimate-thread.ts): one estimate per message, in the order asked. */

// Below the requests, as the slices in the main thread gave way to them (foreground.ts): on Linux
// each thread has its own nice value, and without a pid this sets this thread's. Elsewhere it may
// set the whole process's, so only here.
if (process.platform === 'linux') setPriority(constants.priority.PRIORITY_BELOW_NORMAL);

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
