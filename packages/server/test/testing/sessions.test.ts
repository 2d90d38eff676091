import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { auth0 } from '../../src/adapters/express.js';
import type { Auth0AdapterOptions } from '../../src/adapters/core/index.js';
import { MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import { adapterCookies } from '../../src/adapters/core/index.js';
import { storageState, TestSessions } from '../../src/testing/index.js';
import { offlineOptions } from '../adapters/bindings.js';

const SECRET = offlineOptions.secret as string;

/** An Express app behind `options`, answering `/me` with the session's user and token sets. */
async function listen(options: Auth0AdapterOptions): Promise<{ url: string; server: Server }> {
  const auth = auth0(options);
  const app = express();
  app.use(auth.router);
  app.get('/me', auth.requiresAuth(), async (req, res) => {
    const session = await req.auth0.getSession();
    res.json({ user: session?.user, tokenSets: session?.tokenSets });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('TestSessions', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));
  const me = async (options: Auth0AdapterOptions, cookie: string) => {
    const app = await listen(options);
    servers.push(app.server);
    const res = await fetch(`${app.url}/me`, { headers: { cookie, accept: 'application/json' } });
    return { status: res.status, body: res.status === 200 ? await res.json() : undefined };
  };

  it('create names the cookie as a Secure app does (__Host-), and the adapter reads it', async () => {
    const appBaseUrl = 'https://app.example.com';
    const session = await new TestSessions({ secret: SECRET, appBaseUrl }).create({
      user: { sub: 'auth0|alice' },
    });
    expect(session.cookies.map((c) => [c.name, c.secure, c.httpOnly, c.sameSite])).toEqual([
      ['__Host-__a0_session.0', true, true, 'Lax'],
    ]);
    expect((await me({ ...offlineOptions, appBaseUrl }, session.cookie)).status).toBe(200);
  });

  it('create records a domain, which an app resolving its domain reads only under that domain', async () => {
    const appBaseUrl = 'http://127.0.0.1:3000';
    const made = await new TestSessions({ secret: SECRET, appBaseUrl }).create({
      user: { sub: 'auth0|alice' },
      domain: 'https://tenant.eu.auth0.com',
    });
    const resolving = (domain: string) => ({ ...offlineOptions, appBaseUrl, domain: () => domain });
    expect((await me(resolving('tenant.eu.auth0.com'), made.cookie)).status).toBe(200);
    expect((await me(resolving('brand-b.example.com'), made.cookie)).status).toBe(401);
    const unrecorded = await new TestSessions({ secret: SECRET, appBaseUrl }).create({ user: { sub: 'x' } });
    expect((await me(resolving('tenant.eu.auth0.com'), unrecorded.cookie)).status).toBe(401);
  });

  it('create follows the app’s session.cookie.name', async () => {
    const appBaseUrl = 'http://127.0.0.1:3000';
    const session = { cookie: { name: 'app_session' } };
    const made = await new TestSessions({ secret: SECRET, appBaseUrl, session }).create({
      user: { sub: 'auth0|alice' },
    });
    expect(made.cookies.map((c) => c.name)).toEqual(['app_session.0']);
    expect((await me({ ...offlineOptions, appBaseUrl, session }, made.cookie)).status).toBe(200);
    // The default name is not what this app reads.
    const other = await new TestSessions({ secret: SECRET, appBaseUrl }).create({ user: { sub: 'x' } });
    expect((await me({ ...offlineOptions, appBaseUrl, session }, other.cookie)).status).toBe(401);
  });

  it('create puts claims, amr, acr, organization and token expiry where the SDK reads them', async () => {
    const appBaseUrl = 'http://127.0.0.1:3000';
    const before = Math.floor(Date.now() / 1000);
    const { cookie } = await new TestSessions({ secret: SECRET, appBaseUrl }).create({
      user: { sub: 'auth0|alice', email: 'alice@example.com' },
      amr: ['mfa'],
      acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      organization: { id: 'org_1', name: 'acme' },
      authenticatedAgo: 120,
      tokenSets: [{ audience: 'https://api', accessToken: 'at-1', scope: 'read', expiresIn: 30 }],
    });
    const { status, body } = await me({ ...offlineOptions, appBaseUrl }, cookie);
    const after = Math.floor(Date.now() / 1000);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      sub: 'auth0|alice',
      email: 'alice@example.com',
      amr: ['mfa'],
      acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      org_id: 'org_1',
      org_name: 'acme',
    });
    expect(body.user.auth_time).toBeGreaterThanOrEqual(before - 120);
    expect(body.user.auth_time).toBeLessThanOrEqual(after - 120);
    expect(body.tokenSets).toHaveLength(1);
    expect(body.tokenSets[0]).toMatchObject({ audience: 'https://api', accessToken: 'at-1', scope: 'read' });
    expect(body.tokenSets[0].expiresAt - before).toBeGreaterThanOrEqual(30 - (after - before));
    expect(body.tokenSets[0].expiresAt - before).toBeLessThanOrEqual(30 + (after - before));
  });

  it('create with a store writes a server-side session the StatefulStateStore finds', async () => {
    const appBaseUrl = 'http://127.0.0.1:3000';
    const store = new MemorySessionStore();
    const made = await new TestSessions({ secret: SECRET, appBaseUrl, store }).create({
      user: { sub: 'auth0|bob' },
    });
    const stateStore = new StatefulStateStore({ secret: SECRET, store, appBaseUrl }, adapterCookies);
    const { status, body } = await me({ ...offlineOptions, appBaseUrl, stateStore }, made.cookie);
    expect(status).toBe(200);
    expect(body.user.sub).toBe('auth0|bob');
    // Another backend does not have it.
    const elsewhere = new StatefulStateStore(
      { secret: SECRET, store: new MemorySessionStore(), appBaseUrl },
      adapterCookies,
    );
    expect((await me({ ...offlineOptions, appBaseUrl, stateStore: elsewhere }, made.cookie)).status).toBe(
      401,
    );
  });

  it('origin is the app’s origin', () => {
    expect(new TestSessions({ secret: SECRET, appBaseUrl: 'http://127.0.0.1:3000/' }).origin).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('storageState gives host-only cookies for the app’s host', async () => {
    const appBaseUrl = 'http://127.0.0.1:3000';
    const session = await new TestSessions({ secret: SECRET, appBaseUrl }).create({ user: { sub: 'a' } });
    const state = storageState(session, appBaseUrl);
    expect(state.origins).toEqual([]);
    expect(state.cookies).toEqual([
      expect.objectContaining({ name: '__a0_session.0', domain: '127.0.0.1', path: '/', secure: false }),
    ]);
  });

  it('checks its arguments, naming the field', async () => {
    expect(() => new TestSessions({ secret: 'short', appBaseUrl: 'http://127.0.0.1' })).toThrow(TypeError);
    expect(() => new TestSessions({ secret: SECRET, appBaseUrl: 'not a url' })).toThrow(/"appBaseUrl"/);
    const sessions = new TestSessions({ secret: SECRET, appBaseUrl: 'http://127.0.0.1' });
    await expect(sessions.create({ user: { sub: '' } })).rejects.toThrow(/"user.sub"/);
    await expect(
      sessions.create({ user: { sub: 'a' }, tokenSets: [{ expiresIn: Number.NaN }] }),
    ).rejects.toThrow(/"tokenSets\[0\].expiresIn"/);
    const err = await sessions
      .create({ user: { sub: 'a' }, tokenSets: [{ accessToken: 42 as unknown as string }] })
      .catch((e: unknown) => e);
    expect(String(err)).toMatch(/"tokenSets\[0\].accessToken"/);
  });
});
