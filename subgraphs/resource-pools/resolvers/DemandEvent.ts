import type { DemandEventResolvers } from '../__generated__/resolvers-types.js';

export const DemandEvent: DemandEventResolvers = {
  fromStatus: (event) => event.from_status,
  toStatus: (event) => event.to_status,
  resource: (event, _args, { loaders }) => (event.resource_id === null ? null : loaders.resourceById.load(event.resource_id)),
  occurredAt: (event) => event.occurred_at,
};
