import { Registry } from 'prom-client';
import { Database, lockForTransaction, type Queryable } from '../lib/kernel/database.js';
import type { Logger } from '../lib/kernel/log.js';
import type { SubgraphName } from '../lib/subgraph/runtime.js';
import { createCoBuildingStore } from '../subgraphs/co-building/store.js';
import { createGridsStore } from '../subgraphs/grids/store.js';
import { createOrganisationsStore } from '../subgraphs/organisations/store.js';
import { createResourcePoolsStore } from '../subgraphs/resource-pools/store.js';
import { generateCoBuildingDataset } from './co-building.js';
import { generateGridsDataset } from './grids.js';
import { generateOrganisationsDataset } from './organisations.js';
import { planStreet, type StreetPlan } from './plan.js';
import { generateResourcePoolsDataset } from './resource-pools.js';

/** How to tell whether one subgraph's database is empty and how to fill it from the plan. */
export interface Seeder {
  isEmpty(db: Queryable): Promise<boolean>;
  insert(db: Queryable, plan: StreetPlan): Promise<void>;
}

export const SEEDERS: Record<SubgraphName, Seeder> = {
  grids: {
    isEmpty: (db) => createGridsStore(db).isEmpty(),
    insert: (db, plan) => createGridsStore(db).insertDataset(generateGridsDataset(plan)),
  },
  organisations: {
    isEmpty: (db) => createOrganisationsStore(db).isEmpty(),
    insert: (db, plan) => createOrganisationsStore(db).insertDataset(generateOrganisationsDataset(plan)),
  },
  'co-building': {
    isEmpty: (db) => createCoBuildingStore(db).isEmpty(),
    insert: (db, plan) => createCoBuildingStore(db).insertDataset(generateCoBuildingDataset(plan)),
  },
  'resource-pools': {
    isEmpty: (db) => createResourcePoolsStore(db).isEmpty(),
    insert: (db, plan) => createResourcePoolsStore(db).insertDataset(generateResourcePoolsDataset(plan)),
  },
};

const SEED_LOCK_KEY = 727_465_002;

/**
 * Seeds every subgraph database that is still empty with the reference street at `scale`. Each
 * database is seeded in one transaction under an advisory lock: a crash leaves it empty (and it is
 * seeded on the next start), and two starters never seed it twice.
 */
export async function seedEmptyDatabases(urls: Record<SubgraphName, string>, scale: number, log: Logger): Promise<void> {
  let plan: StreetPlan | undefined;
  const databases = Object.entries(urls) as [SubgraphName, string][];
  for (const [index, [name, url]] of databases.entries()) {
    const db = new Database({ url, service: `seed-${name}`, registry: new Registry() });
    try {
      await db.transaction(async (tx) => {
        await lockForTransaction(tx, SEED_LOCK_KEY);
        if (!(await SEEDERS[name].isEmpty(tx))) return;
        const started = Date.now();
        // Progress for long seeds (SEED_SCALE up to 100 takes minutes): which database, how far along.
        log.info('seeding the reference street', { subgraph: name, scale, step: `${index + 1}/${databases.length}` });
        plan ??= planStreet(scale);
        await SEEDERS[name].insert(tx, plan);
        log.info('seeded the reference street', { subgraph: name, scale, ms: Date.now() - started });
      });
    } finally {
      await db.close();
    }
  }
}
