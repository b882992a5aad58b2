import type { PeerClient, PeerName } from '../../lib/subgraph/peer-client.js';
import type { StartedSubgraph } from '../../lib/subgraph/runtime.js';
import type { SubgraphName } from '../../lib/subgraph/names.js';
import { testPeers } from './auth.js';
import type { TestDatabase } from './databases.js';
import { startSeededSubgraph, type SeededSubgraph } from './seeded-subgraph.js';

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
 * check their references with these owners (lib/subgraph/references.ts askOwner).
 */
export async function startReferenceOwners(names: readonly SubgraphName[]): Promise<ReferenceOwners> {
  const started: Partial<Record<SubgraphName, SeededSubgraph>> = {};
  const stop = async () => void (await Promise.all(Object.values(started).map((owner) => owner.stop())));
  try {
    for (const name of names) started[name] = await startSeededSubgraph(name);
  } catch (error) {
    await stop();
    throw error;
  }
  const subgraphs: Partial<Record<SubgraphName, StartedSubgraph>> = {};
  const databases: Partial<Record<SubgraphName, TestDatabase>> = {};
  for (const [name, owner] of Object.entries(started) as [SubgraphName, SeededSubgraph][]) {
    subgraphs[name] = owner.subgraph;
    databases[name] = owner.database;
  }
  const urls: Partial<Record<PeerName, string>> = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  return { subgraphs, databases, peersFor: (self) => testPeers(self, urls), stop };
}
