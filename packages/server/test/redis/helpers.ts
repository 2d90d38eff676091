import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, Redis } from 'ioredis';
import { redisClusterPorts, redisPort, sparePort } from '../../../../test/services.js';

/** A key prefix no other test file on the run's Redis uses. */
export function uniquePrefix(label: string): string {
  return `a0test:${label}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** A client for the run's private Redis (test/global-setup.ts) that fails fast instead of queueing while down. */
export function redisClient(port = redisPort()): Redis {
  return new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: () => 100,
  });
}

/** The ports of the run's three-node Redis Cluster (test/global-setup.ts starts it). */
export const clusterPorts = redisClusterPorts;

/** A client of the run's Redis Cluster. */
export function clusterClient(): Cluster {
  return new Cluster(
    clusterPorts().map((port) => ({ host: '127.0.0.1', port })),
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

/**
 * A redis-server of one test's own on a spare port (not the run's shared one), to kill and restart. It
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
