import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { rateIncident, reportIncident, setRoutingRule, transitionIncident } from '../incidents.js';

export const Mutation: MutationResolvers = {
  reportIncident: (_parent, { input }, { db, clock }) => reportIncident(db, input, clock()),
  transitionIncident: (_parent, { input }, { db, clock }) => transitionIncident(db, input, clock()),
  rateIncident: (_parent, { input }, { db, clock }) => rateIncident(db, input, clock()),
  setIncidentRoutingRule: (_parent, { input }, { db, clock }) => setRoutingRule(db, input, clock()),
};
