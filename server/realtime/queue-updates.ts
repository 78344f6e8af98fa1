import { queueFigures, type QueueFigures, type QueueInfo, type QueuesUpdate } from '../../contract/queues';

/**
 * Every this long an update lists every service's figures, not only the changed ones. Each
 * process compares with what it sent itself: with two, a screen may keep a figure the other
 * process sent later, which this one, seeing no change of its own, would not send again.
 */
export const COMPLETE_EVERY_MS = 10_000;

interface Sent {
  completeAt: number;
  /** The office's services in order with their prefixes and names: any change means a complete update. */
  names: string;
  figures: Map<string, QueueFigures>;
}

/**
 * The `queues` events of one office feed: per office, the figures that changed since this feed's
 * last update (null when none did); all of them the first time, when the office's services or
 * their names changed, and every COMPLETE_EVERY_MS.
 */
export function queuesUpdates() {
  const sent = new Map<string, Sent>();
  return (officeId: string, queues: QueueInfo[], nowMs = Date.now()): QueuesUpdate | null => {
    const figures = queues.map(queueFigures);
    const names = JSON.stringify(queues.map(({ serviceId, prefix, name }) => [serviceId, prefix, name]));
    const last = sent.get(officeId);
    const complete = !last || last.names !== names || nowMs - last.completeAt >= COMPLETE_EVERY_MS;
    const changed = complete ? figures : figures.filter((f) => !sameFigures(f, last.figures.get(f.serviceId)));
    sent.set(officeId, {
      completeAt: complete ? nowMs : last.completeAt,
      names,
      figures: new Map(figures.map((f) => [f.serviceId, f])),
    });
    return complete || changed.length > 0 ? { complete, figures: changed } : null;
  };
}

function sameFigures(a: QueueFigures, b: QueueFigures | undefined): boolean {
  return b !== undefined && (Object.keys(a) as (keyof QueueFigures)[]).every((k) => a[k] === b[k]);
}
