import type { CommitmentProgressResolvers, CommitmentResolvers } from '../__generated__/resolvers-types.js';
import { personalDataWithin } from '../../../lib/subgraph/masking.js';
import { isPairingInScope } from '../read-scope.js';

export const CommitmentProgress: CommitmentProgressResolvers = {
  periodStartsOn: (progress) => progress.window.from,
  periodEndsOn: (progress) => progress.window.to,
};

export const Commitment: CommitmentResolvers = {
  async text(commitment, _args, { caller, loaders }) {
    const personal = await personalDataWithin(caller, async () => {
      const pairing = await loaders.pairingById.load(commitment.pairing_id);
      return pairing !== null && isPairingInScope(caller, pairing);
    });
    return personal.text(commitment.text);
  },
  unitOfMeasure: (commitment) => commitment.unit_of_measure,
  perMember: (commitment) => commitment.per_member,
};
