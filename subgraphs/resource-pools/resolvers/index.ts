import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Allocation } from './Allocation.js';
import { CoBuildingUnit } from './CoBuildingUnit.js';
import { CategoryFit } from './CategoryFit.js';
import { Community } from './Community.js';
import { Demand } from './Demand.js';
import { DemandEvent } from './DemandEvent.js';
import { Department } from './Department.js';
import { District, Street } from './District.js';
import { HelpKind } from './HelpKind.js';
import { MatchResult } from './MatchResult.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Resource } from './Resource.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Resource,
  Demand,
  DemandEvent,
  HelpKind,
  CategoryFit,
  MatchResult,
  Allocation,
  Community,
  CoBuildingUnit,
  Department,
  Street,
  District,
};
