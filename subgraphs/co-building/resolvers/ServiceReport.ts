import type { ServiceReportResolvers } from '../__generated__/resolvers-types.js';
import { assertNever } from '../../../lib/kernel/errors.js';
import { personalDataFor } from '../../../lib/subgraph/masking.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';

export const ServiceReport: ServiceReportResolvers = {
  // Out of the caller's read scope reads as not found (loaders.ts).
  __resolveReference: (reference, { loaders }) => loaders.serviceReportById.load(reference.id),
  unit: async (report, _args, { loaders }) => requireLoaded(await loaders.unitById.load(report.unit_id), 'CoBuildingUnit', report.unit_id),
  member(report) {
    switch (report.reporter) {
      case 'UNIT':
        return null;
      case 'IN_SERVICE_MEMBER':
        // The table's CHECK constraint guarantees the id; a null here would be broken data.
        return { id: requireLoaded(report.member_id, 'PartyMember', report.id) };
      default:
        return assertNever(report.reporter, 'reporter kind');
    }
  },
  community: (report) => ({ id: report.community_id }),
  // Every report that reaches a resolver is in the caller's read scope (loaders.ts; a unit's list is
  // read only by those who read all its reports; a write answers its own caller), so pii:read unmasks it.
  activity: (report, _args, { caller }) => personalDataFor(caller, true).text(report.activity),
  servedOn: (report) => report.served_on,
  verifiedAt: (report) => report.verified_at?.toISOString() ?? null,
};
