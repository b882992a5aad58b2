import type { IncidentEventResolvers } from '../__generated__/resolvers-types.js';
import { personalDataFor } from '../../../lib/subgraph/masking.js';

export const IncidentEvent: IncidentEventResolvers = {
  // A note may quote a resident's number: in clear only for pii:read on an incident in the caller's
  // scope (incidentById reads out-of-scope incidents as null).
  note: async (event, _args, { caller, loaders }) =>
    event.note === null ? null : personalDataFor(caller, (await loaders.incidentById.load(event.incident_id)) !== null).text(event.note),
  fromStatus: (event) => event.from_status,
  toStatus: (event) => event.to_status,
  occurredAt: (event) => event.occurred_at.toISOString(),
};
