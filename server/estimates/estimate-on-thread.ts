import { log } from '../log';
import type { EstimateThread } from './estimate-thread';
import type { OfficeWaits } from './wait-model';

// Apart from estimate-thread.ts, which only the custom server imports (boot.ts): Next's bundler
// reads `new Worker(url)` there as a worker to bundle and, the file being computed, traced the
// whole project into the route handlers that import office-waits.ts (the build failed).

/**
 * The office's estimate on `thread`, or here with `here` (the slices in the main thread) when
 * there is no thread or it failed: a thread that cannot start (a build without its file) or that
 * died must not leave the screens without estimates.
 */
export async function estimateOnThread(
  thread: EstimateThread | undefined,
  args: Parameters<EstimateThread['estimate']>,
  here: () => Promise<OfficeWaits>,
): Promise<OfficeWaits> {
  if (!thread) return here();
  try {
    return await thread.estimate(...args);
  } catch (err) {
    log.warn({ err, officeId: args[0] }, 'wait estimate thread failed, estimating in the main thread');
    return here();
  }
}
