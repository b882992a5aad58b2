import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../lib/kernel/log.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { startSubgraphByName } from '../hub/subgraph-modules.js';
import { testSubgraphTrust } from './support/auth.js';
import { postGraphQL, type GraphQLResponse } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';
import { SERVICE_CALL_TIMEOUT_MS, waitUntil } from './support/wait.js';

/**
 * One subgraph goes down under a steady query load and comes back on the same port: before, the
 * dashboard is complete; during, everything the other three subgraphs own is still answered and the
 * missing fields carry an error naming the subgraph; after, answers are complete again without
 * restarting the gateway.
 */
const DOWN: SubgraphName = 'co-building';
const WORKERS = 4;
const PER_PHASE = 12;
const DASHBOARD = `{ communities(first: 10) { totalCount nodes {
  id name households
  partyOrganisation { id name }
  openDemandCount servedBy { id name }
  pairings { id unit { id name } }
} } }`;

type Phase = 'before' | 'stopping' | 'down' | 'restarting' | 'after';
interface Observation {
  phase: Phase;
  /** The phase when the answer arrived: only answers that started and ended in one phase count for it. */
  endPhase: Phase;
  endedAt: number;
  response?: GraphQLResponse<any>;
  failure?: string;
}

const hub = useTestHub();

function isComplete(response: GraphQLResponse<any> | undefined): boolean {
  const nodes = response?.data?.communities?.nodes;
  return (
    response?.status === 200 &&
    response.errors === undefined &&
    Array.isArray(nodes) &&
    nodes.length === 10 &&
    nodes.every((node: any) => typeof node.name === 'string' && node.partyOrganisation !== null && Array.isArray(node.servedBy) && Array.isArray(node.pairings))
  );
}

/** Everything but co-building's fields answered; those null, with a coded error naming co-building. */
function isPartialWithoutCoBuilding(response: GraphQLResponse<any> | undefined): boolean {
  const nodes = response?.data?.communities?.nodes;
  return (
    response?.status === 200 &&
    response.data?.communities.totalCount === 67 &&
    Array.isArray(nodes) &&
    nodes.length === 10 &&
    nodes.every(
      (node: any) =>
        typeof node.name === 'string' &&
        typeof node.partyOrganisation?.name === 'string' &&
        typeof node.openDemandCount === 'number' &&
        Array.isArray(node.servedBy) &&
        node.pairings === null,
    ) &&
    (response.errors?.length ?? 0) > 0 &&
    response.errors!.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.extensions?.serviceName === DOWN)
  );
}

async function readiness(): Promise<{ status: number; body: { status?: string; unavailable?: string[] } }> {
  const response = await fetch(new URL('/ready', hub.gatewayUrl));
  return { status: response.status, body: (await response.json()) as { status?: string; unavailable?: string[] } };
}

describe('a subgraph outage under load', () => {
  it('answers the rest while co-building is down, names it in a coded error, and recovers on its own when it returns', async () => {
    const quiet = createLogger('test', 'error');
    const observations: Observation[] = [];
    let phase: Phase = 'before';
    let running = true;
    const worker = async () => {
      while (running) {
        const started = phase;
        try {
          const response = await postGraphQL(hub.gatewayUrl, DASHBOARD);
          observations.push({ phase: started, endPhase: phase, endedAt: Date.now(), response });
        } catch (error) {
          observations.push({ phase: started, endPhase: phase, endedAt: Date.now(), failure: (error as Error).message });
        }
      }
    };
    const countIn = (wanted: Phase) => observations.filter((o) => o.phase === wanted && o.endPhase === wanted).length;
    const workers = Array.from({ length: WORKERS }, () => worker());
    try {
      await waitUntil(`${PER_PHASE} answers before the outage`, () => countIn('before') >= PER_PHASE);
      expect((await readiness()).status).toBe(200);

      const port = hub.subgraphs[DOWN].port;
      phase = 'stopping';
      await hub.subgraphs[DOWN].close();
      const downAt = Date.now();
      phase = 'down';
      await waitUntil(`${PER_PHASE} answers during the outage`, () => countIn('down') >= PER_PHASE);
      // /ready says which subgraph is missing (after its short cache expires).
      await waitUntil('/ready reports co-building', async () => {
        const ready = await readiness();
        return ready.status === 200 && ready.body.status === 'degraded' && JSON.stringify(ready.body.unavailable) === JSON.stringify([DOWN]);
      });
      expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);

      phase = 'restarting';
      hub.subgraphs[DOWN] = await startSubgraphByName(DOWN, {
        databaseUrl: hub.databaseUrls[DOWN],
        port,
        log: quiet,
        trust: await testSubgraphTrust(DOWN),
        databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      });
      const backAt = Date.now();
      phase = 'after';
      await waitUntil(`${PER_PHASE} answers after the restart`, () => countIn('after') >= PER_PHASE);
      await waitUntil('/ready is ready again', async () => (await readiness()).body.status === 'ready');

      running = false;
      await Promise.all(workers);

      const inPhase = (wanted: Phase) => observations.filter((o) => o.phase === wanted && o.endPhase === wanted);
      // Nothing failed at the HTTP level, at any time: the gateway never crashed or hung up.
      expect(observations.filter((o) => o.failure !== undefined).map((o) => o.failure)).toEqual([]);
      expect(observations.filter((o) => o.response?.status !== 200)).toEqual([]);
      expect(observations.flatMap((o) => o.response?.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')).toEqual([]);

      expect(inPhase('before').filter((o) => !isComplete(o.response))).toEqual([]);
      const during = inPhase('down');
      expect(during.filter((o) => !isPartialWithoutCoBuilding(o.response)).map((o) => o.response)).toEqual([]);
      expect(during[0]!.response!.errors![0]!.message).toMatch(/co-building subgraph is unavailable/);
      // Recovery needs no restart of the gateway: every answer to a request sent after the subgraph
      // was back is complete (the gateway's pool opened new connections by itself).
      expect(
        inPhase('after')
          .filter((o) => !isComplete(o.response))
          .map((o) => o.response),
      ).toEqual([]);

      const firstComplete = observations.find((o) => o.endedAt >= backAt && isComplete(o.response));
      process.stdout.write(
        `outage: ${observations.length} answers in all; ${during.length} partial answers during ${backAt - downAt} ms down; ` +
          `first complete answer ${firstComplete ? firstComplete.endedAt - backAt : 'n/a'} ms after the subgraph was back\n`,
      );
    } finally {
      running = false;
      await Promise.all(workers);
    }
  });
});
