import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CookieJar } from 'auth0-emulator';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';

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
    // Packs the build that `npm run build` made (the README's test command builds first), from a staging
    // copy: rebuilding here took up to two minutes on a loaded machine and emptied packages/server/dist
    // while the multi-process tests ran it. Pack without scripts so stdout holds only npm's JSON.
    if (!existsSync(join(packageDir, 'dist', 'index.js')))
      throw new Error('the packed-package test packs the build: run `npm run build` first');
    const staging = await mkdtemp(join(tmpdir(), 'pack-staging-'));
    for (const file of ['package.json', 'README.md', 'LICENSE', 'dist'])
      await cp(join(packageDir, file), join(staging, file), { recursive: true });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
      cwd: staging,
    });
    await rm(staging, { recursive: true, force: true });
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
      'MemoryStateStore',
      'RedisCoordinator',
      'RedisReplayStore',
      'RedisSessionStore',
      'RedisTransactionStore',
      'TestSessions',
      'coordinatorConformance',
      'loginWithEmulator',
      'replayStoreConformance',
      'sessionStoreConformance',
      'stateStoreConformance',
      'storageState',
      'transactionStoreConformance',
      'writeStorageState',
    ]);
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: installed, level: 'warning' });
    expect(messages).toEqual([]);
  });

  /** Writes `lines` as a consumer in its own folder and type-checks it strictly with `types`. */
  async function typeCheck(name: string, lines: string[], types: string[], lib?: string[]) {
    const dir = join(consumerDir, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'consumer.ts'), lines.join('\n'));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          ...(lib ? { lib } : {}),
          noEmit: true,
          // Every declaration file is checked, the package's above all; TypeScript's own lib files
          // are not (that is most of the time, and none of them is ours).
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          types,
          typeRoots: [join(repoRoot, 'node_modules', '@types')],
        },
        files: ['consumer.ts'],
      }),
    );
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', dir], { cwd: consumerDir })).resolves.toBeTruthy();
  }

  it('type-checks a consumer against the emitted declarations', async () => {
    await typeCheck(
      'node-consumer',
      [
        "import { ServerClient, MfaRequiredError, type TokenSet } from 'auth0-server-ts';",
        'export const isMfa = (e: unknown): e is MfaRequiredError => e instanceof MfaRequiredError;',
        'export type Client = ServerClient<unknown>;',
        'export const pick = (t: TokenSet): string => t.accessToken;',
      ],
      ['node'],
    );
  }, 120_000);

  it('type-checks a Workers-style consumer without @types/node (root entry and the web adapter)', async () => {
    await typeCheck(
      'web-consumer',
      [
        "import { ServerClient, TokenByCodeError, type TokenSet } from 'auth0-server-ts';",
        "import { auth0 } from 'auth0-server-ts/web';",
        'export const isPeer = (e: unknown): boolean => e instanceof TokenByCodeError;',
        'export type Client = ServerClient<unknown>;',
        'export const pick = (t: TokenSet): string => t.accessToken;',
        'export const adapter = auth0;',
      ],
      [],
      ['ES2022', 'DOM'],
    );
  }, 120_000);

  it('exports the adapters as subpaths', async () => {
    const script = [
      "const names = ['express', 'fastify', 'web'];",
      "const kinds = await Promise.all(names.map(async (n) => typeof (await import('auth0-server-ts/' + n)).auth0));",
      'console.log(JSON.stringify(kinds));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumerDir,
    });
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function']);
  });

  it('keeps the web adapter free of node: imports, so fetch-style runtimes can load it', async () => {
    const seen = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = await readFile(file, 'utf8');
      expect(code, file).not.toMatch(/from\s*["']node:|require\(["']node:/);
      for (const [, spec = ''] of code.matchAll(/from\s*["'](\.[^"']+)["']/g))
        await visit(fileURLToPath(new URL(spec, `file://${file}`)));
    };
    await visit(join(installed, 'dist', 'adapters', 'web.js'));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('logs in through the Express adapter in an app that installed the tarball', async () => {
    await writeFile(
      join(consumerDir, 'app.mjs'),
      [
        "import { createServer } from 'node:http';",
        "import express from 'express';",
        "import { auth0 } from 'auth0-server-ts/express';",
        'const server = createServer();',
        "await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));",
        'const appBaseUrl = `http://127.0.0.1:${server.address().port}`;',
        'console.log(appBaseUrl);',
        "const domain = await new Promise((resolve) => process.stdin.once('data', (d) => resolve(String(d).trim())));",
        "const auth = auth0({ domain, clientId: 'app', clientSecret: 'app-secret-at-least-32-characters!!',",
        "  secret: 'a-cookie-secret-of-at-least-32-characters', appBaseUrl });",
        'const app = express();',
        'app.use(auth.router);',
        "app.get('/profile', auth.requiresAuth(), async (req, res) => { res.json(await req.auth0.getUser()); });",
        "server.on('request', app);",
        "console.log('ready');",
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['app.mjs'], {
      cwd: consumerDir,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const line = async (): Promise<string> => {
      while (lines.length === 0) {
        const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
        lines.push(...String(chunk).split('\n').filter(Boolean));
      }
      return lines.shift() ?? '';
    };
    let stopEmulator: (() => Promise<void>) | undefined;
    try {
      const appUrl = await line();
      const started = await startTestEmulator({
        clients: [appClient(appUrl, 'app-secret-at-least-32-characters!!')],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
      });
      stopEmulator = () => started.close();
      child.stdin.write(`${started.issuer.replace(/\/$/, '')}\n`);
      expect(await line()).toBe('ready');

      const jar = new CookieJar();
      const visit = async (url: string) => {
        const res = await fetch(new URL(url, appUrl), {
          redirect: 'manual',
          headers: { cookie: jar.header() },
        });
        jar.store(res);
        return res;
      };
      const login = await visit('/auth/login?returnTo=/profile');
      const callback = await visit(
        await started.login(login.headers.get('location') ?? '', {
          email: 'alice@example.com',
          password: 'Passw0rd!',
        }),
      );
      expect(callback.headers.get('location')).toBe('/profile');
      const profile = await visit('/profile');
      expect(profile.status).toBe(200);
      expect(await profile.json()).toMatchObject({ sub: 'auth0|alice' });
    } finally {
      child.kill();
      await stopEmulator?.();
    }
  }, 60_000);
});
