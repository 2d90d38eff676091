import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { localhostFetch } from 'auth0-emulator';
import { startPeerSetup } from './child.js';
import type { PeerApp, PeerSetup } from './child.js';

// express-openid-connect insists on an https issuer: it runs in its own process against the emulator
// over HTTPS, trusting the emulator's CA through NODE_EXTRA_CA_CERTS.
const CLIENT = { id: 'express-app', secret: 'express-app-secret-at-least-32-characters' };

let em: Emulator;
let app: PeerApp;
let setup: PeerSetup | undefined;

beforeAll(async () => {
  setup = await startPeerSetup(
    'express-oidc-app.mjs',
    (origin) => ({
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${origin}/callback`],
          post_logout_redirect_uris: [origin, `${origin}/`],
        },
      ],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!', name: 'Alice' }],
    }),
    (emulator) => ({ ISSUER: emulator.issuer, CLIENT_ID: CLIENT.id, CLIENT_SECRET: CLIENT.secret }),
  );
  ({ em, app } = setup);
}, 60_000);
afterAll(() => setup?.close());

describe('express-openid-connect against auth0-emulator --https', () => {
  it('logs in through the emulator’s pages, then logs out at the emulator and back', async () => {
    expect((await app.get('/me')).status).toBe(401);
    const login = await app.get('/login');
    expect(login.status, JSON.stringify(login.body)).toBe(302);
    const authorize = String(login.location);
    expect(authorize.startsWith(`${em.issuer}authorize?`)).toBe(true);
    expect(new URL(authorize).hostname).toBe('tenant.localhost');
    const callback = new URL(
      await em.login(authorize, { email: 'alice@example.com', password: 'Passw0rd!' }),
    );
    const done = await app.get(callback.pathname + callback.search);
    expect(done.status, JSON.stringify(done.body)).toBe(302);
    const me = await app.get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { sub: 'auth0|alice', name: 'Alice', email: 'alice@example.com' },
    });

    const logout = await app.get('/logout');
    expect(logout.status).toBe(302);
    const endSession = new URL(String(logout.location));
    expect(endSession.href.startsWith(`${em.issuer}oidc/logout?`)).toBe(true);
    // With id_token_hint the emulator ends its session without a prompt and sends the browser back.
    const ended = await localhostFetch({ ca: readFileSync(em.caFile ?? '', 'utf8') })(endSession, {
      redirect: 'manual',
    });
    expect(ended.status).toBe(302);
    expect(String(ended.headers.get('location')).startsWith(app.origin)).toBe(true);
    expect((await app.get('/me')).status).toBe(401);
  });
});
