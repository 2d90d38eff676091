// Where the services that test/global-setup.ts starts for the run are: tests connect to these,
// never to a Redis that happens to listen on 6379.
import { createServer } from 'node:net';

/** The environment variable holding the private standalone Redis's port. */
export const REDIS_PORT_ENV = 'A0_TEST_REDIS_PORT';
/** The environment variable holding the three Redis Cluster nodes' ports, comma-separated. */
export const REDIS_CLUSTER_PORTS_ENV = 'A0_TEST_REDIS_CLUSTER_PORTS';
/** Debian's Chromium, which the browser test drives. */
export const CHROMIUM = '/usr/bin/chromium';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the tests with vitest (npm test), whose globalSetup starts Redis`,
    );
  return value;
}

/** The port of the run's private standalone Redis. */
export function redisPort(): number {
  return Number(required(REDIS_PORT_ENV));
}

/** The ports of the run's three-node Redis Cluster. */
export function redisClusterPorts(): number[] {
  return required(REDIS_CLUSTER_PORTS_ENV).split(',').map(Number);
}

/** A loopback port no one listens on now. */
export async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no spare port');
  return address.port;
}
