import type { ServiceReportResolvers } from '../__generated__/resolvers-types.js';
import { assertNever } from '../../../lib/kernel/errors.js';
import { personalDataFor } from '../../../lib/subgraph/masking.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { canReadServiceReport } from '../read-scope.js';

export const ServiceReport: ServiceReportResolvers = {
  __resolveReference: async (reference, { loaders, caller }) => {
    const report = await loaders.serviceReportById.load(reference.id);
    return report && canReadServiceReport(caller, report) ? report : null;
  },
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
  activity: (report, _args, { caller }) => personalDataFor(caller, canReadServiceReport(caller, report)).text(report.activity),
  servedOn: (report) => report.served_on,
  verifiedAt: (report) => report.verified_at?.toISOString() ?? null,
};
