import type { Resolvers } from '../__generated__/resolvers-types.js';
import { CoBuildingUnit } from './CoBuildingUnit.js';
import { Community } from './Community.js';
import { Pairing } from './Pairing.js';
import { Query } from './Query.js';
import { ServiceReport } from './ServiceReport.js';

export const resolvers: Resolvers = { Query, CoBuildingUnit, Pairing, ServiceReport, Community };
