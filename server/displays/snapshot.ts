import { displayServiceIds, tickerOf, type DisplayTarget } from './resolve';
import { notFound } from '../errors';
import { walkInStatus } from '../offices/walk-in';
import { ensureBuilt } from '../queue/engine';
import { queueInfos } from '../estimates/queue-infos';
import type { DisplayConfig, DisplaySnapshot } from '../../contract/display';
import { recentCalls } from './calls';
import { textOf } from '../db/texts';
import { perOfficeChange } from '../realtime/changes';

/**
 * Everything a waiting-room display needs after a (re)connect or a configuration change: the
 * display's configuration, and only the calls and queues of the services it shows. Deltas
 * (`call`, `queues`) carry the whole office; the screen filters them with `display.serviceIds`.
 */
export async function displaySnapshot(target: DisplayTarget): Promise<DisplaySnapshot> {
  const { office, display } = target;
  if (display && !display.active) throw notFound('Display');
  const snap = await sharedSnapshot(office.id, `${office.id}:${display?.id ?? ''}`, () => computeSnapshot(target));
  // The clock the display sets itself by is read now, not when the shared part was computed.
  return { ...snap, serverTime: new Date().toISOString() };
}

/** One snapshot per display (or office) while nothing changes, whatever the number of screens. */
const sharedSnapshot = perOfficeChange<DisplaySnapshot>('displaySnapshots', 5_000);

async function computeSnapshot({ office, display }: DisplayTarget): Promise<DisplaySnapshot> {
  const config: DisplayConfig | null = display
    ? {
        id: display.id,
        slug: display.slug,
        name: display.name,
        serviceIds: await displayServiceIds(display),
        ticker: tickerOf(display),
      }
    : null;
  const shown = config?.serviceIds ?? null;
  await ensureBuilt(office.id);
  const now = new Date();
  const [calls, queues, status] = await Promise.all([
    recentCalls(office.id, 10, shown),
    queueInfos(office.id),
    walkInStatus(office.id, now),
  ]);
  const set = shown ? new Set(shown) : null;
  return {
    office: { id: office.id, name: textOf(office.name), timeZone: office.timeZone },
    display: config,
    calls,
    queues: set ? queues.filter((q) => set.has(q.serviceId)) : queues,
    walkIn: { open: status.open, closesAt: status.closesAt, nextOpensAt: status.nextOpensAt },
    serverTime: now.toISOString(),
  };
}
