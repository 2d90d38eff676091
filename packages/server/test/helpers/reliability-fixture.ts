import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CookieJar as BrowserJar, type Emulator, type EmulatorAuthenticatorSeed } from 'auth0-emulator';
import { MfaRequiredError, ServerClient } from '../../src/index.js';
import { CookieTransactionStore, MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import type { StateData } from '../../src/types.js';
import { CookieJar } from './cookie-jar.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';

export const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
export const APP_SECRET = 'reliability-app-cookie-secret-32-chars-min';
export const API = 'https://api.example.com';
export const BANK = 'https://bank.example.com';
export const PASSWORD = 'Passw0rd!';
export const SCOPE = 'openid profile email offline_access read';

/** A session store that counts writes, so a test can prove a failed call wrote nothing. */
export class CountingSessionStore extends MemorySessionStore {
  writes = 0;
  override async set(id: string, data: StateData, ttlSeconds?: number): Promise<void> {
    this.writes += 1;
    return super.set(id, data, ttlSeconds);
  }
  override async delete(id: string): Promise<void> {
    this.writes += 1;
    return super.delete(id);
  }
}

/** One browser of the app: its cookie jar, the app's session backend, and clients that share them. */
export interface AppBrowser {
  jar: CookieJar;
  backend: CountingSessionStore;
  /**
   * A new client over this browser's stores; every request goes through the proxy as caller `caller`,
   * or through `fetch` when given (which may itself send some through `fx.proxy.fetchFor(caller)`).
   * Its deadline defaults to 30 s: the set-up exchanges are not what a cell measures, and with twelve cells
   * on one event loop beside five other test workers one login's code exchange took over 5 s.
   */
  client(caller: string, options?: { httpTimeout?: number; fetch?: typeof fetch }): ServerClient;
}

export interface ReliabilityFixture {
  em: Emulator;
  proxy: FaultProxy;
  redirectUri: string;
  /** Logout tokens the emulator delivered to the app's back-channel URI, newest last. */
  logoutTokens: string[];
  browser(): AppBrowser;
  /** Logs `email` in through the emulator's pages; returns the emulator's browser cookies. */
  login(client: ServerClient, email: string): Promise<BrowserJar>;
  /** An mfa token (sealed by `client`) for a step-up to the MFA-protected API. */
  stepUp(client: ServerClient): Promise<string>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  users: { user_id: string; email: string; authenticators?: EmulatorAuthenticatorSeed[] }[];
  accessTokenTtl?: number;
}

/**
 * The emulator behind a fault proxy, and an app origin whose only route records back-channel
 * logout tokens. The SDK's domain is the emulator's issuer; `customFetch` sends every request through
 * the proxy, so issuer checks see the real issuer.
 */
export async function startReliabilityFixture(options: FixtureOptions): Promise<ReliabilityFixture> {
  const logoutTokens: string[] = [];
  const app: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const token = new URLSearchParams(Buffer.concat(chunks).toString()).get('logout_token');
      if (token) logoutTokens.push(token);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const redirectUri = `${appOrigin}/auth/callback`;
  const em = await startTestEmulator({
    clients: [appClient(appOrigin, CLIENT_SECRET, { backchannelPath: '/backchannel-logout' })],
    users: options.users.map((u) => ({ password: PASSWORD, ...u })),
    apis: [
      { audience: API, scopes: ['read'] },
      { audience: BANK, mfa: 'required', scopes: ['transfer'] },
    ],
    ...(options.accessTokenTtl ? { ttl: { accessToken: options.accessTokenTtl } } : {}),
  });
  const proxy = await startFaultProxy(em.issuer);

  return {
    em,
    proxy,
    redirectUri,
    logoutTokens,
    browser() {
      const jar = new CookieJar();
      const backend = new CountingSessionStore();
      const stateStore = new StatefulStateStore(
        { secret: APP_SECRET, store: backend, appBaseUrl: appOrigin },
        jar,
      );
      const transactionStore = new CookieTransactionStore({ secret: APP_SECRET, appBaseUrl: appOrigin }, jar);
      return {
        jar,
        backend,
        client: (caller, opts = {}) =>
          new ServerClient({
            domain: em.issuer,
            clientId: 'app',
            clientSecret: CLIENT_SECRET,
            secret: APP_SECRET,
            authorizationParams: { redirect_uri: redirectUri, audience: API, scope: SCOPE },
            stateStore,
            transactionStore,
            customFetch: opts.fetch ?? proxy.fetchFor(caller),
            httpTimeout: opts.httpTimeout ?? 30_000,
          }),
      };
    },
    async login(client, email) {
      const jar = new BrowserJar();
      const url = await client.startInteractiveLogin();
      await client.completeInteractiveLogin(await em.login(url.href, { email, password: PASSWORD, jar }));
      return jar;
    },
    async stepUp(client) {
      const err = await client.getAccessToken({ audience: BANK, scope: 'transfer' }).catch((e: unknown) => e);
      if (!(err instanceof MfaRequiredError)) throw new Error('expected a step-up to ask for MFA');
      return err.mfaToken;
    },
    async close() {
      await proxy.close();
      await em.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    },
  };
}
