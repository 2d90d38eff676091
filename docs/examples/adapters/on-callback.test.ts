import { CookieJar, type Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './on-callback.js';
import { appClient, startTestEmulator } from '../../../test/emulator.js';
import { listenOnLoopback } from '../../../test/loopback.js';

const SECRET = 'app-secret-at-least-32-characters!!';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const BOB = { email: 'bob@example.com', password: 'Passw0rd!' };

describe('docs/examples/adapters/on-callback.ts against auth0-emulator', () => {
  let em: Emulator;
  let app: Awaited<ReturnType<typeof listenOnLoopback>>;
  let appUrl = '';

  beforeAll(async () => {
    app = await listenOnLoopback();
    appUrl = app.url;
    em = await startTestEmulator({
      clients: [appClient(appUrl, SECRET)],
      users: [
        { user_id: 'auth0|alice', ...ALICE },
        { user_id: 'auth0|bob', ...BOB, email_verified: false },
      ],
    });
    app.use(
      createApp({
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: SECRET,
        secret: 'a-cookie-secret-of-at-least-32-characters',
        appBaseUrl: appUrl,
      }),
    );
  });
  afterAll(async () => {
    await em?.close();
    await app?.close();
  });

  /** Logs `user` in from `/auth/login?returnTo=/profile`; the callback's redirect target. */
  const landing = async (user: typeof ALICE) => {
    const jar = new CookieJar();
    const visit = async (url: string) => {
      const res = await fetch(new URL(url, appUrl), {
        headers: { cookie: jar.header() },
        redirect: 'manual',
      });
      jar.store(res);
      return res;
    };
    const start = await visit('/auth/login?returnTo=/profile');
    const back = await visit(await em.login(start.headers.get('location') ?? '', user));
    return back.headers.get('location');
  };

  it('a verified user lands on returnTo, as without the hook', async () => {
    expect(await landing(ALICE)).toBe('/profile');
  });

  it('a user with an unverified email is sent to /verify-email', async () => {
    expect(await landing(BOB)).toBe('/verify-email?next=%2Fprofile');
  });

  it('a failed callback goes to the app’s /login-failed page with the error code', async () => {
    const res = await fetch(new URL('/auth/callback?state=unknown&code=x', appUrl), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login-failed?reason=missing_transaction');
  });
});
