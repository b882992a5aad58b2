import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { proposeAllocations } from '../matching-service.js';
import { applyOrderAction, submitDemand } from '../orders.js';

export const Mutation: MutationResolvers = {
  submitDemand: (_parent, { input }, { db, clock }) => submitDemand(db, input, clock()),
  dispatchDemand: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'DISPATCH', input, clock()),
  acceptOrder: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'ACCEPT', input, clock()),
  declineOrder: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'DECLINE', input, clock()),
  fulfilOrder: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'FULFIL', input, clock()),
  rateOrder: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'RATE', input, clock()),
  cancelDemand: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'CANCEL', input, clock()),
  expireDemand: (_parent, { input }, { db, clock }) => applyOrderAction(db, 'EXPIRE', input, clock()),
  proposeAllocations: (_parent, { scope, dryRun }, context) => proposeAllocations(context, scope, dryRun ?? true),
};
