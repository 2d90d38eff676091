import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import tsupConfig from '../tsup.config.js';
import { muteRuntimeNotice, supportedNode } from '../src/lib/oidc-provider.js';

const NOTICE = 'oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS release.';
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('the CLI on this Node.js', () => {
  let outDir = '';
  beforeAll(async () => {
    // Built as the package is (the bundler's chunking is what could reorder the import), into a folder
    // inside the repository so oidc-provider resolves as it would when installed.
    const cache = join(repoRoot, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    outDir = await mkdtemp(join(cache, 'emulator-cli-'));
    if (Array.isArray(tsupConfig) || typeof tsupConfig === 'function')
      throw new Error('unexpected tsup config');
    // tsup reads the dependencies to keep external from the package.json of the working directory,
    // which here is the repository root: name them.
    const pkg: { dependencies: Record<string, string> } = JSON.parse(
      await readFile(join(packageDir, 'package.json'), 'utf8'),
    );
    await build({
      ...tsupConfig,
      external: Object.keys(pkg.dependencies),
      entry: ['src/index.ts', 'src/cli.ts'].map((file) => join(packageDir, file)),
      outDir,
      dts: false,
      sourcemap: false,
      silent: true,
      config: false,
    });
  }, 120_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it(`starts without oidc-provider's "Unsupported runtime" warning (Node.js ${process.versions.node})`, async () => {
    // --new-keys: the default keeps a signing key in the home folder, which a test must not write.
    const child = spawn(process.execPath, [join(outDir, 'cli.js'), '--port', '0', '--new-keys'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await vi.waitFor(() => expect(stdout + stderr).toContain('Ctrl-C stops.'), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(stdout).toMatch(/^auth0-emulator: a local Auth0-compatible authorization server/);
    expect(stdout + stderr).not.toContain('Unsupported runtime');
    expect(stderr).toBe('');
  }, 40_000);
});

describe('muteRuntimeNotice', () => {
  it('drops exactly that notice, coloured or not, and passes every other warning', () => {
    const seen: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => seen.push(args);
    try {
      const restore = muteRuntimeNotice();
      console.warn(NOTICE);
      console.warn(`\x1b[31;1m${NOTICE}\x1b[0m`);
      console.warn('oidc-provider WARNING: something else');
      console.warn(NOTICE, 'with another argument');
      restore();
      console.warn(NOTICE);
    } finally {
      console.warn = original;
    }
    expect(seen).toEqual([
      ['oidc-provider WARNING: something else'],
      [NOTICE, 'with another argument'],
      [NOTICE],
    ]);
  });

  it('applies to Node.js 20.19 and newer, not to older versions, Bun or Deno', () => {
    const node = (version: string, extra: Record<string, string> = {}) =>
      ({ ...process.versions, node: version, ...extra }) as NodeJS.ProcessVersions;
    expect(supportedNode(node('20.19.0'))).toBe(true);
    expect(supportedNode(node('22.3.0'))).toBe(true);
    expect(supportedNode(node('20.18.1'))).toBe(false);
    expect(supportedNode(node('24.0.0', { bun: '1.2.0' }))).toBe(false);
    expect(supportedNode(node('24.0.0', { deno: '2.0.0' }))).toBe(false);
  });
});
