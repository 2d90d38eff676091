import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the repository's node_modules, so the packed files resolve their dependencies as an installed
// copy would: this machine reaches no registry (loopback only), so `npm install` of the tarball cannot
// fetch them. One folder per run, so runs never collide.
const cacheDir = join(repoRoot, 'node_modules', '.cache');
let consumerDir = '';

/** Whether dist/cli.js is missing or older than a file under src/. */
async function stale(): Promise<boolean> {
  const built = await stat(join(packageDir, 'dist', 'cli.js')).catch(() => undefined);
  if (!built) return true;
  const sources = await readdir(join(packageDir, 'src'), { recursive: true, withFileTypes: true });
  for (const entry of sources) {
    if (entry.isFile() && (await stat(join(entry.parentPath, entry.name))).mtimeMs > built.mtimeMs)
      return true;
  }
  return false;
}

describe('npx auth0-emulator from the packed package', () => {
  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'emulator-pack-'));
    // Built only when the build is missing or older than the sources: a rebuild empties dist/, which
    // another test file (the reliability load test) may be running the CLI from at this moment.
    if (await stale()) await run('npx', ['tsup', '--silent'], { cwd: packageDir });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
      cwd: packageDir,
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    await mkdir(cacheDir, { recursive: true });
    consumerDir = await mkdtemp(join(cacheDir, 'auth0-emulator-packed-'));
    const installed = join(consumerDir, 'node_modules', 'auth0-emulator');
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', join(out, filename), '-C', installed, '--strip-components=1']);
    await rm(out, { recursive: true, force: true });
    // What npm does with the package's "bin" when it installs it.
    const { bin } = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    await mkdir(join(consumerDir, 'node_modules', '.bin'));
    for (const [name, target] of Object.entries(bin))
      await symlink(join('..', 'auth0-emulator', target), join(consumerDir, 'node_modules', '.bin', name));
    await writeFile(join(consumerDir, 'package.json'), JSON.stringify({ private: true }));
  }, 120_000);

  afterAll(async () => {
    if (consumerDir) await rm(consumerDir, { recursive: true, force: true });
  });

  it('starts with --config FILE (which names the shipped schema) and serves its client', async () => {
    const config = {
      $schema: './node_modules/auth0-emulator/config.schema.json',
      clients: [
        {
          client_id: 'packed-app',
          client_secret: 'app-secret-at-least-32-characters!!',
          redirect_uris: ['http://127.0.0.1:3000/auth/callback'],
        },
      ],
    };
    await writeFile(join(consumerDir, 'emulator.json'), JSON.stringify(config));
    const child = spawn(
      'npx',
      ['--offline', 'auth0-emulator', '--config', 'emulator.json', '--port', '0', '--new-keys'],
      { cwd: consumerDir, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
    );
    try {
      let out = '';
      while (!/Issuer: +(\S+)/.test(out)) {
        const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
        out += String(chunk);
      }
      const issuer = /Issuer: +(\S+)/.exec(out)?.[1] ?? '';
      expect(out).toContain('packed-app');
      const discovery = (await (await fetch(new URL('.well-known/openid-configuration', issuer))).json()) as {
        issuer: string;
      };
      expect(discovery.issuer).toBe(issuer);
      // The schema file the config points at is there, as editors will look for it.
      const schema = JSON.parse(
        await readFile(join(consumerDir, 'node_modules', 'auth0-emulator', 'config.schema.json'), 'utf8'),
      ) as { title: string };
      expect(schema.title).toBe('auth0-emulator configuration');
    } finally {
      // npx runs the CLI in a child of its own: end the whole group this test started.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
