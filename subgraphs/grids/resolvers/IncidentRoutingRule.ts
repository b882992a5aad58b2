import type { IncidentRoutingRuleResolvers } from '../__generated__/resolvers-types.js';

export const IncidentRoutingRule: IncidentRoutingRuleResolvers = {
  leadDepartment: (rule) => ({ id: rule.lead_department_id }),
  assistingDepartments: (rule) => rule.assisting_department_ids.map((id) => ({ id })),
  deadlineHours: (rule) => rule.deadline_hours,
};
