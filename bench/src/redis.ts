import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';

/** The Redis the `stateful-read` case runs on, with a count of the GETs it has served. */
export interface BenchRedis {
  client: Redis;
  /** GET commands the server has run so far (all clients). */
  gets(): Promise<number>;
  /** `true` when only this run talks to it, so the GET count is exactly ours. */
  private: boolean;
  close(): Promise<void>;
}

/**
 * `BENCH_REDIS=redis://host:port` uses that Redis (the GET count then includes other clients'); else
 * a private `redis-server` on a spare loopback port, without persistence, stopped by {@link BenchRedis.close}.
 */
export async function benchRedis(): Promise<BenchRedis> {
  const url = process.env.BENCH_REDIS;
  let server: ChildProcess | undefined;
  let client: Redis;
  if (url) {
    client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
  } else {
    const port = await sparePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    // Never left behind, whatever ends the run.
    const child = server;
    process.once('exit', () => child.kill());
    const failed = once(server, 'error').then(([err]) => {
      throw new Error(`cannot start redis-server (set BENCH_REDIS or pass --no-redis): ${String(err)}`);
    });
    await Promise.race([listening(port), failed]);
    client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
  }
  const stop = server;
  return {
    client,
    private: !url,
    async gets() {
      const info = await client.info('commandstats');
      return Number(/cmdstat_get:calls=(\d+)/.exec(info)?.[1] ?? 0);
    },
    async close() {
      client.disconnect();
      if (stop && stop.exitCode === null) {
        const exited = once(stop, 'exit');
        stop.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Resolves once something accepts connections on `port` (tries every 50 ms, for up to 5 s). */
async function listening(port: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const opened = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
    });
    if (opened) return;
    if (attempt >= 100) throw new Error(`redis-server did not listen on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A loopback port nothing listens on right now. */
async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no spare port');
  return address.port;
}
