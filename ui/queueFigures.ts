// Types only: a value import from contract/queues.ts would bring zod into the display's bundle.
import type { QueueInfo, QueuesUpdate } from '../contract/queues';

/**
 * The screen's queues with fresh figures: each service the update lists takes its new numbers and
 * the others keep theirs; after a complete update a service it no longer lists (deactivated) is
 * dropped. A service the screen does not know yet waits for the next snapshot, which brings its name.
 */
export function withFigures(queues: readonly QueueInfo[], { complete, figures }: QueuesUpdate): QueueInfo[] {
  const byService = new Map(figures.map((f) => [f.serviceId, f]));
  return queues.flatMap((q) => {
    const f = byService.get(q.serviceId);
    if (f) return [{ ...q, ...f }];
    return complete ? [] : [q];
  });
}
