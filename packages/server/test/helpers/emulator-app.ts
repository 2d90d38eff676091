import { createServer, type Server } from 'node:http';
import { CookieJar as BrowserJar, type Emulator, type EmulatorConfigInput } from 'auth0-emulator';
import { ServerClient, type ServerClientOptions } from '../../src/index.js';
import { MemorySessionStore, StatefulStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { CookieJar } from './cookie-jar.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';

export const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
export const APP_SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
export const API = 'https://api.example.com';
export const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };

/**
 * An app in front of auth0-emulator over loopback: a ServerClient with a stateful memory store and
 * one browser's cookie jar, plus a tiny node:http server whose `/backchannel-logout` calls
 * `handleBackchannelLogout` (the emulator delivers logout tokens there).
 */
export interface EmulatorApp {
  em: Emulator;
  client: ServerClient;
  jar: CookieJar;
  sessions: MemorySessionStore;
  /** Back-channel logout requests the app received, with the answer it gave. */
  received: { status: number; error?: string }[];
  /** Logs the browser in through the emulator's HTML pages; returns the emulator's own cookies. */
  login(): Promise<string>;
  close(): Promise<void>;
}

export async function startEmulatorApp(
  options: {
    accessTokenTtl?: number;
    emulator?: Omit<EmulatorConfigInput, 'clients'>;
    /** Fields of the emulator's client beside the app's own (`dpop_bound_access_tokens`, ...). */
    appClient?: { dpop_bound_access_tokens?: boolean; organization_usage?: 'allow' | 'require' };
    /** Options of the ServerClient beside the app's own. */
    clientOptions?: Partial<ServerClientOptions>;
  } = {},
): Promise<EmulatorApp> {
  const received: EmulatorApp['received'] = [];
  // The app server starts first: the client's redirect URI needs its port.
  const box: { client?: ServerClient } = {};
  const app: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const token = new URLSearchParams(Buffer.concat(chunks).toString()).get('logout_token') ?? '';
      (box.client?.handleBackchannelLogout(token) ?? Promise.reject(new Error('no client'))).then(
        () => {
          received.push({ status: 200 });
          res.writeHead(200).end();
        },
        (err: unknown) => {
          received.push({ status: 400, error: err instanceof Error ? err.message : 'failed' });
          res.writeHead(400).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const address = app.address();
  if (address === null || typeof address === 'string') throw new Error('the app is not on a TCP port');
  const appOrigin = `http://127.0.0.1:${address.port}`;
  const redirectUri = `${appOrigin}/auth/callback`;

  const em = await startTestEmulator({
    clients: [
      {
        ...appClient(appOrigin, CLIENT_SECRET, { backchannelPath: '/backchannel-logout' }),
        ...options.appClient,
      },
    ],
    apis: [{ audience: API, scopes: ['read:data'] }],
    ...(options.accessTokenTtl ? { ttl: { accessToken: options.accessTokenTtl } } : {}),
    ...options.emulator,
    users: [{ user_id: 'auth0|alice', ...ALICE }, ...(options.emulator?.users ?? [])],
  });

  const jar = new CookieJar();
  const sessions = new MemorySessionStore();
  const ready = new ServerClient({
    domain: em.issuer.replace(/\/$/, ''),
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: APP_SECRET,
    authorizationParams: {
      redirect_uri: redirectUri,
      audience: API,
      scope: 'openid profile email offline_access read:data',
    },
    stateStore: new StatefulStateStore({ secret: APP_SECRET, store: sessions, appBaseUrl: appOrigin }, jar),
    transactionStore: new MemoryTransactionStore(),
    ...options.clientOptions,
  });
  box.client = ready;

  return {
    em,
    client: ready,
    jar,
    sessions,
    received,
    async login() {
      const url = await ready.startInteractiveLogin();
      const browser = new BrowserJar();
      await ready.completeInteractiveLogin(await em.login(url.href, { ...ALICE, jar: browser }));
      return browser.header();
    },
    async close() {
      await em.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    },
  };
}
