import { createLogger } from '../../lib/kernel/log.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { StartedSubgraph, SubgraphName } from '../../lib/subgraph/runtime.js';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { SEEDERS } from '../../seed/index.js';
import type { StreetPlan } from '../../seed/plan.js';
import { testSubgraphTrust } from './auth.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface SeededSubgraph {
  subgraph: StartedSubgraph;
  database: TestDatabase;
  /** Stops the subgraph and drops its database. */
  stop(): Promise<void>;
}

/**
 * One real subgraph over HTTP on port 0, on its own database seeded with `plan`: the peer a
 * subgraph test calls (co-building for credit events and pairings), with no mock in between.
 */
export async function startSeededSubgraph(name: SubgraphName, plan: StreetPlan, options: { peers?: PeerClient } = {}): Promise<SeededSubgraph> {
  const database = await createTestDatabase(name);
  try {
    await database.db.transaction((tx) => SEEDERS[name].insert(tx, plan));
    const subgraph = await startSubgraphByName(name, {
      databaseUrl: database.url,
      log: createLogger('test', 'error'),
      trust: await testSubgraphTrust(name),
      peers: options.peers,
    });
    return {
      subgraph,
      database,
      async stop() {
        await subgraph.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
