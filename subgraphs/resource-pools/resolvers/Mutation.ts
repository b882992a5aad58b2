import { actorKeyOf, actorOf, authorizeStep, authorizeStepRole, directoryStreetOf, isReadable, stepRefused, type LoopItem } from '../../../lib/auth/policy.js';
import { ORDER_LOOP, resourcePoolsMutations } from '../domain/policy.js';
import type { Caller } from '../../../lib/auth/caller.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { proposeAllocations } from '../domain/matching-service.js';
import { setResourceServedStreets } from '../domain/served-streets.js';
import type { OrderAction } from '../domain/order-lifecycle.js';
import { applyOrderAction, checkDemandPlace, noDemand, submitDemand, type OrderActionInput, type OrderGuard } from '../domain/orders.js';
import type { ResourcePoolsContext } from '../context.js';
import { WHOLE_DISTRICT, type DemandEventRow, type DemandRow, type ResourcePoolsStore } from '../store.js';

/** The providing side: the unit or department offering the resource the demand was dispatched to. */
async function providerScope(demand: DemandRow, store: ResourcePoolsStore) {
  const [resource] = demand.resource_id === null ? [] : await store.findResourcesByIds([demand.resource_id], WHOLE_DISTRICT);
  if (!resource) return {};
  return resource.provider_kind === 'CO_BUILDING_UNIT' ? { unitIds: [resource.provider_id] } : { departmentIds: [resource.provider_id] };
}

/** The streets of communities, for a street admin's scope: an unmapped community's is unknown (undefined), so no street admin's. */
async function streetsOf(store: ResourcePoolsStore, communityIds: readonly string[]): Promise<(string | undefined)[]> {
  const streets = new Map((await store.findStreetsOfCommunities(communityIds)).map((row) => [row.community_id, row.street_id]));
  return communityIds.map((id) => streets.get(id));
}

/** A demand for the policy: the community and grid that raised it, the provider handling it, and its timeline. */
async function orderItem(demand: DemandRow, timeline: readonly DemandEventRow[], store: ResourcePoolsStore): Promise<LoopItem> {
  return {
    // An order is in its demand's street: a street admin acts on it, on any side, only there.
    parties: {
      raising: { streetIds: [demand.street_id], communityIds: [demand.community_id], gridIds: [demand.grid_id] },
      handling: { streetIds: [demand.street_id], ...(await providerScope(demand, store)) },
      street: { streetIds: [demand.street_id] },
    },
    timeline: timeline.map((event) => ({ step: event.kind, actor: event.actor, actorKey: event.actor_key ?? null })),
  };
}

/**
 * The caller's check of `action` (domain/policy.ts ORDER_LOOP, lib/auth/policy.ts SEPARATION_OF_DUTIES): the role
 * first, before anything is read; then, on the locked demand, the side's scope and who took its
 * earlier steps. To a caller who may not act everywhere, a missing demand answers as one not its own.
 */
function orderGuard(caller: Caller, action: OrderAction): OrderGuard {
  authorizeStepRole(caller, ORDER_LOOP, action);
  return {
    missing: (id) => (isReadable(caller, {}) ? noDemand(id) : stepRefused(caller, ORDER_LOOP, action)),
    authorize: async (demand, timeline, store) => authorizeStep(caller, ORDER_LOOP, action, await orderItem(demand, timeline, store)),
  };
}

const ORDER_MUTATIONS = {
  dispatchDemand: 'DISPATCH',
  acceptOrder: 'ACCEPT',
  declineOrder: 'DECLINE',
  fulfilOrder: 'FULFIL',
  rateOrder: 'RATE',
  cancelDemand: 'CANCEL',
  expireDemand: 'EXPIRE',
} as const satisfies Record<string, OrderAction>;

type OrderMutation = keyof typeof ORDER_MUTATIONS;

/** The arguments every order action shares (dispatch adds resourceId, rate adds rating and comment). */
type OrderArgs = { input: Omit<OrderActionInput, 'actor'> & { actor?: string | null } };

function orderMutation(mutation: OrderMutation) {
  const action = ORDER_MUTATIONS[mutation];
  return (_parent: unknown, { input }: OrderArgs, { db, clock, caller }: ResourcePoolsContext): Promise<DemandRow> =>
    applyOrderAction(db, action, { ...input, actor: actorOf(caller, input.actor), actorKey: actorKeyOf(caller) }, clock(), orderGuard(caller, action));
}

// The actor of every timeline entry is the signed-in caller (actorOf), never a value the client
// picks, with its identity (actorKeyOf) for separation of duties.
export const Mutation: MutationResolvers = {
  // Scope first (from the ids named), then whether those ids exist and belong together (grids).
  submitDemand: async (_parent, { input }, { db, clock, caller, peers, store }) => {
    const streetIds = await streetsOf(store, [input.communityId]);
    // A community without a known street may not exist at all: for a street admin, whose scope is the
    // street, grids answers first, so an unknown community is BAD_USER_INPUT rather than FORBIDDEN.
    const askGridsFirst = directoryStreetOf(caller) !== null && streetIds.includes(undefined);
    if (askGridsFirst) await checkDemandPlace(peers, input);
    resourcePoolsMutations.authorize(caller, 'submitDemand', { communityIds: [input.communityId], gridIds: [input.gridId], streetIds });
    if (!askGridsFirst) await checkDemandPlace(peers, input);
    return submitDemand(db, { ...input, actor: actorOf(caller, input.actor), actorKey: actorKeyOf(caller) }, clock());
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
      async (communityIds) =>
        resourcePoolsMutations.authorize(context.caller, 'proposeAllocations', { communityIds, streetIds: await streetsOf(context.store, communityIds) }),
      allowDegraded ?? false,
    ),
  setResourceServedStreets: (_parent, { input }, { db, caller }) => setResourceServedStreets(db, caller, input),
};
