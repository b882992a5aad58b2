import type { AgreementResolvers } from '../__generated__/resolvers-types.js';
import { commitmentProgressIn, periodWindow, structuredCommitment, type CommitmentProgressFacts } from '../domain/commitments.js';
import { personalDataFor } from '../../../lib/subgraph/masking.js';
import { shanghaiDate } from '../domain/pairing-status.js';
import { isPairingInScope } from '../read-scope.js';
import type { CommitmentRow } from '../store.js';

/** A commitment with its computed progress: the parent of CommitmentProgress's fields. */
export interface CommitmentProgressParent extends CommitmentProgressFacts {
  commitment: CommitmentRow;
}

/** An agreement is part of its pairing row; the resolver keeps it a separate GraphQL type. */
export const Agreement: AgreementResolvers = {
  startsOn: (pairing) => pairing.starts_on,
  endsOn: (pairing) => pairing.ends_on,
  // Agreements are public; a phone or ID number written into one is masked outside its parties.
  commitments: (pairing, _args, { caller }) => pairing.commitments.map(personalDataFor(caller, isPairingInScope(caller, pairing)).text),
  async commitmentProgress(pairing, _args, { loaders, clock, orders }) {
    const [commitments, reports] = await Promise.all([loaders.commitmentsByPairingId.load(pairing.id), loaders.verifiedReportsByPairingId.load(pairing.id)]);
    const today = shanghaiDate(clock());
    const agreement = { from: pairing.starts_on, to: pairing.terminated_on ?? pairing.ends_on };
    const facts = reports.map((report) => ({ hours: report.hours, servedOn: report.served_on, memberId: report.member_id }));
    const windows = commitments.map((commitment) => periodWindow(commitment.period, today, agreement));
    const counts = await orders.fulfilledOrders(
      commitments.map((commitment, i) => ({ unitId: pairing.unit_id, communityId: pairing.community_id, kind: commitment.kind, window: windows[i]! })),
    );
    return commitments.map((commitment, i) => ({
      commitment,
      ...commitmentProgressIn(structuredCommitment(commitment), windows[i]!, {
        unitId: pairing.unit_id,
        communityId: pairing.community_id,
        agreement,
        reports: facts,
        fulfilledOrders: counts[i] ?? null,
      }),
    }));
  },
};
