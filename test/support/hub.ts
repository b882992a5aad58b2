import { readFile } from 'node:fs/promises';
import { Registry } from 'prom-client';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { startGatewayHttp, type GatewayHttpOptions } from '../../gateway/src/http.js';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { SEEDERS } from '../../seed/index.js';
import { planDistrict } from '../../seed/district.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { sqlStatementsIn } from './operations.js';
import { testGatewaySecurity, testPeers, testSubgraphTrust, tokenFor, type RequestSigner } from './auth.js';
import type { Logger } from '../../lib/kernel/log.js';
import type { GatewaySecurity } from '../../gateway/src/security.js';
import { findFreePort } from '../../hub/free-port.js';
import { SERVICE_CALL_TIMEOUT_MS } from './wait.js';

/** Every subgraph's timeout at a gateway of the tests (SERVICE_CALL_TIMEOUT_MS; tests of the timeout set their own). */
export const TEST_SUBGRAPH_TIMEOUTS_MS: Readonly<Record<SubgraphName, number>> = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [name, SERVICE_CALL_TIMEOUT_MS]),
) as Record<SubgraphName, number>;

export interface TestHub {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, StartedSubgraph>;
  /** Each subgraph's own database, e.g. to start a stopped subgraph again on the same data (fault tests). */
  databaseUrls: Record<SubgraphName, string>;
  /** Sum of SQL statements all subgraphs have sent so far, read from their GET /metrics. */
  sqlStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The whole hub inside the test process but over real HTTP: four subgraphs on port 0, each on its
 * own copy of the seeded reference street (databases.ts), and the gateway on the checked-in supergraph.
 */
export async function startTestHub(
  options: {
    /**
     * How many streets (SEED_STREETS): the reference street and generated ones; default 1. One street
     * is a copy of the run's template; more are seeded into each new database, which takes seconds.
     */
    streets?: number;
    /** Gateway security overrides (limits, safelist); default: the test secrets, no rate limit. */
    security?: Parameters<typeof testGatewaySecurity>[0];
    /** Loggers of the gateway and of each subgraph (default: errors only). */
    logFor?: (service: string) => Logger;
    /** "Now" of every subgraph (e.g. fixed, so deadlines read the same in two runs); default the system clock. */
    clock?: () => Date;
  } = {},
): Promise<TestHub> {
  const quiet = createLogger('test', 'error');
  const logFor = options.logFor ?? (() => quiet);
  const streets = options.streets ?? 1;
  const databases = {} as Record<SubgraphName, TestDatabase>;
  const subgraphs = {} as Record<SubgraphName, StartedSubgraph>;
  let gateway: RunningService | undefined;
  const stop = async () => {
    await gateway?.close();
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    await Promise.all(Object.values(databases).map((database) => database.drop()));
  };
  // Filled in as the subgraphs start: each one's peer client reads it when it calls (ports are 0).
  const peerUrls: Partial<Record<SubgraphName, string>> = {};
  try {
    // The four copies at once (each is mostly PostgreSQL's file copying); every one made is dropped by stop().
    const content = streets === 1 ? 'street' : 'migrated';
    const copies = await Promise.allSettled(SUBGRAPH_NAMES.map(async (name) => (databases[name] = await createTestDatabase(name, { content }))));
    for (const copy of copies) if (copy.status === 'rejected') throw copy.reason;
    if (streets > 1) {
      const plans = planDistrict(streets);
      for (const name of SUBGRAPH_NAMES) await databases[name].db.transaction((tx) => SEEDERS[name].insert(tx, plans));
    }
    // Co-building before resource-pools, which asks it for pairings and credit as the launcher wires it.
    for (const name of [...SUBGRAPH_NAMES].sort((a, b) => Number(a === 'resource-pools') - Number(b === 'resource-pools'))) {
      subgraphs[name] = await startSubgraphByName(name, {
        databaseUrl: databases[name].url,
        log: logFor(name),
        trust: await testSubgraphTrust(name),
        databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
        peers: testPeers(name, peerUrls),
        clock: options.clock,
      });
      peerUrls[name] = subgraphs[name].url;
    }
    gateway = await startGatewayOver(subgraphs, {
      log: logFor('gateway'),
      security: await testGatewaySecurity(options.security),
      // As `npm start` in development mode: the explorer opens with a district-platform token.
      mintExplorerToken: () => tokenFor('DISTRICT_PLATFORM', { sub: 'test-explorer' }),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: gateway.url,
    subgraphs,
    databaseUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, databases[name].url])) as Record<SubgraphName, string>,
    async sqlStatements() {
      const counts = await Promise.all(
        SUBGRAPH_NAMES.map(async (name) => sqlStatementsIn(await (await fetch(new URL('/metrics', subgraphs[name].url))).text())),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    stop,
  };
}

/**
 * A gateway on the checked-in supergraph over running subgraphs (a test hub's, or a stand-in for one
 * of them), on port 0, with the tests' security and subgraph timeouts; `overrides` replace options
 * (the fetcher's are added to the timeouts).
 */
export async function startGatewayOver(
  subgraphs: Readonly<Record<SubgraphName, { url: string }>>,
  overrides: Partial<GatewayHttpOptions> = {},
): Promise<RunningService> {
  return startGatewayHttp(
    {
      supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])),
      log: createLogger('test', 'error'),
      registry: new Registry(),
      security: await testGatewaySecurity(),
      ...overrides,
      fetcher: { timeoutsMs: TEST_SUBGRAPH_TIMEOUTS_MS, ...overrides.fetcher },
    },
    { host: '127.0.0.1', port: 0 },
  );
}

/**
 * Our gateway or Hive Gateway (gateway/hive/) with `security`, over subgraph URLs where nothing
 * answers: for tests of what a front door decides before any subgraph is asked (tokens, rate limits)
 * and of `{ __typename }`, which the gateway answers itself.
 */
export async function startFrontDoorOnly(kind: 'ours' | 'hive', security: GatewaySecurity): Promise<RunningService> {
  const nowhere = { url: `http://127.0.0.1:${await findFreePort()}/graphql` };
  const subgraphs = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, nowhere])) as Record<SubgraphName, { url: string }>;
  if (kind === 'ours') return startGatewayOver(subgraphs, { security });
  // Imported here: only the tests that compare with Hive load it.
  const { startHiveGatewayHttp } = await import('../../gateway/hive/http.js');
  return startHiveGatewayHttp(
    {
      supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, nowhere.url])),
      security,
      timeoutsMs: TEST_SUBGRAPH_TIMEOUTS_MS,
    },
    { host: '127.0.0.1', port: 0 },
  );
}

export interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

let defaultToken: Promise<string> | undefined;

/**
 * The token postGraphQL sends unless told otherwise: a STREET_ADMIN (may read and change the whole
 * street, personal data masked), so tests about other things run as a signed-in operator.
 */
export function defaultTestToken(): Promise<string> {
  defaultToken ??= tokenFor('STREET_ADMIN', { sub: 'test-street-admin' });
  return defaultToken;
}

export async function postGraphQL<Data = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  /**
   * `token: null` sends no Authorization (anonymous); `headers` are added as they are; `sign` adds
   * what a subgraph needs for this body (asRouter / asService of support/auth.ts).
   */
  options: { token?: string | null; headers?: Record<string, string>; sign?: RequestSigner } = {},
): Promise<GraphQLResponse<Data>> {
  const token = options.token === undefined ? await defaultTestToken() : options.token;
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
      ...(options.sign ? await options.sign(body) : {}),
    },
    body,
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
}

/** A bearer token of any role for tests (scope ids as `npm run token` takes them). */
export function testToken(role: Parameters<typeof tokenFor>[0], scope: Parameters<typeof tokenFor>[1] = {}): Promise<string> {
  return tokenFor(role, scope);
}
