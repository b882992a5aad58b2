import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Department } from './Department.js';
import { CoBuildingUnit, Community, Grid, MicroGrid } from './LedEntities.js';
import { Organisation } from './Organisation.js';
import { PartyMember } from './PartyMember.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { Query, Organisation, PartyMember, Department, Community, Grid, MicroGrid, CoBuildingUnit };
