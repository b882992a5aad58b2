import type { DemandResolvers } from '../__generated__/resolvers-types.js';
import { personalDataFor, personalDataWithin } from '../../../lib/subgraph/masking.js';
import { allowedOrderActions } from '../domain/order-lifecycle.js';
import { canReadOrderOf } from '../read-scope.js';

export const Demand: DemandResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.demandById.load(reference.id),
  // Demands are public; a resident's number written into one is in clear only for pii:read among the order's parties.
  title: async (demand, _args, { loaders, caller }) => (await personalDataWithin(caller, () => canReadOrderOf(caller, demand, loaders))).text(demand.title),
  description: async (demand, _args, { loaders, caller }) =>
    (await personalDataWithin(caller, () => canReadOrderOf(caller, demand, loaders))).text(demand.description),
  subKind: (demand) => demand.sub_kind,
  community: (demand) => ({ id: demand.community_id }),
  grid: (demand) => (demand.grid_id === null ? null : { id: demand.grid_id }),
  createdAt: (demand) => demand.created_at,
  location: (demand) => (demand.lat === null || demand.lng === null ? null : { lat: demand.lat, lng: demand.lng }),
  // Who serves an order, its rating and its timeline are the order's parties' business (read-scope.ts).
  resource: async (demand, _args, { loaders, caller }) =>
    demand.resource_id !== null && (await canReadOrderOf(caller, demand, loaders)) ? loaders.resourceById.load(demand.resource_id) : null,
  rating: async (demand, _args, { loaders, caller }) => ((await canReadOrderOf(caller, demand, loaders)) ? demand.rating : null),
  ratingComment: async (demand, _args, { loaders, caller }) =>
    demand.rating_comment !== null && (await canReadOrderOf(caller, demand, loaders)) ? personalDataFor(caller, true).text(demand.rating_comment) : null,
  allowedActions: (demand) => allowedOrderActions(demand.status),
  timeline: async (demand, _args, { loaders, caller }) =>
    (await canReadOrderOf(caller, demand, loaders)) ? loaders.demandEventsByDemandId.load(demand.id) : [],
};
