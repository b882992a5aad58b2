import { actorOf, authorize } from '../../../lib/auth/policy.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { rateIncident, reportIncident, setRoutingRule, transitionIncident } from '../incidents.js';
import type { IncidentRow } from '../store.js';

/** What an incident touches for the policy: its community, grid and the departments working on it. */
function incidentScope(incident: IncidentRow) {
  return {
    communityIds: [incident.community_id],
    gridIds: [incident.grid_id],
    departmentIds: [incident.lead_department_id, ...incident.assisting_department_ids],
  };
}

// The actor recorded in the timeline is the signed-in caller (lib/auth/policy.ts actorOf), never a
// value the client picks; checks run inside each mutation's transaction before it writes.
export const Mutation: MutationResolvers = {
  reportIncident: (_parent, { input }, { db, clock, caller }) =>
    reportIncident(db, { ...input, actor: actorOf(caller, input.actor) }, clock(), (grid) =>
      authorize(caller, 'reportIncident', { communityIds: [grid.community_id], gridIds: [grid.id] }),
    ),
  transitionIncident: (_parent, { input }, { db, clock, caller }) =>
    transitionIncident(db, { ...input, actor: actorOf(caller, input.actor) }, clock(), (incident) =>
      authorize(caller, 'transitionIncident', incidentScope(incident)),
    ),
  rateIncident: (_parent, { input }, { db, clock, caller }) =>
    rateIncident(db, { ...input, actor: actorOf(caller, input.actor) }, clock(), (incident) =>
      authorize(caller, 'rateIncident', incidentScope(incident)),
    ),
  setIncidentRoutingRule: (_parent, { input }, { db, clock, caller }) => {
    authorize(caller, 'setIncidentRoutingRule');
    return setRoutingRule(db, input, clock());
  },
};
