import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Agreement } from './Agreement.js';
import { CoBuildingUnit } from './CoBuildingUnit.js';
import { Commitment, CommitmentProgress } from './CommitmentProgress.js';
import { Community } from './Community.js';
import { CreditEvent, CreditScore } from './CreditScore.js';
import { District, Street } from './District.js';
import { Mutation } from './Mutation.js';
import { Pairing } from './Pairing.js';
import { Query } from './Query.js';
import { ServiceReport } from './ServiceReport.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  CoBuildingUnit,
  Pairing,
  Agreement,
  Commitment,
  CommitmentProgress,
  CreditScore,
  CreditEvent,
  ServiceReport,
  Community,
  Street,
  District,
};
