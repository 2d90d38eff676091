// Vitest's globalSetup: the services the suite needs, started by the test run itself so that
// `npm test` passes on a machine that merely has redis-server and Chromium installed. It starts a
// private standalone Redis and a three-node Redis Cluster on spare loopback ports (in parallel), hands
// their ports to the tests through the environment (thread workers and the processes tests fork inherit
// it), and stops them when the run ends, fails or is interrupted.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM, REDIS_CLUSTER_PORTS_ENV, REDIS_PORT_ENV, sparePort } from './services.js';

const run = promisify(execFile);

/** What to install for each tool the suite needs (Debian's packages, as .ci/run does). */
const PREREQUISITES: { present: () => boolean; missing: string }[] = [
  {
    present: () => onPath('redis-server') && onPath('redis-cli'),
    missing: 'redis-server and redis-cli are not installed: apt-get install -y redis-server',
  },
  {
    present: () => existsSync(CHROMIUM),
    missing: `Chromium is missing at ${CHROMIUM} (the browser test drives it): apt-get install -y chromium`,
  },
];

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** How long a redis-server may take to say it is ready: generous, for a loaded machine. */
const START_MS = 30_000;

/**
 * One redis-server in the foreground, its log on stdout: ready when it says so, or an error with the
 * log's tail when it exits first (a port taken in the meantime) or stays silent for {@link START_MS}.
 */
async function startRedis(dir: string, extra: string[], children: ChildProcess[]) {
  const port = await sparePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${START_MS} ms`), START_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} ${why}:\n${log.slice(-2000)}`));
    };
    child.once('error', (err) => fail(`could not start (${err.message})`));
    child.once('exit', (code) => fail(`exited with ${code}`));
    const onLog = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Ready to accept connections/.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    };
    child.stdout?.on('data', onLog);
    child.stderr?.on('data', onLog);
  });
  return port;
}

/** Three cluster-enabled nodes joined into one cluster that owns every slot. */
async function startCluster(dir: string, children: ChildProcess[]): Promise<number[]> {
  const ports = await Promise.all(
    [0, 1, 2].map((i) =>
      startRedis(dir, ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${i}.conf`], children),
    ),
  );
  await run('redis-cli', [
    '--cluster',
    'create',
    ...ports.map((port) => `127.0.0.1:${port}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  // `--cluster create` returns once the nodes agree on the slots; each still has to call itself ok.
  const deadline = Date.now() + START_MS;
  for (const port of ports) {
    for (;;) {
      const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
      if (stdout.includes('cluster_state:ok')) break;
      if (Date.now() > deadline) throw new Error(`the Redis Cluster node on ${port} is not ok:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return ports;
}

export default async function setup(): Promise<() => void> {
  const missing = PREREQUISITES.filter((p) => !p.present()).map((p) => p.missing);
  if (missing.length > 0) throw new Error(`The test suite needs:\n- ${missing.join('\n- ')}`);

  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'a0-test-redis-'));
  const children: ChildProcess[] = [];
  // Synchronous, so it also runs when the process exits without a teardown (ctrl-C, a crash).
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    children.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);

  try {
    const [port, clusterPorts] = await Promise.all([
      startRedis(dir, [], children),
      startCluster(dir, children),
    ]);
    process.env[REDIS_PORT_ENV] = String(port);
    process.env[REDIS_CLUSTER_PORTS_ENV] = clusterPorts.join(',');
  } catch (err) {
    stop();
    throw err;
  }
  if (process.env['A0_TEST_SETUP_TIMING'])
    console.info(
      `test services: Redis and a three-node Redis Cluster in ${Math.round(performance.now() - started)} ms`,
    );
  return stop;
}
