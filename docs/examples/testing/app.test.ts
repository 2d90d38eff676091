// docs/testing.md: an Express app's routes tested with sessions made by auth0-server-ts/testing, no
// login and no authorization server. Run by the suite (vitest) and type-checked with the repository.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatefulStateStore } from 'auth0-server-ts';
import { adapterCookies, type Auth0AdapterOptions } from 'auth0-server-ts/express';
import { RedisSessionStore } from 'auth0-server-ts/redis';
import { TestSessions } from 'auth0-server-ts/testing';
import { createApp, PAYMENTS } from './app.js';

const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';

/** Serves the app `make` builds for its own URL (a free loopback port, known once listening). */
async function serve(make: (url: string) => Express): Promise<{ url: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', make(url));
  return { url, server };
}

// #region options
/** The app's options in tests: its real settings, and a fetch that proves no test reaches Auth0. */
function testOptions(appBaseUrl: string): Auth0AdapterOptions {
  return {
    domain: 'tenant.example.com',
    clientId: 'app',
    clientSecret: 'app-secret-at-least-32-characters!!',
    secret: SECRET,
    appBaseUrl,
    customFetch: () => Promise.reject(new Error('no authorization server in these tests')),
  };
}
// #endregion options

describe('docs/testing.md: cookie sessions', () => {
  let app: { url: string; server: Server };
  let sessions: TestSessions;
  beforeAll(async () => {
    app = await serve((url) => createApp(testOptions(url)));
    sessions = new TestSessions({ secret: SECRET, appBaseUrl: app.url });
  });
  afterAll(() => new Promise((resolve) => app.server.close(resolve)));

  // #region cookie
  it('requiresAuth lets a session in, and keeps everyone else out', async () => {
    const { cookie } = await sessions.create({
      user: { sub: 'auth0|alice', email: 'alice@example.com' },
      organization: { id: 'org_acme' },
    });
    const res = await fetch(`${app.url}/profile`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: 'auth0|alice', org: 'org_acme' });

    expect((await fetch(`${app.url}/profile`)).status).toBe(401);
  });
  // #endregion cookie

  // #region step-up
  it('requiresStepUp({ amr }) wants a login that passed MFA', async () => {
    const mfa = await sessions.create({ user: { sub: 'auth0|alice' }, amr: ['pwd', 'mfa'] });
    const password = await sessions.create({ user: { sub: 'auth0|alice' }, amr: ['pwd'] });
    expect((await fetch(`${app.url}/admin`, { headers: { cookie: mfa.cookie } })).status).toBe(200);
    const weak = await fetch(`${app.url}/admin`, { headers: { cookie: password.cookie } });
    expect(weak.status).toBe(401);
    expect(await weak.json()).toMatchObject({ error: 'insufficient_user_authentication' });
  });

  it('requiresStepUp({ audience }) wants an access token for the API', async () => {
    const withToken = await sessions.create({
      user: { sub: 'auth0|alice' },
      tokenSets: [{ audience: PAYMENTS, expiresIn: 600 }],
    });
    const res = await fetch(`${app.url}/payments`, { headers: { cookie: withToken.cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ authorized: true });

    // Expired and nothing to refresh it with: the JSON client is told to log in again.
    const expired = await sessions.create({
      user: { sub: 'auth0|alice' },
      tokenSets: [{ audience: PAYMENTS, expiresIn: -1 }],
    });
    const stale = await fetch(`${app.url}/payments`, { headers: { cookie: expired.cookie } });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toEqual({ error: 'login_required' });
  });
  // #endregion step-up
});

describe('docs/testing.md: sessions on Redis', () => {
  const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
  // The Redis is shared (other apps, other test runs): a prefix of this run's own.
  const prefix = `testing-doc-${randomBytes(6).toString('hex')}:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('a session written into the app’s Redis store is logged in', async () => {
    // #region redis
    const store = new RedisSessionStore({ client: redis, secret: SECRET, prefix });
    const app = await serve((url) =>
      createApp({
        ...testOptions(url),
        stateStore: new StatefulStateStore({ secret: SECRET, store, appBaseUrl: url }, adapterCookies),
      }),
    );
    const sessions = new TestSessions({ secret: SECRET, appBaseUrl: app.url, store });
    const { cookie } = await sessions.create({ user: { sub: 'auth0|bob' } });
    // #endregion redis
    try {
      expect(await redis.keys(`${prefix}s:*`)).toHaveLength(1);
      const res = await fetch(`${app.url}/profile`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sub: 'auth0|bob' });
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
    }
  });
});
