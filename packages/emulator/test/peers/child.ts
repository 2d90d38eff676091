import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator, EmulatorConfigInput } from 'auth0-emulator';
import { CookieJar } from '../../src/testing/cookie-jar.js';
import { startTestEmulator } from '../../../../test/emulator.js';

/** A port nobody listens on right now (the peer app needs its redirect_uri before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A peer app running in its own Node.js process, and plain HTTP calls to it. */
export interface PeerApp {
  origin: string;
  /** GET with the app's cookies; a redirect is returned, not followed. */
  get(path: string): Promise<{ status: number; location: string | null; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * Starts `script` (beside this file) on `port` with `env`, the emulator's CA in NODE_EXTRA_CA_CERTS and
 * `auth0-emulator/localhost` preloaded, and waits for it to print `listening`. Its stderr is kept for the
 * failure message.
 */
export async function startPeerApp(
  script: string,
  port: number,
  caFile: string,
  env: Record<string, string>,
): Promise<PeerApp> {
  // The app resolves tenant.localhost as a developer's would: through auth0-emulator/localhost.
  const child = spawn(
    process.execPath,
    ['--import', 'auth0-emulator/localhost', fileURLToPath(new URL(script, import.meta.url))],
    {
      env: { ...process.env, ...env, APP_PORT: String(port), NODE_EXTRA_CA_CERTS: caFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${stderr}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const cookies = new CookieJar();
  return {
    origin,
    async get(path) {
      const response = await fetch(new URL(path, origin), {
        redirect: 'manual',
        headers: { cookie: cookies.header() },
      });
      cookies.store(response);
      const text = await response.text();
      let body: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = { ...parsed };
      } catch {
        body = { text };
      }
      return { status: response.status, location: response.headers.get('location'), body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The emulator over HTTPS (its CA in a temporary directory) and a peer app in its own process. */
export interface PeerSetup {
  em: Emulator;
  app: PeerApp;
  /** Stops both and removes the CA directory. */
  close(): Promise<void>;
}

/**
 * Starts the emulator over HTTPS as `tenant.localhost` with the configuration `config(origin)` (origin: the
 * app's, for its redirect URIs), then `script` with `env(em)`, trusting the emulator's CA.
 */
export async function startPeerSetup(
  script: string,
  config: (origin: string) => EmulatorConfigInput,
  env: (em: Emulator) => Record<string, string>,
): Promise<PeerSetup> {
  const dir = await mkdtemp(join(tmpdir(), 'emulator-peer-'));
  const port = await freePort();
  const em = await startTestEmulator(config(`http://127.0.0.1:${port}`), {
    https: { dir },
    host: 'tenant.localhost',
  });
  const cleanUp = async () => {
    await em.close();
    await rm(dir, { recursive: true, force: true });
  };
  let app: PeerApp;
  try {
    if (!em.caFile) throw new Error('the emulator has no CA file');
    app = await startPeerApp(script, port, em.caFile, env(em));
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    em,
    app,
    close: async () => {
      await app.close();
      await cleanUp();
    },
  };
}
