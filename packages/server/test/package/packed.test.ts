import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
// Inside the repository's node_modules, so the packed files resolve their dependencies as an
// installed copy would, without a network install; one folder per run, so runs never collide.
const cacheDir = join(repoRoot, 'node_modules', '.cache');
let consumerDir = '';
let installed = '';

describe('the packed auth0-server-ts package', () => {
  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'pack-'));
    // Build as `prepack` would, then pack without scripts so stdout holds only npm's JSON.
    await run('npx', ['tsup', '--silent'], { cwd: packageDir });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
      cwd: packageDir,
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    await mkdir(cacheDir, { recursive: true });
    consumerDir = await mkdtemp(join(cacheDir, 'auth0-server-ts-packed-'));
    installed = join(consumerDir, 'node_modules', 'auth0-server-ts');
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', join(out, filename), '-C', installed, '--strip-components=1']);
    await rm(out, { recursive: true, force: true });
  }, 120_000);

  afterAll(async () => {
    if (consumerDir) await rm(consumerDir, { recursive: true, force: true });
  });

  it('ships only the build, the README and the license', async () => {
    expect((await readdir(installed)).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('imports from its packed form with the contract names', async () => {
    const script = "import * as m from 'auth0-server-ts'; console.log(JSON.stringify(Object.keys(m).sort()))";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumerDir,
    });
    const names: string[] = JSON.parse(stdout);
    expect(names).toEqual(
      expect.arrayContaining([
        'ServerClient',
        'MfaRequiredError',
        'MfaTokenExpiredError',
        'MfaTokenInvalidError',
      ]),
    );
  });

  it('resolves the auth0-server-ts/redis and auth0-server-ts/testing subpaths (ioredis not installed)', async () => {
    const script = [
      "const r = await import('auth0-server-ts/redis');",
      "const t = await import('auth0-server-ts/testing');",
      'console.log(JSON.stringify([...Object.keys(r), ...Object.keys(t)].sort()));',
    ].join(' ');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumerDir,
    });
    expect(JSON.parse(stdout)).toEqual([
      'RedisCoordinator',
      'RedisReplayStore',
      'RedisSessionStore',
      'RedisTransactionStore',
      'coordinatorConformance',
      'replayStoreConformance',
      'sessionStoreConformance',
      'transactionStoreConformance',
    ]);
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: installed, level: 'warning' });
    expect(messages).toEqual([]);
  });

  it('type-checks a consumer against the emitted declarations', async () => {
    await writeFile(
      join(consumerDir, 'consumer.ts'),
      [
        "import { ServerClient, MfaRequiredError, type TokenSet } from 'auth0-server-ts';",
        'export const isMfa = (e: unknown): e is MfaRequiredError => e instanceof MfaRequiredError;',
        'export type Client = ServerClient<unknown>;',
        'export const pick = (t: TokenSet): string => t.accessToken;',
      ].join('\n'),
    );
    await writeFile(
      join(consumerDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules', '@types')],
        },
        files: ['consumer.ts'],
      }),
    );
    await writeFile(join(consumerDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', consumerDir], { cwd: consumerDir })).resolves.toBeTruthy();
  }, 60_000);
});
