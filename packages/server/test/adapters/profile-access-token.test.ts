import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import { adapterCookies } from '../../src/adapters/core/index.js';
import type { StateData } from '../../src/types.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import {
  BINDINGS,
  builders,
  listenOnLoopback,
  offlineOptions,
  startApp,
  type RunningApp,
} from './bindings.js';
import { ALICE, APP_SECRET, Browser, CLIENT_SECRET, PAYMENTS } from './harness.js';

const isJwe = (value: unknown) => typeof value === 'string' && value.split('.').length === 5;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Sessions in memory, with a way to let every stored access token expire (as time passing would). */
class ExpirableSessions extends MemorySessionStore {
  readonly #ids = new Set<string>();

  override set(id: string, data: StateData, ttlSeconds?: number): Promise<void> {
    this.#ids.add(id);
    return super.set(id, data, ttlSeconds);
  }

  async expireAccessTokens(): Promise<void> {
    for (const id of this.#ids) {
      const data = await this.get(id);
      if (!data) continue;
      data.tokenSets = data.tokenSets.map((set) => ({ ...set, expiresAt: nowSeconds() - 60 }));
      await super.set(id, data);
    }
  }
}

describe.each(BINDINGS)(
  '%s: GET /auth/profile and /auth/access-token with the default options',
  (binding) => {
    let app: RunningApp;
    let quiet: RunningApp;
    beforeAll(async () => {
      app = await startApp(binding);
      quiet = await startApp(binding, {
        ...offlineOptions,
        noContentProfileResponseWhenUnauthenticated: true,
      });
    });
    afterAll(async () => {
      await app?.close();
      await quiet?.close();
    });

    it('profile answers 401 login_required without a session, never cached', async () => {
      const res = await fetch(new URL('/auth/profile', app.url));
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: 'login_required' });
    });

    it('profile answers 204 without a session when noContentProfileResponseWhenUnauthenticated is set', async () => {
      const res = await fetch(new URL('/auth/profile', quiet.url));
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
    });

    it('access-token is not mounted unless enableAccessTokenEndpoint is set', async () => {
      const res = await fetch(new URL('/auth/access-token', app.url));
      expect(res.status).toBe(404);
      expect(app.errors).toEqual([]);
    });
  },
);

describe.each(BINDINGS)('%s: GET /auth/profile and /auth/access-token against auth0-emulator', (binding) => {
  let em: Emulator;
  let appUrl: string;
  let sessions: ExpirableSessions;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const server = await listenOnLoopback();
    appUrl = server.url;
    em = await startTestEmulator({
      clients: [appClient(appUrl, CLIENT_SECRET)],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      apis: [{ audience: PAYMENTS, mfa: 'required' }],
    });
    sessions = new ExpirableSessions();
    server.use(
      await builders[binding](
        {
          domain: em.issuer.replace(/\/$/, ''),
          clientId: 'app',
          clientSecret: CLIENT_SECRET,
          secret: APP_SECRET,
          appBaseUrl: appUrl,
          enableAccessTokenEndpoint: true,
          stateStore: new StatefulStateStore(
            { secret: APP_SECRET, store: sessions, appBaseUrl: appUrl },
            adapterCookies,
          ),
          onLoginError: false,
        },
        [],
      ),
    );
    stop = async () => {
      await em.close();
      await server.close();
    };
  });
  afterAll(() => stop?.());

  const loggedIn = async () => {
    const browser = new Browser(appUrl, em);
    await browser.login('/');
    return browser;
  };
  const refreshes = async () => {
    const stats = (await (await fetch(new URL('__dev/stats', em.issuer))).json()) as Record<string, number>;
    return stats.refresh_token ?? 0;
  };

  it("profile answers the session's user as JSON, never cached, with no token in it", async () => {
    const alice = await loggedIn();
    const res = await alice.visit('/auth/profile');
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/json');
    expect(res.json()).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    const { token } = (await alice.visit('/auth/access-token')).json();
    expect(res.text).not.toContain(String(token));
    expect(res.text).not.toMatch(/access_?token|refresh_?token|id_?token/i);
    const again = await fetch(new URL('/auth/profile', appUrl), { headers: { cookie: alice.jar.header() } });
    expect(again.headers.get('cache-control')).toBe('no-store');
    const foreign = await alice.visit('/auth/profile', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(foreign.status).toBe(403);
    expect(foreign.text).not.toContain('alice');
  });

  it("access-token answers the session's token as nextjs-auth0 does, never cached", async () => {
    const alice = await loggedIn();
    const res = await fetch(new URL('/auth/access-token', appUrl), {
      headers: { cookie: alice.jar.header(), origin: appUrl, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      token: expect.any(String),
      scope: expect.any(String),
      expires_at: expect.any(Number),
      expires_in: expect.any(Number),
    });
    expect(String(body.token).length).toBeGreaterThan(0);
    expect(Number(body.expires_at)).toBeGreaterThan(nowSeconds());
    expect(Number(body.expires_in)).toBeGreaterThan(0);
    // The token from the login, not a refreshed one.
    expect((await alice.visit('/auth/access-token')).json().token).toBe(body.token);
  });

  it('access-token answers 401 login_required without a session', async () => {
    const res = await new Browser(appUrl, em).visit('/auth/access-token');
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'login_required' });
  });

  it('access-token refuses a request that a browser marks as cross-site', async () => {
    const alice = await loggedIn();
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const res = await alice.visit('/auth/access-token', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toEqual({
        error: 'invalid_request',
        errorDescription: 'cross-site request refused',
      });
    }
    expect(
      (await alice.visit('/auth/access-token', { headers: { 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(200);
  });

  it('access-token refreshes an expired token and keeps the new one in the session', async () => {
    const alice = await loggedIn();
    const first = (await alice.visit('/auth/access-token')).json();
    await sessions.expireAccessTokens();
    const before = await refreshes();
    const refreshed = await alice.visit('/auth/access-token');
    expect(refreshed.status).toBe(200);
    const body = refreshed.json();
    expect(body.token).not.toBe(first.token);
    expect(Number(body.expires_at)).toBeGreaterThan(nowSeconds());
    expect(await refreshes()).toBe(before + 1);
    expect((await alice.visit('/auth/access-token')).json().token).toBe(body.token);
    expect(await refreshes()).toBe(before + 1);
  });

  it('access-token takes audience from the query and answers a step-up need as the MFA routes do', async () => {
    const alice = await loggedIn();
    const res = await alice.visit(`/auth/access-token?audience=${encodeURIComponent(PAYMENTS)}`);
    expect(res.status).toBe(403);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['error', 'mfaRequirements', 'mfaToken']);
    expect(body.error).toBe('mfa_required');
    expect(isJwe(body.mfaToken)).toBe(true);
  });
});
