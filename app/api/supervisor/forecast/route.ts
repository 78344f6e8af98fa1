import { forecastQuery } from '@/contract/forecast';
import { staffingForecast } from '@/server/forecast/staffing';
import { staffRoute, SUPERVISORS } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Staffing forecast: expected arrivals and counters needed per hour of the coming days (no personal data). */
export const GET = staffRoute(SUPERVISORS, { query: forecastQuery }, async ({ query }) => staffingForecast(query));
