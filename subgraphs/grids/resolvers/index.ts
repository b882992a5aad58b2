import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Community } from './Community.js';
import { Grid } from './Grid.js';
import { MicroGrid } from './MicroGrid.js';
import { Office } from './Office.js';
import { Query } from './Query.js';
import { Street } from './Street.js';

export const resolvers: Resolvers = { Query, Street, Office, Community, Grid, MicroGrid };
