import type { IncidentStatsResolvers } from '../__generated__/resolvers-types.js';

export const IncidentStats: IncidentStatsResolvers = {
  closedLast30Days: (stats) => stats.closed_last_30_days,
  medianHoursToClose: (stats) => stats.median_hours_to_close,
};
