import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '../../hub/free-port.js';
import { PeerCallFailed, PeerClient, definePeerOperation, peerClientOptionsFrom, peerVariables } from './peer-client.js';
import { readEnv } from '../kernel/env.js';

/**
 * A peer with two replicas (PEER_<NAME>_URL with two URLs) against fake replicas that count the
 * calls they get and can drop the connection of a call without answering (a replica killed mid-call).
 */
class FakeReplica {
  calls = 0;
  dropNext = 0;
  url = '';
  private readonly server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.calls += 1;
      if (this.dropNext > 0) {
        this.dropNext -= 1;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { grid: { id: `grid-from-${this.url}` } } }));
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const GRID = definePeerOperation<{ grid: { id: string } | null }, { id: string }>('grids', 'query PeerGrid($id: ID!) { grid(id: $id) { id } }');
const RECORD = definePeerOperation<{ recordCreditEvent: { created: boolean } }, { id: string }>(
  'grids',
  'mutation PeerRecord($id: ID!) { recordCreditEvent(input: { id: $id }) { created } }',
);
const SECRETS = ['peer-client-test-secret-0123456789abcdef'];
const [first, second] = [new FakeReplica(), new FakeReplica()];
let deadUrl: string;

beforeAll(async () => {
  await Promise.all([first.start(), second.start()]);
  deadUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
});
afterEach(() => {
  for (const replica of [first, second]) Object.assign(replica, { calls: 0, dropNext: 0 });
});
afterAll(async () => {
  await Promise.all([first.stop(), second.stop()]);
});

const clientFor = (urls: string) => new PeerClient({ self: 'resource-pools', urls: { grids: urls }, serviceSecrets: SECRETS, timeoutMs: 30_000 });

describe('a peer with several replicas', () => {
  it('takes PEER_<NAME>_URL as one URL or several separated by commas', () => {
    const values = readEnv('resource-pools', peerVariables('resource-pools'), { PEER_GRIDS_URL: 'http://grids-a:4002/graphql, http://grids-b:4002/graphql' });
    expect(peerClientOptionsFrom('resource-pools', values, SECRETS).urls).toEqual({ grids: 'http://grids-a:4002/graphql,http://grids-b:4002/graphql' });
    expect(() => readEnv('resource-pools', peerVariables('resource-pools'), { PEER_GRIDS_URL: 'http://grids-a:4002/graphql,grids-b' })).toThrow(
      /PEER_GRIDS_URL.*several separated by commas/,
    );
  });

  it('calls them round robin', async () => {
    const client = clientFor(`${first.url},${second.url}`);
    for (let i = 0; i < 4; i++) await client.request(GRID, { id: 'grid-001' });
    expect([first.calls, second.calls]).toEqual([2, 2]);
  });

  it('sends a call, a mutation too, to the other replica when one refuses the connection', async () => {
    const client = clientFor(`${deadUrl},${first.url}`);
    for (let i = 0; i < 2; i++) expect(await client.request(GRID, { id: 'grid-001' })).toEqual({ grid: { id: `grid-from-${first.url}` } });
    expect(await client.request(RECORD, { id: 'event-1' })).toEqual({ grid: { id: `grid-from-${first.url}` } });
    expect(first.calls).toBe(3);
  });

  it('sends a query dropped mid-call once more, to the other replica; a mutation never', async () => {
    const client = clientFor(`${first.url},${second.url}`);
    first.dropNext = 1;
    expect(await client.request(GRID, { id: 'grid-001' })).toEqual({ grid: { id: `grid-from-${second.url}` } });
    expect([first.calls, second.calls]).toEqual([1, 1]);

    second.dropNext = 1; // the rotation starts the next call at the second replica
    const refused = await client.request(RECORD, { id: 'event-2' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PeerCallFailed);
    expect(refused).toMatchObject({ kind: 'unavailable', peer: 'grids' });
    expect([first.calls, second.calls]).toEqual([1, 2]);
  });

  it('is unavailable when every replica refuses', async () => {
    const client = clientFor(`${deadUrl},${deadUrl.replace('/graphql', '/other')}`);
    await expect(client.request(GRID, { id: 'grid-001' })).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/not reachable/) });
  });
});
