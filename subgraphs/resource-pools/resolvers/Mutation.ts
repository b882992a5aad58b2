import { actorOf, authorize, type GuardedMutation } from '../../../lib/auth/policy.js';
import type { Caller } from '../../../lib/auth/caller.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { proposeAllocations } from '../matching-service.js';
import type { OrderAction } from '../order-lifecycle.js';
import { applyOrderAction, submitDemand, type DemandGuard, type OrderActionInput } from '../orders.js';
import type { ResourcePoolsContext } from '../context.js';
import type { DemandRow, ResourcePoolsStore } from '../store.js';

/** The raising side of a demand: its community and grid. */
const raiserScope = (demand: DemandRow) => ({ communityIds: [demand.community_id], gridIds: [demand.grid_id] });

/** The providing side: the unit or department offering the resource the demand was dispatched to. */
async function providerScope(demand: DemandRow, store: ResourcePoolsStore) {
  const [resource] = demand.resource_id === null ? [] : await store.findResourcesByIds([demand.resource_id]);
  if (!resource) return {};
  return resource.provider_kind === 'CO_BUILDING_UNIT' ? { unitIds: [resource.provider_id] } : { departmentIds: [resource.provider_id] };
}

/** Which side of the order loop may take each action (lib/auth/policy.ts says which roles). */
function guardFor(caller: Caller, mutation: GuardedMutation, side: 'raiser' | 'provider' | 'street'): DemandGuard {
  return async (demand, store) => {
    switch (side) {
      case 'raiser':
        return authorize(caller, mutation, raiserScope(demand));
      case 'provider':
        return authorize(caller, mutation, await providerScope(demand, store));
      case 'street':
        return authorize(caller, mutation);
    }
  };
}

const ORDER_MUTATIONS = {
  dispatchDemand: ['DISPATCH', 'raiser'],
  acceptOrder: ['ACCEPT', 'provider'],
  declineOrder: ['DECLINE', 'provider'],
  fulfilOrder: ['FULFIL', 'provider'],
  rateOrder: ['RATE', 'raiser'],
  cancelDemand: ['CANCEL', 'raiser'],
  expireDemand: ['EXPIRE', 'street'],
} as const satisfies Record<string, readonly [OrderAction, 'raiser' | 'provider' | 'street']>;

type OrderMutation = keyof typeof ORDER_MUTATIONS;

/** The arguments every order action shares (dispatch adds resourceId, rate adds rating and comment). */
type OrderArgs = { input: Omit<OrderActionInput, 'actor'> & { actor?: string | null } };

function orderMutation(mutation: OrderMutation) {
  const [action, side] = ORDER_MUTATIONS[mutation];
  return (_parent: unknown, { input }: OrderArgs, { db, clock, caller }: ResourcePoolsContext): Promise<DemandRow> =>
    applyOrderAction(db, action, { ...input, actor: actorOf(caller, input.actor) }, clock(), guardFor(caller, mutation, side));
}

// The actor of every timeline entry is the signed-in caller (actorOf), never a value the client picks.
export const Mutation: MutationResolvers = {
  submitDemand: (_parent, { input }, { db, clock, caller }) => {
    authorize(caller, 'submitDemand', { communityIds: [input.communityId], gridIds: [input.gridId] });
    return submitDemand(db, { ...input, actor: actorOf(caller, input.actor) }, clock());
  },
  dispatchDemand: orderMutation('dispatchDemand'),
  acceptOrder: orderMutation('acceptOrder'),
  declineOrder: orderMutation('declineOrder'),
  fulfilOrder: orderMutation('fulfilOrder'),
  rateOrder: orderMutation('rateOrder'),
  cancelDemand: orderMutation('cancelDemand'),
  expireDemand: orderMutation('expireDemand'),
  proposeAllocations: (_parent, { scope, dryRun, allowDegraded }, context) =>
    proposeAllocations(
      context,
      { ...scope, actor: actorOf(context.caller, scope.actor) },
      dryRun ?? true,
      (communityIds) => authorize(context.caller, 'proposeAllocations', { communityIds }),
      allowDegraded ?? false,
    ),
};
