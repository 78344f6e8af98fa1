/** Shapes of GET /api/stats (see server/stats/figures.ts for the definitions). */
export type { StatsFigures, StatsRow } from '../../server/stats/figures';
import type { StatsFigures, StatsRow } from '../../server/stats/figures';

export type GroupBy = 'day' | 'hour' | 'service' | 'counter' | 'staff';
export const GROUP_BYS: readonly GroupBy[] = ['day', 'hour', 'service', 'counter', 'staff'];

export interface StatsResult {
  office: { id: string; name: string; nameEn: string; timeZone: string };
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: StatsRow[];
  total: StatsFigures;
}
