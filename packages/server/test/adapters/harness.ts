import type { RequestListener } from 'node:http';
import { CookieJar, type Emulator } from 'auth0-emulator';
import { MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import { adapterCookies, type Auth0AdapterOptions } from '../../src/adapters/core/index.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import { listenOnLoopback } from './bindings.js';

export const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
export const APP_SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
export const PAYMENTS = 'https://payments.example.com';
export const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
export const CAROL = { email: 'carol@example.com', password: 'Passw0rd!' };
/** An account of the emulator's `github` connection, to link. */
export const GITHUB_ACCOUNT = { username: 'octo-alice', password: 'gh-Passw0rd!' };

/**
 * The app every adapter test builds with its framework: `/` (public), `/profile` (requiresAuth,
 * the user as JSON), `/payments` (requiresStepUp for {@link PAYMENTS}, which needs MFA),
 * `/strong` (requiresStepUp with `amr: ['mfa']`).
 */
export type AppFactory = (options: Auth0AdapterOptions) => Promise<RequestListener>;

export interface AdapterHarness {
  em: Emulator;
  appUrl: string;
  sessions: MemorySessionStore;
  browser(): Browser;
  close(): Promise<void>;
}

/** Starts the app on port 0, then the emulator configured for it. */
export async function startHarness(factory: AppFactory): Promise<AdapterHarness> {
  const { url: appUrl, use, close } = await listenOnLoopback();
  const em = await startTestEmulator({
    clients: [appClient(appUrl, CLIENT_SECRET, { backchannelPath: '/auth/backchannel-logout' })],
    users: [
      { user_id: 'auth0|alice', ...ALICE },
      { user_id: 'auth0|carol', ...CAROL },
    ],
    apis: [{ audience: PAYMENTS, mfa: 'required' }],
    // Account linking (test/adapters/linking.test.ts).
    connections: [{ name: 'github', accounts: [{ user_id: '1001', ...GITHUB_ACCOUNT }] }],
  });
  const sessions = new MemorySessionStore();
  use(
    await factory({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      appBaseUrl: appUrl,
      // Server-side sessions, so a back-channel logout can find them by sid.
      stateStore: new StatefulStateStore(
        { secret: APP_SECRET, store: sessions, appBaseUrl: appUrl },
        adapterCookies,
      ),
      mfaWait: { intervalMs: 200, timeoutMs: 2000 },
    }),
  );
  return {
    em,
    appUrl,
    sessions,
    browser: () => new Browser(appUrl, em),
    async close() {
      await em.close();
      await close();
    },
  };
}

export interface Visit {
  status: number;
  location: string;
  contentType: string;
  setCookie: string[];
  text: string;
  json(): Record<string, unknown>;
}

/** One browser: the app's cookies (as Set-Cookie left them) and the emulator's own session. */
export class Browser {
  readonly jar = new CookieJar();
  readonly emulatorJar = new CookieJar();

  constructor(
    readonly appUrl: string,
    readonly em: Emulator,
  ) {}

  async visit(
    path: string,
    init: { method?: string; accept?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Visit> {
    const res = await fetch(new URL(path, this.appUrl), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        accept: init.accept ?? 'application/json',
        cookie: this.jar.header(),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const setCookie = this.jar.store(res);
    const text = await res.text();
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      contentType: res.headers.get('content-type') ?? '',
      setCookie,
      text,
      json: () => JSON.parse(text) as Record<string, unknown>,
    };
  }

  /** POSTs JSON as a same-origin `fetch` from the app's pages would. */
  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Visit> {
    return this.visit(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.appUrl, ...headers },
      body: JSON.stringify(body),
    });
  }

  /** Logs in through `/auth/login` and the emulator's pages; returns the callback's answer. */
  async login(returnTo?: string, user = ALICE): Promise<{ callbackUrl: string; callback: Visit }> {
    const start = await this.visit(
      `/auth/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`,
      {
        accept: 'text/html',
      },
    );
    if (start.status !== 302) throw new Error(`login answered ${start.status}`);
    const callbackUrl = await this.em.login(start.location, { ...user, jar: this.emulatorJar });
    return { callbackUrl, callback: await this.visit(callbackUrl, { accept: 'text/html' }) };
  }
}
