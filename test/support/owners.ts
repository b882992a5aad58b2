import { createLogger } from '../../lib/log.js';
import type { PeerClient, PeerName } from '../../lib/peer-client.js';
import type { StartedSubgraph, SubgraphName } from '../../lib/subgraph.js';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { SEEDERS } from '../../seed/index.js';
import { planStreet } from '../../seed/plan.js';
import { testPeers, testSubgraphTrust } from './auth.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface ReferenceOwners {
  subgraphs: Partial<Record<SubgraphName, StartedSubgraph>>;
  databases: Partial<Record<SubgraphName, TestDatabase>>;
  /** The peer client of subgraph `self` reaching these owners. */
  peersFor(self: string): PeerClient;
  stop(): Promise<void>;
}

/**
 * The subgraphs that own what another subgraph's writes refer to (grids for communities and grids,
 * organisations for party members), each on its own database seeded with the reference street and
 * started over HTTP on port 0: for tests that run the writing subgraph in-process, whose writes
 * check their references with these owners (lib/references.ts askOwner).
 */
export async function startReferenceOwners(names: readonly SubgraphName[]): Promise<ReferenceOwners> {
  const plan = planStreet(1);
  const subgraphs: Partial<Record<SubgraphName, StartedSubgraph>> = {};
  const databases: Partial<Record<SubgraphName, TestDatabase>> = {};
  const stop = async () => {
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
  };
  try {
    for (const name of names) {
      const database = await createTestDatabase(name);
      databases[name] = database;
      await database.db.transaction((tx) => SEEDERS[name].insert(tx, plan));
      subgraphs[name] = await startSubgraphByName(name, { databaseUrl: database.url, log: createLogger('test', 'error'), trust: await testSubgraphTrust(name) });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const urls: Partial<Record<PeerName, string>> = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  return { subgraphs, databases, peersFor: (self) => testPeers(self, urls), stop };
}
