// Types only: a value import from contract/queues.ts would bring zod into the display's bundle.
import type { QueueFigures, QueueInfo } from '../contract/queues';

/**
 * The screen's queues with fresh figures: each known service takes its new numbers; a service the
 * figures no longer list (deactivated) is dropped, and one the screen does not know yet waits for
 * the next snapshot, which brings its name.
 */
export function withFigures(queues: readonly QueueInfo[], figures: readonly QueueFigures[]): QueueInfo[] {
  const byService = new Map(figures.map((f) => [f.serviceId, f]));
  return queues.flatMap((q) => {
    const f = byService.get(q.serviceId);
    return f ? [{ ...q, ...f }] : [];
  });
}
