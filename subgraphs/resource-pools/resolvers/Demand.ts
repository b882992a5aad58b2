import type { DemandResolvers } from '../__generated__/resolvers-types.js';
import { allowedOrderActions } from '../order-lifecycle.js';

export const Demand: DemandResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.demandById.load(reference.id),
  community: (demand) => ({ id: demand.community_id }),
  grid: (demand) => (demand.grid_id === null ? null : { id: demand.grid_id }),
  createdAt: (demand) => demand.created_at,
  location: (demand) => (demand.lat === null || demand.lng === null ? null : { lat: demand.lat, lng: demand.lng }),
  resource: (demand, _args, { loaders }) => (demand.resource_id === null ? null : loaders.resourceById.load(demand.resource_id)),
  ratingComment: (demand) => demand.rating_comment,
  allowedActions: (demand) => allowedOrderActions(demand.status),
  timeline: (demand, _args, { loaders }) => loaders.demandEventsByDemandId.load(demand.id),
};
