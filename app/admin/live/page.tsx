import { LiveView } from '../../../admin/live/LiveView';

export default function AdminLivePage() {
  return <LiveView />;
}
