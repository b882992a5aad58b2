import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { recordCreditEvent, submitServiceReport, verifyServiceReport } from '../service-reports.js';

export const Mutation: MutationResolvers = {
  submitServiceReport: (_parent, { input }, { db, clock }) => submitServiceReport(db, input, clock()),
  verifyServiceReport: (_parent, { input }, { db, clock }) => verifyServiceReport(db, input, clock()),
  recordCreditEvent: (_parent, { input }, { db }) => recordCreditEvent(db, input),
};
