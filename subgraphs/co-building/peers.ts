/**
 * What co-building asks other subgraphs directly (lib/subgraph/peer-client.ts): the reference checks
 * of service reports, with the owner of each entity. (Its events.ts defines the calls other
 * subgraphs' outbox relays make to co-building.)
 * Each operation is validated against the called subgraph's schema by test/peer-operations.test.ts.
 */
import { definePeerOperation } from '../../lib/subgraph/peer-client.js';

export interface ReportingMember {
  id: string;
  inServiceUnit: { id: string } | null;
  residenceCommunity: { id: string } | null;
}

/** An in-service member, the unit they work for and the community they live in, from organisations. */
export const REPORTING_MEMBER = definePeerOperation<{ partyMember: ReportingMember | null }, { id: string }>(
  'organisations',
  `query ReportingMember($id: ID!) {
  partyMember(id: $id) { id inServiceUnit { id } residenceCommunity { id } }
}`,
);

/** Whether the community served exists, from grids. */
export const SERVED_COMMUNITY = definePeerOperation<{ community: { id: string } | null }, { id: string }>(
  'grids',
  `query ServedCommunity($id: ID!) {
  community(id: $id) { id }
}`,
);

/** Whether a street a unit is to serve exists, from grids (the owner of streets). */
export const KNOWN_STREET = definePeerOperation<{ street: { id: string } | null }, { id: string }>(
  'grids',
  `query KnownStreet($id: ID!) {
  street(id: $id) { id }
}`,
);
