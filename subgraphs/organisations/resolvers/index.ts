import type { Resolvers } from '../__generated__/resolvers-types.js';
import { CoBuildingUnit } from './CoBuildingUnit.js';
import { Community } from './Community.js';
import { Department } from './Department.js';
import { Grid } from './Grid.js';
import { MicroGrid } from './MicroGrid.js';
import { Organisation } from './Organisation.js';
import { PartyMember } from './PartyMember.js';
import { Query } from './Query.js';
import { Street } from './Street.js';

export const resolvers: Resolvers = { Query, Organisation, PartyMember, Department, Community, Grid, MicroGrid, CoBuildingUnit, Street };
