import { displayServiceIds, tickerOf, type DisplayTarget } from './resolve';
import { notFound } from '../errors';
import { walkInStatus } from '../offices/walk-in';
import { ensureBuilt } from '../queue/engine';
import { queueInfos } from '../estimates/queue-infos';
import type { DisplayConfig, DisplaySnapshot } from '../../contract/display';
import { recentCalls } from './calls';
import { textOf } from '../db/texts';
import { perOfficeChange } from '../realtime/changes';
import { SharedJson } from '../realtime/shared-json';

/**
 * Everything a waiting-room display needs after a (re)connect or a configuration change: the
 * display's configuration, and only the calls and queues of the services it shows. Deltas
 * (`call`, `queues`) carry the whole office; the screen filters them with `display.serviceIds`.
 */
export async function displaySnapshot(target: DisplayTarget): Promise<DisplaySnapshot> {
  return { ...(await sharedDisplaySnapshot(target)).value, serverTime: new Date().toISOString() };
}

/** The snapshot's part shared by every screen of the display: all but `serverTime`. */
export type SharedDisplaySnapshot = Omit<DisplaySnapshot, 'serverTime'>;

/**
 * The same without the clock, as one shared object (and its JSON, made once) for every screen
 * showing the display: the clock the display sets itself by must be read when it is sent, not
 * when the shared part was computed.
 */
export async function sharedDisplaySnapshot(target: DisplayTarget): Promise<SharedJson<SharedDisplaySnapshot>> {
  const { office, display } = target;
  if (display && !display.active) throw notFound('Display');
  return sharedSnapshot(
    office.id,
    `${office.id}:${display?.id ?? ''}`,
    async () => new SharedJson(await computeSnapshot(target)),
  );
}

/** One snapshot per display (or office) while nothing changes, whatever the number of screens. */
const sharedSnapshot = perOfficeChange<SharedJson<SharedDisplaySnapshot>>('sharedDisplaySnapshots', 5_000);

async function computeSnapshot({ office, display }: DisplayTarget): Promise<SharedDisplaySnapshot> {
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
  };
}
