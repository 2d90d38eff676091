import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorConfigInput } from 'auth0-emulator';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = join(ROOT, 'packages/emulator/dist/cli.js');

/** auth0-emulator in a child process, so the test process's heap holds only the SDK's side. */
export interface EmulatorProcess {
  issuer: string;
  /** Token requests per grant_type, from `GET /__dev/stats`. */
  stats(): Promise<Record<string, number>>;
  /** The codes sent by SMS, voice and email, from `GET /__dev/outbox`. */
  outbox(): Promise<{ code: string; oob_code: string }[]>;
  close(): Promise<void>;
}

/** Starts the built CLI (building it first when `dist` is missing) with `config`, on a free port. */
export async function startEmulatorProcess(config: EmulatorConfigInput): Promise<EmulatorProcess> {
  if (!existsSync(CLI)) execFileSync('npm', ['run', '-s', 'build', '-w', 'auth0-emulator'], { cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), 'emulator-load-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CLI, '--port', String(port), '--config', file], {
    stdio: 'ignore',
  });
  const issuer = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the emulator exited with ${child.exitCode}`);
    const ready = await fetch(new URL('.well-known/openid-configuration', issuer)).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the emulator did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const get = async (path: string): Promise<unknown> => (await fetch(new URL(path, issuer))).json();
  return {
    issuer,
    stats: async () => {
      const body = await get('__dev/stats');
      const out: Record<string, number> = {};
      if (typeof body === 'object' && body !== null)
        for (const [k, v] of Object.entries(body)) if (typeof v === 'number') out[k] = v;
      return out;
    },
    outbox: async () => {
      const body = await get('__dev/outbox');
      return Array.isArray(body)
        ? body.flatMap((e: unknown) =>
            typeof e === 'object' && e !== null && 'code' in e && 'oob_code' in e
              ? [{ code: String(e.code), oob_code: String(e.oob_code) }]
              : [],
          )
        : [];
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
