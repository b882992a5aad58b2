import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Community } from './Community.js';
import { Department } from './Department.js';
import { District } from './District.js';
import { Grid } from './Grid.js';
import { Incident } from './Incident.js';
import { IncidentEvent } from './IncidentEvent.js';
import { IncidentRoutingRule } from './IncidentRoutingRule.js';
import { IncidentStats } from './IncidentStats.js';
import { MicroGrid } from './MicroGrid.js';
import { Mutation } from './Mutation.js';
import { Office } from './Office.js';
import { Query } from './Query.js';
import { Street } from './Street.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Street,
  District,
  Office,
  Community,
  Grid,
  MicroGrid,
  Incident,
  IncidentEvent,
  IncidentRoutingRule,
  IncidentStats,
  Department,
};
