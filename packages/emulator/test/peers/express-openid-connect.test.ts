import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { startTestEmulator } from '../../../../test/emulator.js';
import { trustingFetch } from '../../src/https/fetch.js';
import { freePort, startPeerApp } from './child.js';
import type { PeerApp } from './child.js';

// express-openid-connect insists on an https issuer: it runs in its own process against the emulator
// over HTTPS, trusting the emulator's CA through NODE_EXTRA_CA_CERTS.
const CLIENT = { id: 'express-app', secret: 'express-app-secret-at-least-32-characters' };

let dir: string;
let em: Emulator;
let app: PeerApp;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-eoc-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  em = await startTestEmulator(
    {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${origin}/callback`],
          post_logout_redirect_uris: [origin, `${origin}/`],
        },
      ],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!', name: 'Alice' }],
    },
    { https: { dir }, host: 'localhost' },
  );
  if (!em.caFile) throw new Error('no CA file');
  app = await startPeerApp('express-oidc-app.mjs', port, em.caFile, {
    ISSUER: em.issuer,
    CLIENT_ID: CLIENT.id,
    CLIENT_SECRET: CLIENT.secret,
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await em?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('express-openid-connect against auth0-emulator --https', () => {
  it('logs in through the emulator’s pages, then logs out at the emulator and back', async () => {
    expect((await app.get('/me')).status).toBe(401);
    const login = await app.get('/login');
    expect(login.status, JSON.stringify(login.body)).toBe(302);
    const authorize = String(login.location);
    expect(authorize.startsWith(`${em.issuer}authorize?`)).toBe(true);
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
    const ended = await trustingFetch(readFileSync(em.caFile ?? '', 'utf8'))(endSession, {
      redirect: 'manual',
    });
    expect(ended.status).toBe(302);
    expect(String(ended.headers.get('location')).startsWith(app.origin)).toBe(true);
    expect((await app.get('/me')).status).toBe(401);
  });
});
