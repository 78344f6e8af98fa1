import { StatsView } from '../../../admin/stats/StatsView';

export default function AdminStatsPage() {
  return <StatsView />;
}
