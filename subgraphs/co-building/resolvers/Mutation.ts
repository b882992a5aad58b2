import { actorOf } from '../../../lib/auth/policy.js';
import { coBuildingMutations } from '../domain/policy.js';
import { badUserInput } from '../../../lib/kernel/errors.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { recordOrderFulfilment } from '../domain/order-fulfilments.js';
import { setUnitServedStreets } from '../domain/served-streets.js';
import { recordCreditEvent, submitServiceReport, verifyServiceReport } from '../domain/service-reports.js';
import { ALL_SERVICE_REPORTS, WHOLE_DISTRICT } from '../store.js';

// Checks run before any write (domain/policy.ts). A report's unit and community never change, so
// reading them ahead of the conditional UPDATE that verifies it cannot race. They are read whole,
// not through the caller's read scope: the policy decides, and refuses out of scope with FORBIDDEN.
export const Mutation: MutationResolvers = {
  // A report is in its unit's street: a street admin reports for units of its own street only.
  submitServiceReport: async (_parent, { input }, { db, clock, caller, peers, store }) => {
    const [unit] = await store.findUnitsByIds([input.unitId], WHOLE_DISTRICT);
    coBuildingMutations.authorize(caller, 'submitServiceReport', { unitIds: [input.unitId], communityIds: [input.communityId], streetIds: [unit?.street_id] });
    return submitServiceReport(db, input, clock(), peers);
  },
  verifyServiceReport: async (_parent, { input }, { db, clock, caller, store }) => {
    const [report] = await store.findServiceReportsByIds([input.id], ALL_SERVICE_REPORTS);
    if (!report) throw badUserInput('input.id', `no service report ${input.id}`);
    coBuildingMutations.authorize(caller, 'verifyServiceReport', { communityIds: [report.community_id], streetIds: [report.street_id] });
    return verifyServiceReport(db, { id: input.id, verifiedBy: actorOf(caller, input.verifiedBy) }, clock());
  },
  // Only other subgraphs (the outbox relays of grids and resource-pools, signed as SYSTEM) record events.
  recordCreditEvent: (_parent, { input }, { db, caller }) => {
    coBuildingMutations.authorize(caller, 'recordCreditEvent');
    return recordCreditEvent(db, input);
  },
  recordOrderFulfilment: (_parent, { input }, { db, caller }) => {
    coBuildingMutations.authorize(caller, 'recordOrderFulfilment');
    return recordOrderFulfilment(db, input);
  },
  setUnitServedStreets: (_parent, { input }, { db, caller, peers }) => setUnitServedStreets(db, caller, peers, input),
};
