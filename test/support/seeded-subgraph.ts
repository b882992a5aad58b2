import { createLogger } from '../../lib/kernel/log.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { StartedSubgraph } from '../../lib/subgraph/runtime.js';
import type { SubgraphName } from '../../lib/subgraph/names.js';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { testSubgraphTrust } from './auth.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { SERVICE_CALL_TIMEOUT_MS } from './wait.js';

export interface SeededSubgraph {
  subgraph: StartedSubgraph;
  database: TestDatabase;
  /** Stops the subgraph and drops its database. */
  stop(): Promise<void>;
}

/**
 * One real subgraph over HTTP on port 0, on its own copy of the reference street (planStreet(1)):
 * the peer a subgraph test calls (co-building for credit events and pairings), with no mock in between.
 */
export async function startSeededSubgraph(name: SubgraphName, options: { peers?: PeerClient } = {}): Promise<SeededSubgraph> {
  const database = await createTestDatabase(name, { content: 'street' });
  try {
    const subgraph = await startSubgraphByName(name, {
      databaseUrl: database.url,
      log: createLogger('test', 'error'),
      trust: await testSubgraphTrust(name),
      databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
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
