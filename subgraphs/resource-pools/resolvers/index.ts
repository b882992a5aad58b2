import type { Resolvers } from '../__generated__/resolvers-types.js';
import { CoBuildingUnit } from './CoBuildingUnit.js';
import { Community } from './Community.js';
import { Demand } from './Demand.js';
import { Department } from './Department.js';
import { Query } from './Query.js';
import { Resource } from './Resource.js';

export const resolvers: Resolvers = { Query, Resource, Demand, Community, CoBuildingUnit, Department };
