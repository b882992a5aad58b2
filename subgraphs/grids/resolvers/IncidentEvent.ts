import type { IncidentEventResolvers } from '../__generated__/resolvers-types.js';

export const IncidentEvent: IncidentEventResolvers = {
  fromStatus: (event) => event.from_status,
  toStatus: (event) => event.to_status,
  occurredAt: (event) => event.occurred_at.toISOString(),
};
