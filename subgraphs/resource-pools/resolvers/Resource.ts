import { assertNever } from '../../../lib/kernel/errors.js';
import { personalDataWithin } from '../../../lib/subgraph/masking.js';
import { capacityPeriodKey } from '../domain/order-lifecycle.js';
import { isResourceInScope } from '../read-scope.js';
import type { ResourceResolvers } from '../__generated__/resolvers-types.js';

export const Resource: ResourceResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.resourceById.load(reference.id),
  // A provider's contact written into a resource's text is in clear only for pii:read in its scope.
  name: async (resource, _args, { caller, loaders }) =>
    (await personalDataWithin(caller, () => isResourceInScope(caller, resource, loaders))).text(resource.name),
  description: async (resource, _args, { caller, loaders }) =>
    (await personalDataWithin(caller, () => isResourceInScope(caller, resource, loaders))).text(resource.description),
  provider(resource) {
    // Both members are foreign entities known only by id, so the row's kind decides the typename.
    switch (resource.provider_kind) {
      case 'CO_BUILDING_UNIT':
        return { __typename: 'CoBuildingUnit', id: resource.provider_id };
      case 'DEPARTMENT':
        return { __typename: 'Department', id: resource.provider_id };
      default:
        return assertNever(resource.provider_kind, 'provider kind');
    }
  },
  subKind: (resource) => resource.sub_kind,
  capacity: (resource) => ({ amount: resource.capacity_amount, unit: resource.capacity_unit, period: resource.capacity_period }),
  location: (resource) => (resource.lat === null || resource.lng === null ? null : { lat: resource.lat, lng: resource.lng }),
  async remainingCapacity(resource, _args, { loaders, clock }) {
    const used = await loaders.usedCapacity.load(`${resource.id}|${capacityPeriodKey(resource.capacity_period, clock())}`);
    return Math.max(0, resource.capacity_amount - used);
  },
  street: (resource) => ({ id: resource.street_id }),
  servedStreets: (resource) => [...resource.served_street_ids].sort().map((id) => ({ id })),
  async servedCommunities(resource, _args, { loaders }) {
    const links = await loaders.communityIdsByResourceId.load(resource.id);
    return links.map((link) => ({ id: link.community_id }));
  },
};
