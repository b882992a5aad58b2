import type { IncidentResolvers } from '../__generated__/resolvers-types.js';
import type { Caller } from '../../../lib/auth/caller.js';
import { personalDataFor } from '../../../lib/subgraph/masking.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';
import { allowedActions, effectiveDueAt, isOverdue } from '../domain/incident-lifecycle.js';
import type { IncidentRow } from '../store.js';

/**
 * In clear only for pii:read on an incident in the caller's own read scope (PIPL). Every incident
 * row a resolver gets was read through the store's read-scope condition (incidentScopeSql), so an
 * incident that reaches this point is in the caller's scope.
 */
const personalDataOf = (_incident: IncidentRow, caller: Caller) => personalDataFor(caller, true);

const deadlineState = (incident: IncidentRow) => ({ status: incident.status, dueAt: incident.due_at, pausedSince: incident.paused_since });

export const Incident: IncidentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.incidentById.load(reference.id),
  location: (incident) => ({ lat: incident.lat, lng: incident.lng }),
  photoUrls: (incident) => incident.photo_urls,
  // Residents' personal data, also inside what they wrote, leaves the subgraph masked (personalDataOf).
  description: (incident, _args, { caller }) => personalDataOf(incident, caller).text(incident.description),
  reporter: (incident, _args, { caller }) => {
    const personal = personalDataOf(incident, caller);
    return { name: personal.name(incident.reporter_name), phone: incident.reporter_phone === null ? null : personal.phone(incident.reporter_phone) };
  },
  allowedActions: (incident) => allowedActions(incident.status),
  escalationLevel: (incident) => incident.escalation_level,
  community: async (incident, _args, { loaders }) => requireLoaded(await loaders.communityById.load(incident.community_id), 'Community', incident.community_id),
  grid: async (incident, _args, { loaders }) => requireLoaded(await loaders.gridById.load(incident.grid_id), 'Grid', incident.grid_id),
  microGrid: (incident, _args, { loaders }) => (incident.micro_grid_id === null ? null : loaders.microGridById.load(incident.micro_grid_id)),
  leadDepartment: (incident) => ({ id: incident.lead_department_id }),
  assistingDepartments: (incident) => incident.assisting_department_ids.map((id) => ({ id })),
  responsibleUnit: (incident) => (incident.responsible_unit_id === null ? null : { id: incident.responsible_unit_id }),
  duplicateOf: (incident, _args, { loaders }) => (incident.duplicate_of === null ? null : loaders.incidentById.load(incident.duplicate_of)),
  duplicates: (incident, _args, { loaders }) => loaders.duplicatesByIncidentId.load(incident.id),
  reportedAt: (incident) => incident.reported_at.toISOString(),
  dueAt: (incident, _args, { clock }) => effectiveDueAt(deadlineState(incident), clock()).toISOString(),
  overdue: (incident, _args, { clock }) => isOverdue(deadlineState(incident), clock()),
  pausedHours(incident, _args, { clock }) {
    const running = incident.paused_since === null ? 0 : Math.max(0, clock().getTime() - incident.paused_since.getTime()) / 1000;
    return (incident.paused_seconds + running) / 3600;
  },
  deadlineKept: (incident) => incident.deadline_kept,
  returnReason: (incident, _args, { caller }) => (incident.return_reason === null ? null : personalDataOf(incident, caller).text(incident.return_reason)),
  ratingComment: (incident, _args, { caller }) => (incident.rating_comment === null ? null : personalDataOf(incident, caller).text(incident.rating_comment)),
  timeline: (incident, _args, { loaders }) => loaders.incidentEventsByIncidentId.load(incident.id),
};
