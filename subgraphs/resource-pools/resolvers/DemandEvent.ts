import type { DemandEventResolvers } from '../__generated__/resolvers-types.js';
import { personalDataWithin } from '../../../lib/subgraph/masking.js';
import { canReadOrderOf } from '../read-scope.js';

export const DemandEvent: DemandEventResolvers = {
  async note(event, _args, { caller, loaders }) {
    if (event.note === null) return null;
    const personal = await personalDataWithin(caller, async () => {
      const demand = await loaders.demandById.load(event.demand_id);
      return demand !== null && (await canReadOrderOf(caller, demand, loaders));
    });
    return personal.text(event.note);
  },
  fromStatus: (event) => event.from_status,
  toStatus: (event) => event.to_status,
  resource: (event, _args, { loaders }) => (event.resource_id === null ? null : loaders.resourceById.load(event.resource_id)),
  occurredAt: (event) => event.occurred_at,
};
