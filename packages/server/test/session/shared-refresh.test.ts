import { describe, expect, it } from 'vitest';
import { ServerClient, StatelessStateStore, StoreError } from '../../src/index.js';
import type { SessionCoordinator } from '../../src/session/index.js';
import { LocalLock } from '../../src/session/index.js';
import { MemoryTransactionStore } from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { nowSeconds, REDIRECT_URI, SECRET, setup } from '../helpers/client.js';

/** What several processes would share through Redis: one lock per key and the shared values. */
function sharedCoordinator(): SessionCoordinator & { values: Map<string, string> } {
  const lock = new LocalLock();
  const values = new Map<string, string>();
  const holding = new Set<string>();
  return {
    values,
    withLock: (key, fn) =>
      lock.run(key, async () => {
        holding.add(key);
        try {
          return await fn();
        } finally {
          holding.delete(key);
        }
      }),
    async share(key, name, value) {
      if (!holding.has(key)) throw new StoreError('lock_timeout', 'not held');
      values.set(`${key}/${name}`, value);
    },
    shared: async (key, name) => values.get(`${key}/${name}`),
  };
}

describe('refresh shared between instances (stateless cookie sessions)', () => {
  /** A logged-in browser's cookies, and instances of the app that share one coordinator. */
  async function cookieSessionOverInstances() {
    const { tenant } = await setup();
    const coordinator = sharedCoordinator();
    const instance = (jar: CookieJar) =>
      new ServerClient({
        domain: new URL(tenant.issuer).host,
        clientId: tenant.clientId,
        clientSecret: tenant.clientSecret,
        secret: SECRET,
        authorizationParams: { redirect_uri: REDIRECT_URI },
        stateStore: new StatelessStateStore({ secret: SECRET }, jar),
        transactionStore: new MemoryTransactionStore(),
        customFetch: tenant.fetch,
        coordinator,
      });
    const browser = new CookieJar();
    const first = instance(browser);
    await first.completeInteractiveLogin(await tenant.authorize(await first.startInteractiveLogin()));
    /** A request carrying the browser's cookies as they are now. */
    const request = () => {
      const jar = new CookieJar();
      for (const [k, v] of Object.entries(browser.getCookies())) jar.put(k, v);
      return jar;
    };
    const session = (jar: CookieJar) => new StatelessStateStore({ secret: SECRET }, jar).get('__a0_session');
    return { tenant, coordinator, browser, instance, request, session, old: await first.getAccessToken() };
  }

  it('redeems the refresh token once when two instances refresh one cookie session at once', async () => {
    const { tenant, coordinator, instance, request, browser } = await cookieSessionOverInstances();
    const store = new StatelessStateStore({ secret: SECRET }, browser);
    const state = await store.get('__a0_session');
    if (!state) throw new Error('no session');
    await store.set('__a0_session', {
      ...state,
      tokenSets: state.tokenSets.map((t) => ({ ...t, expiresAt: nowSeconds() + 30 })),
    });

    // Two requests carrying the same cookie reach two instances.
    const [a, b] = [request(), request()];
    const tokens = await Promise.all([instance(a).getAccessToken(), instance(b).getAccessToken()]);

    expect(tenant.counts.refresh).toBe(1);
    expect(tokens[0]?.accessToken).toBe(tokens[1]?.accessToken);
    // The shared answer is sealed: no token in clear in the shared store.
    for (const value of coordinator.values.values())
      expect(value).not.toContain(tokens[0]?.accessToken ?? '-');
    // Both responses carry the rotated refresh token.
    const rotated = await Promise.all(
      [a, b].map((jar) => new StatelessStateStore({ secret: SECRET }, jar).get('__a0_session')),
    );
    expect(rotated[0]?.refreshToken).not.toBe(state.refreshToken);
    expect(rotated[0]?.refreshToken).toBe(rotated[1]?.refreshToken);
  });

  it('redeems the refresh token once when two instances force a refresh of one cookie session at once', async () => {
    const { tenant, instance, request, old } = await cookieSessionOverInstances();
    tenant.tokenDelayMs = 50;
    const [a, b] = [request(), request()];
    const tokens = await Promise.all([
      instance(a).getAccessToken({ refresh: true }),
      instance(b).getAccessToken({ refresh: true }),
    ]);
    expect(tenant.counts.refresh).toBe(1);
    expect(tokens[0]?.accessToken).toBe(tokens[1]?.accessToken);
    expect(tokens[0]?.accessToken).not.toBe(old.accessToken);
  });

  it('refreshes again, with the rotated refresh token, when the other instance shared its answer before the call', async () => {
    const { tenant, instance, request, session, old } = await cookieSessionOverInstances();
    // Two requests leave the browser with the same cookie; the first forces a refresh and finishes.
    const [a, b] = [request(), request()];
    const first = await instance(a).getAccessToken({ refresh: true });
    expect(tenant.counts.refresh).toBe(1);
    // The second starts after that answer was shared: it is older than the call, so not enough; the
    // cookie's refresh token is spent, so the call refreshes with the one the answer rotated to.
    const second = await instance(b).getAccessToken({ refresh: true });
    expect(tenant.counts.refresh).toBe(2);
    expect(new Set([old.accessToken, first.accessToken, second.accessToken]).size).toBe(3);
    const [sa, sb] = await Promise.all([session(a), session(b)]);
    expect(sb?.refreshToken).not.toBe(sa?.refreshToken);
    // What the second response carries refreshes again: its refresh token is the live one.
    await expect(instance(b).getAccessToken({ refresh: true })).resolves.toBeDefined();
    expect(tenant.counts.refresh).toBe(3);
  });
});
