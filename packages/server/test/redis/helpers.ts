import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';

/** A key prefix no other run (or another branch's tests on the shared Redis) uses. */
export function uniquePrefix(label: string): string {
  return `a0test:${label}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** A client for the shared Redis at 127.0.0.1:6379 that fails fast instead of queueing while down. */
export function redisClient(port = 6379): Redis {
  return new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: () => 100,
  });
}

/** The ports of the local three-node Redis Cluster `.ci/run` starts, from `REDIS_CLUSTER_PORTS`. */
export function clusterPorts(): number[] | undefined {
  const ports = (process.env['REDIS_CLUSTER_PORTS'] ?? '')
    .split(',')
    .map(Number)
    .filter((p) => p > 0);
  return ports.length > 0 ? ports : undefined;
}

/**
 * Whether the cluster tests run: always in CI (where a missing cluster must fail the run, not skip
 * it), and locally only when the cluster is there; a local skip says why.
 */
export function clusterAvailable(): boolean {
  if (clusterPorts() || process.env['CI']) return true;
  console.warn(
    'skipping the Redis Cluster tests: REDIS_CLUSTER_PORTS is not set (.ci/run starts the cluster)',
  );
  return false;
}

/** A client of the local cluster. @throws when REDIS_CLUSTER_PORTS is not set (in CI: a clear failure). */
export function clusterClient(): Cluster {
  const ports = clusterPorts();
  if (!ports) throw new Error('REDIS_CLUSTER_PORTS is not set: .ci/run must start the local Redis Cluster');
  return new Cluster(
    ports.map((port) => ({ host: '127.0.0.1', port })),
    { redisOptions: { maxRetriesPerRequest: 1 }, clusterRetryStrategy: () => 100 },
  );
}

/** Deletes every key under `prefix` (on each master of a cluster). */
export async function cleanup(client: Redis | Cluster, prefix: string): Promise<void> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) await node.del(key);
    } while (cursor !== '0');
  }
}
