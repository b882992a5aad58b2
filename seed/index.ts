import { Registry } from 'prom-client';
import { Database, lockForTransaction, type Queryable } from '../lib/kernel/database.js';
import type { Logger } from '../lib/kernel/log.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { createCoBuildingStore } from '../subgraphs/co-building/store.js';
import { createGridsStore } from '../subgraphs/grids/store.js';
import { createOrganisationsStore } from '../subgraphs/organisations/store.js';
import { createResourcePoolsStore } from '../subgraphs/resource-pools/store.js';
import { generateCoBuildingDataset, widenCoBuildingAcrossStreets } from './co-building.js';
import { generateGridsDataset } from './grids.js';
import { generateOrganisationsDataset } from './organisations.js';
import { districtReachOf, planDistrict, type DistrictReach } from './district.js';
import type { StreetPlan } from './plan.js';
import { generateResourcePoolsDataset, widenResourcePoolsAcrossStreets } from './resource-pools.js';

/** How to tell whether one subgraph's database is empty and how to fill it from the plans of its streets. */
export interface Seeder {
  isEmpty(db: Queryable): Promise<boolean>;
  /** Writes the streets planned (one plan: the reference street alone) in one dataset. */
  insert(db: Queryable, plans: StreetPlan | readonly StreetPlan[]): Promise<void>;
}

/**
 * A seeder from a subgraph's generator and store: each street's dataset is generated on its own and
 * the arrays are concatenated (`shared` lists the district-wide ones, e.g. departments, taken once);
 * `acrossStreets` then gives the district's reach to who serves several streets (seed/district.ts).
 */
function seederOf<Dataset extends object>(
  isEmpty: (db: Queryable) => Promise<boolean>,
  generate: (plan: StreetPlan) => Dataset,
  write: (db: Queryable, dataset: Dataset) => Promise<void>,
  { shared = [], acrossStreets }: { shared?: readonly (keyof Dataset)[]; acrossStreets?: (dataset: Dataset, reach: DistrictReach) => void } = {},
): Seeder {
  return {
    isEmpty,
    insert(db, plans) {
      const streets: readonly StreetPlan[] = Array.isArray(plans) ? plans : [plans];
      const [first, ...others] = streets.map(generate);
      const merged: Record<string, unknown> = { ...first };
      for (const dataset of others) {
        for (const [key, rows] of Object.entries(dataset) as [keyof Dataset & string, unknown][]) {
          if (!Array.isArray(rows) || shared.includes(key)) continue;
          merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...(rows as unknown[])];
        }
      }
      acrossStreets?.(merged as Dataset, districtReachOf(streets));
      return write(db, merged as Dataset);
    },
  };
}

export const SEEDERS: Record<SubgraphName, Seeder> = {
  grids: seederOf(
    (db) => createGridsStore(db).isEmpty(),
    generateGridsDataset,
    (db, dataset) => createGridsStore(db).insertDataset(dataset),
  ),
  organisations: seederOf(
    (db) => createOrganisationsStore(db).isEmpty(),
    generateOrganisationsDataset,
    (db, dataset) => createOrganisationsStore(db).insertDataset(dataset),
    { shared: ['departments'] },
  ),
  'co-building': seederOf(
    (db) => createCoBuildingStore(db).isEmpty(),
    generateCoBuildingDataset,
    (db, dataset) => createCoBuildingStore(db).insertDataset(dataset),
    { acrossStreets: widenCoBuildingAcrossStreets },
  ),
  'resource-pools': seederOf(
    (db) => createResourcePoolsStore(db).isEmpty(),
    generateResourcePoolsDataset,
    (db, dataset) => createResourcePoolsStore(db).insertDataset(dataset),
    { acrossStreets: widenResourcePoolsAcrossStreets },
  ),
};

const SEED_LOCK_KEY = 727_465_002;

/**
 * Seeds every subgraph database that is still empty with `streets` streets (the reference street
 * first, SEED_STREETS) at `scale`. Each database is seeded in one transaction under an advisory
 * lock: a crash leaves it empty (and it is seeded on the next start), and two starters never seed
 * it twice.
 */
export async function seedEmptyDatabases(urls: Record<SubgraphName, string>, scale: number, log: Logger, streets = 1): Promise<void> {
  let plans: StreetPlan[] | undefined;
  const databases = Object.entries(urls) as [SubgraphName, string][];
  for (const [index, [name, url]] of databases.entries()) {
    const db = new Database({ url, service: `seed-${name}`, registry: new Registry() });
    try {
      await db.transaction(async (tx) => {
        await lockForTransaction(tx, SEED_LOCK_KEY);
        if (!(await SEEDERS[name].isEmpty(tx))) return;
        const started = Date.now();
        // Progress for long seeds (SEED_SCALE up to 100 takes minutes): which database, how far along.
        log.info('seeding the streets', { subgraph: name, scale, streets, step: `${index + 1}/${databases.length}` });
        plans ??= planDistrict(streets, scale);
        await SEEDERS[name].insert(tx, plans);
        log.info('seeded the streets', { subgraph: name, scale, streets, ms: Date.now() - started });
      });
    } finally {
      await db.close();
    }
  }
}
