import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ReplicaRotation } from '../../lib/kernel/replicas.js';
import { errorCodeOf } from '../../gateway/src/fetcher.js';

/**
 * The tests' stand-in for a Kubernetes Service or a cloud load balancer in front of the gateways: a
 * loopback TCP balancer that hands each client connection to the next backend, round robin, and
 * to the one after it when a backend refuses the connection (as HAProxy or nginx `stream` with
 * `proxy_next_upstream` do), skipping a refusing backend for a while. Bytes are piped unchanged
 * once a backend has accepted; a backend that dies then cuts its connections, and only those.
 */
export interface TcpBalancer {
  /** `http://127.0.0.1:<port>`: where clients connect. */
  origin: string;
  /** Client connections handed to each backend (`host:port`), for the report. */
  connectionsPerBackend: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backends: readonly string[]): Promise<TcpBalancer> {
  const rotation = new ReplicaRotation(backends);
  const connectionsPerBackend = new Map<string, number>(backends.map((backend) => [backend, 0]));
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => undefined);
    rotation
      .send((backend) => connectTo(backend), { resendable: false, classify: (error) => (errorCodeOf(error) === 'ECONNREFUSED' ? 'not-sent' : 'other') })
      .then(
        ({ backend, socket }) => {
          track(socket);
          connectionsPerBackend.set(backend, (connectionsPerBackend.get(backend) ?? 0) + 1);
          // Either side ending or failing ends the other: a killed backend cuts its clients off.
          socket.on('error', () => client.destroy());
          client.on('error', () => socket.destroy());
          socket.once('close', () => client.destroy());
          client.once('close', () => socket.destroy());
          client.pipe(socket);
          socket.pipe(client);
          client.resume();
        },
        () => client.destroy(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connectionsPerBackend,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function connectTo(backend: string): Promise<{ backend: string; socket: Socket }> {
  const [host, port] = [backend.slice(0, backend.lastIndexOf(':')), Number(backend.slice(backend.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve({ backend, socket });
    });
    socket.once('error', reject);
  });
}
