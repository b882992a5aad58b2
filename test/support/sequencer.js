import Sequencer from '@jest/test-sequencer';

/**
 * The files that take longest (measured, docs/testing.md#time), longest first: they start first, so
 * the two workers end together instead of one running a launcher test alone at the end. Jest's own
 * order only knows durations from an earlier run on the same machine (its cache); a fresh clone in
 * CI has none and would go by file size. Every other file follows in Jest's order.
 */
const SLOWEST_FIRST = [
  // Launcher tests: processes of their own, most of the suite's CPU (per-file CPU of 2 December 2026).
  'test/hub-lifecycle.test.ts',
  'test/hub-faults-under-load.test.ts',
  'test/hub-process.test.ts',
  'test/durability.test.ts',
  'test/hub-faults.test.ts',
  'test/import.test.ts',
  'test/hive-gateway.test.ts',
  'test/deploy-compose.test.ts',
  // Two PostgreSQL servers, two gateways and two processes of each subgraph (43 s of the idle run).
  'test/replicas-under-load.test.ts',
  // In-process hubs with many requests, then the rest of the slow ones.
  'test/authorization-matrix.test.ts',
  'test/read-scope-matrix.test.ts',
  'test/bad-input.test.ts',
  'test/federation.test.ts',
  'test/any-supergraph.test.ts',
  'clients/sdk.test.ts',
  'test/district-figures.test.ts',
  'test/street-scope.test.ts',
  'seed/district.test.ts',
];

// The package is CommonJS: its class is the default export's `default` when imported from ESM.
const JestSequencer = Sequencer.default ?? Sequencer;

export default class SlowestFirstSequencer extends JestSequencer {
  sort(tests) {
    const rank = (test) => {
      const index = SLOWEST_FIRST.findIndex((file) => test.path.endsWith(`/${file}`));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: files not in the list keep Jest's order.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}
