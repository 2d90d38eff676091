import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseConfig, startEmulator, type Emulator, type EmulatorConfig } from 'auth0-emulator';
import { createDemoApp } from './app.js';
import type { TestUser } from './pages/home.js';

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** The demo's port; 0 picks a free one. Default 3000. */
  port?: number;
  /** The emulator's port; 0 picks a free one. Default 4400. */
  emulatorPort?: number;
  /** Print nothing from the emulator (codes sent, push challenges). Default false. */
  quiet?: boolean;
  /** Seconds between two checks of a push challenge. Default 2. */
  pushRefreshSeconds?: number;
  /**
   * Where the emulator keeps its signing key across restarts ({@link DEMO_KEY_FILE} for `npm run demo`),
   * so a running app's cached JWKS stays right. Default none: a new key per start (tests).
   */
  signingKeyFile?: string;
  /**
   * The host name the demo is served on (it redirects other names to it). Default `127.0.0.1`;
   * `localhost` for passkeys, whose WebAuthn rpID must be a host name, not an IP address.
   */
  appHost?: '127.0.0.1' | 'localhost';
}

/** The demo's key file: `.auth0-emulator/signing-key.json` beside emulator.json (git-ignored). */
export const DEMO_KEY_FILE = fileURLToPath(new URL('../.auth0-emulator/signing-key.json', import.meta.url));

/** A running demo and the emulator behind it. */
export interface RunningDemo {
  /** `http://127.0.0.1:N`, no trailing slash. */
  url: string;
  emulator: Emulator;
  testUsers: Array<TestUser & { userId: string }>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** The origin emulator.json registers; {@link demoEmulatorConfig} moves it to the demo's real one. */
const DEFAULT_ORIGIN = 'http://127.0.0.1:3000';
const CONFIG_URL = new URL('../emulator.json', import.meta.url);
// Only for this local demo: a real app reads its secret from the environment.
const DEMO_SECRET = 'demo-only-cookie-secret-not-for-production-use';

const SHOWS: Record<string, string> = {
  'auth0|alice': 'No second factor yet: the Payments API asks her to set one up. A member of Acme Corp.',
  'auth0|carol': 'Authenticator app, SMS, voice, email and push already set up, and a recovery code.',
  'auth0|bob': 'Must use his authenticator app at every login, on the emulator’s own pages.',
  'auth0|dave': 'Not in Acme Corp until he follows an invitation (Organizations page).',
};

/** The demo's emulator configuration (emulator.json), with the client's URLs moved to the demo's origin. */
export function demoEmulatorConfig(origin: string): EmulatorConfig {
  const config = parseConfig(JSON.parse(readFileSync(CONFIG_URL, 'utf8')));
  const move = (uri: string) =>
    uri.startsWith(`${DEFAULT_ORIGIN}/`) ? origin + uri.slice(DEFAULT_ORIGIN.length) : uri;
  for (const client of config.clients) {
    client.redirect_uris = client.redirect_uris.map(move);
    client.post_logout_redirect_uris = client.post_logout_redirect_uris.map(move);
    if (client.backchannel_logout_uri) client.backchannel_logout_uri = move(client.backchannel_logout_uri);
  }
  return config;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('not listening on a TCP port'));
      else resolve(address.port);
    });
  });
}

/**
 * Starts auth0-emulator with the demo's configuration and the demo app in front of it. The demo's socket
 * is bound first so the emulator can register the demo's real callback URL, even on an ephemeral port.
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  let handler: RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  const port = await listen(server, options.port ?? 3000);
  const url = `http://${options.appHost ?? HOST}:${port}`;
  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      port: options.emulatorPort ?? 4400,
      host: HOST,
      config: demoEmulatorConfig(url),
      quiet: options.quiet ?? false,
      ...(options.signingKeyFile ? { signingKeyFile: options.signingKeyFile } : {}),
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const client = emulator.config.clients[0];
  const dpopClient = emulator.config.clients.find((entry) => entry.dpop_bound_access_tokens);
  const api = emulator.config.apis.find((entry) => entry.mfa !== 'off');
  if (!client?.client_secret || !api)
    throw new Error('emulator.json needs a client with a secret and an API with mfa');
  const testUsers = emulator.config.users.map((user) => {
    const seeded = emulator.seededUsers.find((entry) => entry.userId === user.user_id);
    return {
      userId: user.user_id,
      email: user.email,
      password: user.password,
      shows: SHOWS[user.user_id] ?? '',
      otpKey: seeded?.authenticators.find((a) => a.secret)?.secret,
      recoveryCode: seeded?.recoveryCode,
    };
  });
  handler = createDemoApp({
    domain: emulator.issuer.replace(/\/$/, ''),
    clientId: client.client_id,
    clientSecret: client.client_secret,
    secret: DEMO_SECRET,
    appBaseUrl: url,
    paymentsAudience: api.audience,
    emulatorIssuer: emulator.issuer,
    testUsers,
    pushRefreshSeconds: options.pushRefreshSeconds ?? 2,
    // The demo keeps its sessions in memory, so a key made at start loses nothing more on a restart; a
    // deployment loads one key from its configuration and gives it to every instance (docs/dpop.md).
    ...(dpopClient?.client_secret
      ? {
          dpop: {
            clientId: dpopClient.client_id,
            clientSecret: dpopClient.client_secret,
            dpopKeyPair: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
          },
        }
      : {}),
  });
  return {
    url,
    emulator,
    testUsers,
    close: async () => {
      server.closeAllConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), emulator.close()]);
    },
  };
}
