import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { Agent, Pool, type Dispatcher } from 'undici';
import { SUBGRAPH_POOL_KEEP_ALIVE } from '../../gateway/src/fetcher.js';
import { startHttpService, type RunningService } from './http-service.js';

/**
 * The keep-alive race: a client reuses an idle connection just as the server's idle timer closes
 * it, and the request dies with UND_ERR_SOCKET ("other side closed") without reaching the server.
 * A server closes late whenever its event loop is busy across the deadline, since Node runs due
 * timers before it reads the sockets. Here the server stalls (a busy loop, as under load) right
 * after a client sent a request on a connection idle for most of the client's idle timeout; the
 * client and server settings are the hub's own, so the request must survive a stall of seconds.
 */
let service: RunningService;
beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean! }', resolvers: { Query: { ok: () => true } } });
  service = await startHttpService({ name: 'keep-alive-test', apollo, context: async () => ({}), registry: new Registry() }, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await service.close();
});

const BODY = JSON.stringify({ query: '{ ok }' });
/** Idle time before the second request: just under the shortest client idle timeout used below (3 s). */
const IDLE_MS = 2_700;
/** How long the server's event loop is blocked with the second request in its socket buffer. */
const STALL_MS = 3_500;

function stallSoon(): void {
  // From the check phase, so that the loop's next turn starts with timers, before reading sockets.
  setImmediate(() => {
    const until = Date.now() + STALL_MS;
    while (Date.now() < until) {
      // busy, as a loaded process is
    }
  });
}

/** Sends a request, waits nearly the client's idle timeout, then sends another while the server stalls. */
async function expectSurvivesStall(dispatcher: Dispatcher, origin: string): Promise<void> {
  const send = () =>
    dispatcher
      .request({ origin, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: BODY })
      .then(async (response) => ({ status: response.statusCode, body: await response.body.text() }));
  expect((await send()).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const second = send().catch((error: Error & { code?: string }) => ({ status: 0, body: `${error.message} (${error.code})` }));
  stallSoon();
  expect(await second).toEqual({ status: 200, body: expect.stringContaining('"ok":true') });
}

describe('keep-alive between the hub and its clients', () => {
  it("a client of the gateway (undici with its defaults, as Node's fetch: it follows the advertised Keep-Alive timeout) keeps its request", async () => {
    const agent = new Agent();
    try {
      await expectSurvivesStall(agent, new URL(service.url).origin);
    } finally {
      await agent.close();
    }
  });

  it("the gateway's subgraph pool never reuses a connection the subgraph is closing", async () => {
    const origin = new URL(service.url).origin;
    const pool = new Pool(origin, { connections: 1, ...SUBGRAPH_POOL_KEEP_ALIVE });
    try {
      await expectSurvivesStall(pool, origin);
    } finally {
      await pool.close();
    }
  });
});
