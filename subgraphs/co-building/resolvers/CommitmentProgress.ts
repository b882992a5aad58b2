import type { CommitmentProgressResolvers, CommitmentResolvers } from '../__generated__/resolvers-types.js';

export const CommitmentProgress: CommitmentProgressResolvers = {
  periodStartsOn: (progress) => progress.window.from,
  periodEndsOn: (progress) => progress.window.to,
};

export const Commitment: CommitmentResolvers = {
  unitOfMeasure: (commitment) => commitment.unit_of_measure,
  perMember: (commitment) => commitment.per_member,
};
