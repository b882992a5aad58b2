import { auditLogField } from '../../../lib/subgraph/audit.js';
import { authorizeInternal } from '../../../lib/auth/policy.js';
import { badUserInput } from '../../../lib/kernel/errors.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { matchCandidates } from '../matching-service.js';

export const Query: QueryResolvers = {
  resourcePoolsAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async resources(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findResourcesPage(args.filter ?? {}, page), page);
  },
  resource: (_parent, { id }, { loaders }) => loaders.resourceById.load(id),
  async demands(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findDemandsPage(args.filter ?? {}, page), page);
  },
  demand: (_parent, { id }, { loaders }) => loaders.demandById.load(id),
  matchCandidates: (_parent, { demandId, first }, context) => matchCandidates(context, demandId, first ?? 10),
  helpKinds: (_parent, _args, { store }) => store.findHelpKinds(),
  categoryFits: (_parent, _args, { store }) => store.findCategoryFits(),
  fulfilledOrderCounts: (_parent, { queries }, { store, caller }) => {
    authorizeInternal(caller, 'fulfilledOrderCounts');
    if (queries.length > MAX_ORDER_COUNT_QUERIES) throw badUserInput('queries', `at most ${MAX_ORDER_COUNT_QUERIES} queries`);
    return store.countFulfilledOrders(
      queries.map((query, i) => {
        for (const key of ['from', 'to'] as const) {
          if (!isCalendarDay(query[key])) throw badUserInput(`queries.${i}.${key}`, 'must be a day YYYY-MM-DD');
        }
        if (query.from > query.to) throw badUserInput(`queries.${i}.to`, 'must not be before from');
        return { unitId: query.unitId, communityId: query.communityId, sources: query.sources ?? null, from: query.from, to: query.to };
      }),
    );
  },
};

const MAX_ORDER_COUNT_QUERIES = 1000;

function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
