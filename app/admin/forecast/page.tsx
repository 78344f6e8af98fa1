import { ForecastView } from '../../../admin/forecast/ForecastView';

export default function AdminForecastPage() {
  return <ForecastView />;
}
