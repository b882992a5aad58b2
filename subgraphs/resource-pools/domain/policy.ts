import { mutationPolicy, type LoopRules } from '../../../lib/auth/policy.js';

/**
 * Who may write what in the resource-pools subgraph: the order loop's steps and its other
 * mutations. The mechanism (scopes, separation of duties, refusals) is lib/auth/policy.ts; the
 * authorization matrix test checks every cell through the gateway.
 */

/**
 * 点单 → 派单 → 接单 → 评单: the community or grid raises, dispatches, cancels and rates; the providing
 * unit or department accepts, declines and fulfils; the street lets an order expire.
 */
export const ORDER_LOOP = {
  name: 'order',
  sides: {
    raising: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
    handling: ['STREET_ADMIN', 'UNIT_MEMBER', 'DEPARTMENT_STAFF'],
    street: ['STREET_ADMIN'],
  },
  steps: {
    SUBMIT: 'raising',
    DISPATCH: 'raising',
    ACCEPT: 'handling',
    DECLINE: 'handling',
    FULFIL: 'handling',
    RATE: 'raising',
    CANCEL: 'raising',
    EXPIRE: 'street',
  },
} as const satisfies LoopRules;

/** The mutations outside the order loop's steps on an existing demand. */
export const resourcePoolsMutations = mutationPolicy({
  submitDemand: ORDER_LOOP.sides.raising,
  proposeAllocations: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  // The street decides where its resources serve: an admin of the resource's home street.
  setResourceServedStreets: ['STREET_ADMIN'],
});
