import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** A loopback port no one listens on now. */
export async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A private redis-server on a spare port (never the shared 6379 one), to kill and restart. It
 * persists every write before it answers (`appendfsync always`), as a production Redis that must not
 * lose sessions on a restart would; with `password`, clients must authenticate.
 */
export class PrivateRedis {
  #process: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'a0-redis-'));

  private constructor(
    readonly port: number,
    readonly password: string | undefined,
  ) {}

  static async start(options: { password?: string } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await sparePort(), options.password);
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', ''];
    if (this.password !== undefined) args.push('--requirepass', this.password);
    this.#process = spawn('redis-server', [...args, '--appendonly', 'yes', '--appendfsync', 'always'], {
      stdio: 'ignore',
    });
    const probe = new Redis({
      port: this.port,
      password: this.password,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await sleep(50);
      }
    }
    throw new Error('the private redis-server did not start (is redis-server installed?)');
  }

  /** Kills the server outright (no shutdown save: only what was fsynced survives). */
  async kill(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
