import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { killEverything, launch, launcherSetup, postWithToken, servicePid, waitForOutput, type LaunchedHub, type LauncherSetup } from './support/launcher.js';

/**
 * Subgraph faults with real processes under `npm start`: a hung subgraph (SIGSTOP) costs only its
 * own fields, after its configured timeout; a killed one costs them until the supervisor has
 * restarted it, and the gateway recovers without being restarted.
 */
let setup: LauncherSetup;
let hub: LaunchedHub | undefined;
beforeAll(async () => {
  setup = await launcherSetup({ seeded: true });
});
afterAll(async () => {
  if (hub && hub.process.exitCode === null) await killEverything(hub).catch(() => undefined);
  await rm(setup.dataDir, { recursive: true, force: true });
});

const QUERY = '{ communities(first: 3) { totalCount nodes { id name partyOrganisation { name } pairings { id } } } }';

type Answer = Awaited<ReturnType<typeof postWithToken>>;

function isComplete(answer: Answer): boolean {
  const nodes = answer.data?.communities?.nodes;
  return answer.errors === undefined && Array.isArray(nodes) && nodes.length === 3 && nodes.every((node: any) => Array.isArray(node.pairings));
}

/** The grids and organisations parts are there; co-building's pairings are null with a coded error naming it. */
function isPartial(answer: Answer, code: string): boolean {
  const nodes = answer.data?.communities?.nodes;
  return (
    answer.status === 200 &&
    Array.isArray(nodes) &&
    nodes.length === 3 &&
    nodes.every((node: any) => typeof node.name === 'string' && typeof node.partyOrganisation?.name === 'string' && node.pairings === null) &&
    (answer.errors ?? []).length > 0 &&
    answer.errors!.every((error) => error.extensions?.code === code && error.extensions?.serviceName === 'co-building')
  );
}

describe('subgraph faults under the launcher', () => {
  it('a hung co-building costs its fields after SUBGRAPH_CO_BUILDING_TIMEOUT_MS; a killed one until the supervisor restarts it', async () => {
    // Long enough that a healthy co-building on a loaded machine always answers within it; the hung
    // one (SIGSTOP) never answers, so the timeout fires whatever its length.
    hub = launch(setup, { SUBGRAPH_CO_BUILDING_TIMEOUT_MS: '10000' });
    await waitForOutput(hub, /hub is ready/);
    expect(isComplete(await postWithToken(setup, QUERY))).toBe(true);

    // Hung: the process is there but answers nothing.
    const hung = servicePid(hub, 'co-building');
    process.kill(hung, 'SIGSTOP');
    try {
      const answer = await postWithToken(setup, QUERY);
      expect(isPartial(answer, 'SUBGRAPH_TIMEOUT')).toBe(true);
      expect(answer.errors![0]!.message).toMatch(/did not answer within 10000 ms/);
      // Degraded, not out of service: the gateway still answers what the other subgraphs own.
      const ready = await fetch(new URL('/ready', setup.gatewayUrl));
      expect(ready.status).toBe(200);
      expect((await ready.json()) as { status: string; unavailable: string[] }).toMatchObject({ status: 'degraded', unavailable: ['co-building'] });
    } finally {
      process.kill(hung, 'SIGCONT');
    }
    expect(isComplete(await postWithToken(setup, QUERY))).toBe(true);

    // Killed: the supervisor restarts it after a short back-off; meanwhile answers are partial.
    process.kill(hung, 'SIGKILL');
    await waitForOutput(hub, /"service exited unexpectedly"/);
    const killedAt = Date.now();
    const answers: Answer[] = [];
    for (let deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const answer = await postWithToken(setup, QUERY);
      answers.push(answer);
      if (isComplete(answer)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recoveredAfterMs = Date.now() - killedAt;
    expect(isComplete(answers.at(-1)!)).toBe(true);
    const partial = answers.slice(0, -1);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.filter((answer) => !isPartial(answer, 'SUBGRAPH_UNAVAILABLE'))).toEqual([]);
    expect(servicePid(hub, 'co-building')).not.toBe(hung);
    process.stdout.write(`launcher faults: ${partial.length} partial answers while co-building was restarted; complete again after ${recoveredAfterMs} ms\n`);

    hub.process.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
  });
});
