import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { WARM_UP } from './fetcher.js';

/** The operations the explorer offers and the benchmarks send: gateway/examples/*.graphql. */
export async function knownOperations(directory = projectPath('gateway', 'examples')): Promise<string[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(files.map((file) => readFile(join(directory, file), 'utf8')));
}

/**
 * Runs each known operation once through the server with a warm-up context, so that the first real
 * request finds its parsed and validated document and its query plan cached (planning the dashboard
 * costs tens of milliseconds). The data sources recognise the context and fetch nothing, so this
 * works before the subgraphs are up. Plans are keyed by the exact query text, so clients sending
 * the example files verbatim (the explorer, the SDK, the benchmarks) hit the cache.
 * Operations that do not validate against the supergraph (the hub's examples, when the gateway
 * serves another supergraph) are skipped, noted at debug level only. Returns how many were planned.
 */
export async function warmUp(server: ApolloServer<BaseContext>, operations: readonly string[], log: Logger): Promise<number> {
  let planned = 0;
  for (const query of operations) {
    try {
      const { body } = await server.executeOperation({ query }, { contextValue: { [WARM_UP]: true } });
      // Parse and validation failures answer without `data`; anything that was planned has it.
      if (body.kind === 'single' && body.singleResult.data === undefined) {
        const operation = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
        log.debug('warm-up skipped an operation this supergraph does not serve', {
          operation,
          errors: body.singleResult.errors?.map((error) => error.message),
        });
        continue;
      }
      planned += 1;
    } catch (error) {
      // A broken example must not stop the gateway; it fails again, visibly, when a client sends it.
      log.warn('warm-up of a known operation failed', { error: (error as Error).message });
    }
  }
  return planned;
}
