import type { Caller } from '../../../lib/auth/caller.js';
import {
  actorKeyOf,
  actorOf,
  authorizeStep,
  authorizeStepRole,
  directoryStreetOf,
  readScopeOf,
  stepRefused,
  type LoopItem,
  type LoopStep,
} from '../../../lib/auth/policy.js';
import { gridsMutations, INCIDENT_LOOP } from '../domain/policy.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { noIncident, rateIncident, reportIncident, setRoutingRule, transitionIncident, type IncidentGuard } from '../domain/incidents.js';
import { responsibleUnitCheck } from '../peers.js';
import { requireKnownStreet } from './Street.js';
import type { IncidentEventRow, IncidentRow } from '../store.js';

/** Where an incident was raised: its grid and that grid's community (taken from the grid, never from input). */
const raisedIn = (place: Pick<IncidentRow, 'street_id' | 'community_id' | 'grid_id'>) => ({
  streetIds: [place.street_id],
  communityIds: [place.community_id],
  gridIds: [place.grid_id],
});

/** An incident for the policy: the grid and community that raised it, the departments handling it, and its timeline. */
function incidentItem(incident: IncidentRow, timeline: readonly IncidentEventRow[]): LoopItem {
  return {
    parties: {
      raising: raisedIn(incident),
      handling: { streetIds: [incident.street_id], departmentIds: [incident.lead_department_id, ...incident.assisting_department_ids] },
    },
    timeline: timeline.map((event) => ({ step: event.kind, actor: event.actor, actorKey: event.actor_key })),
  };
}

/**
 * The caller's check of `step` on the incident a mutation names (domain/policy.ts INCIDENT_LOOP,
 * lib/auth/policy.ts SEPARATION_OF_DUTIES): the role first, before anything is read; then, on the locked incident, the
 * side's scope and who took its earlier steps. An incident the caller cannot see answers exactly as
 * one that does not exist.
 */
function incidentGuard(caller: Caller, step: LoopStep<typeof INCIDENT_LOOP>): IncidentGuard {
  authorizeStepRole(caller, INCIDENT_LOOP, step);
  const scope = readScopeOf(caller);
  return {
    scope,
    missing: (id) => (scope.kind === 'all' ? noIncident(id) : stepRefused(caller, INCIDENT_LOOP, step)),
    authorize: (incident, timeline) => authorizeStep(caller, INCIDENT_LOOP, step, incidentItem(incident, timeline)),
  };
}

// The actor recorded in the timeline is the signed-in caller (lib/auth/policy.ts actorOf), never a
// value the client picks, with its identity (actorKeyOf) for separation of duties.
export const Mutation: MutationResolvers = {
  reportIncident: (_parent, { input }, { db, clock, caller, peers }) => {
    authorizeStepRole(caller, INCIDENT_LOOP, 'REPORT');
    return reportIncident(db, { ...input, actor: actorOf(caller, input.actor), actorKey: actorKeyOf(caller) }, clock(), {
      authorize: (grid) =>
        authorizeStep(caller, INCIDENT_LOOP, 'REPORT', {
          parties: { raising: raisedIn({ street_id: grid.street_id, community_id: grid.community_id, grid_id: grid.id }) },
          timeline: [],
        }),
      responsibleUnit: responsibleUnitCheck(peers),
    });
  },
  transitionIncident: (_parent, { input }, { db, clock, caller }) =>
    transitionIncident(db, { ...input, actor: actorOf(caller, input.actor), actorKey: actorKeyOf(caller) }, clock(), incidentGuard(caller, input.action)),
  rateIncident: (_parent, { input }, { db, clock, caller }) =>
    rateIncident(db, { ...input, actor: actorOf(caller, input.actor), actorKey: actorKeyOf(caller) }, clock(), incidentGuard(caller, 'RATE')),
  // A street admin routes its own street's incidents; only SYSTEM callers change the district's defaults.
  setIncidentRoutingRule: async (_parent, { input }, { db, clock, caller, loaders }) => {
    const streetId = directoryStreetOf(caller);
    gridsMutations.authorize(caller, 'setIncidentRoutingRule', { streetIds: [streetId] });
    if (streetId !== null) await requireKnownStreet(loaders, streetId, 'token.street_id');
    return setRoutingRule(db, streetId, input, clock());
  },
};
