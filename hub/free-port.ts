import { createServer } from 'node:net';

/** Asks the OS for a free TCP port (for servers that cannot bind port 0 themselves, like PostgreSQL). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Fails with a message naming the service, the port and the variable that moves it, when another
 * process already listens there. Checked before anything starts, so nothing is left half-started.
 */
export async function assertPortFree(service: string, host: string, port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`${service}: port ${port} on ${host} is already in use by another process; set ${variable} to a free port`)
          : error,
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
