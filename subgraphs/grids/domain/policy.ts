import { mutationPolicy, type LoopRules } from '../../../lib/auth/policy.js';

/**
 * Who may write what in the grids subgraph: the incident loop's steps and its other mutations. The
 * mechanism (scopes, separation of duties, refusals) is lib/auth/policy.ts; the authorization matrix
 * test checks every cell through the gateway.
 */

/**
 * 网格吹哨、部门报到: the grid reports, dispatches, checks on site (核查), closes and rates; the
 * departments accept, handle and resolve, or return it. Escalation (吹哨 up a level) is the raising
 * side's: a handler never resets its own deadline.
 */
export const INCIDENT_LOOP = {
  name: 'incident',
  sides: { raising: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'], handling: ['STREET_ADMIN', 'DEPARTMENT_STAFF'] },
  steps: {
    REPORT: 'raising',
    DISPATCH: 'raising',
    ACCEPT: 'handling',
    RETURN: 'handling',
    START: 'handling',
    WAIT_FOR_RESIDENT: 'handling',
    RESUME: 'handling',
    RESOLVE: 'handling',
    REJECT_RESOLUTION: 'raising',
    VERIFY: 'raising',
    CLOSE: 'raising',
    ESCALATE: 'raising',
    RATE: 'raising',
  },
} as const satisfies LoopRules;

/** The mutations outside the incident loop. */
export const gridsMutations = mutationPolicy({
  setIncidentRoutingRule: ['STREET_ADMIN'],
});
