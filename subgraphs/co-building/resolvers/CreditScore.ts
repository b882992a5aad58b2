import type { CreditEventResolvers, CreditScoreResolvers } from '../__generated__/resolvers-types.js';
import { CREDIT_BASE, creditEventValid } from '../domain/credit.js';
import { canReadUnitRecordsOf } from '../read-scope.js';

export const CreditScore: CreditScoreResolvers = {
  value: async (score, _args, { loaders }) => CREDIT_BASE + (await loaders.validCreditByUnitId.load(score.unit_id)),
  base: () => CREDIT_BASE,
  // Another unit's history is not listed (read-scope.ts): an empty list, not an error.
  history: (score, _args, { loaders, caller }) =>
    canReadUnitRecordsOf(caller, { id: score.unit_id, street_id: score.street_id }) ? loaders.creditEventsByUnitId.load(score.unit_id) : [],
};

export const CreditEvent: CreditEventResolvers = {
  source: (event) => ({ subgraph: event.source_subgraph, type: event.source_type, id: event.source_id }),
  occurredAt: (event) => event.occurred_at.toISOString(),
  validUntil: (event) => event.valid_until.toISOString(),
  valid: (event, _args, { clock }) => creditEventValid({ occurredAt: event.occurred_at, validUntil: event.valid_until }, clock()),
};
