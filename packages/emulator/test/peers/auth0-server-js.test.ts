import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { CookieJar, localhostFetch } from 'auth0-emulator';
import { startPeerSetup } from './child.js';
import type { PeerApp, PeerSetup } from './child.js';

// The peer SDK insists on an https domain: it runs in its own process against the emulator over
// HTTPS, trusting the emulator's CA through NODE_EXTRA_CA_CERTS as a developer would.
const CLIENT = { id: 'peer-app', secret: 'peer-app-secret-at-least-32-characters' };
const STEP_UP_API = 'https://bank.example.com';

let em: Emulator;
let app: PeerApp;
let setup: PeerSetup | undefined;

beforeAll(async () => {
  setup = await startPeerSetup(
    'server-js-app.mjs',
    (origin) => ({
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${origin}/callback`],
          post_logout_redirect_uris: [`${origin}/`],
        },
      ],
      users: [
        { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!', name: 'Alice' },
        {
          user_id: 'auth0|dora',
          email: 'dora@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'sms', phone_number: '+15550100100' }],
        },
      ],
      apis: [{ audience: STEP_UP_API, scopes: ['transfer'], mfa: 'required' }],
    }),
    (emulator) => ({
      DOMAIN: new URL(emulator.issuer).host,
      CLIENT_ID: CLIENT.id,
      CLIENT_SECRET: CLIENT.secret,
    }),
  );
  ({ em, app } = setup);
}, 60_000);
afterAll(() => setup?.close());

/** The peer's login: its authorize URL, the emulator's pages, its callback. */
async function logIn(email: string): Promise<Record<string, unknown>> {
  const start = await app.get('/login');
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const authorize = String(start.body.redirect);
  expect(authorize.startsWith(`${em.issuer}authorize?`)).toBe(true);
  expect(new URL(authorize).hostname).toBe('tenant.localhost');
  const callback = await em.login(authorize, { email, password: 'Passw0rd!' });
  const done = await app.get(new URL(callback).pathname + new URL(callback).search);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body;
}

describe('@auth0/auth0-server-js against auth0-emulator --https', () => {
  it('logs in, refreshes an expired access token, and logs out through /oidc/logout', async () => {
    expect(await logIn('alice@example.com')).toMatchObject({
      user: { sub: 'auth0|alice', name: 'Alice', email: 'alice@example.com' },
    });
    const first = await app.get('/token');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = em.stats().refresh_token ?? 0;
    await app.get('/expire');
    const second = await app.get('/token');
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.accessToken).not.toBe(first.body.accessToken);
    expect(em.stats().refresh_token).toBe(before + 1);

    const logout = await app.get('/logout');
    expect((await app.get('/user')).body).toEqual({ user: null });
    // The browser then visits the emulator's end-session endpoint. Without id_token_hint Auth0 asks the
    // user to confirm (its logout prompt); once confirmed, the browser goes back to the app.
    const url = new URL(String(logout.body.redirect));
    expect(url.href.startsWith(`${em.issuer}oidc/logout?`)).toBe(true);
    const browser = localhostFetch({ ca: readFileSync(em.caFile ?? '', 'utf8') });
    const jar = new CookieJar();
    const page = await browser(url, { headers: { cookie: jar.header() } });
    jar.store(page);
    const html = await page.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirmed = await browser(new URL(action, em.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.headers.get('location')).toBe(`${app.origin}/`);
  });

  it('steps up with its MFA client: mfa_required on refresh, list, challenge by SMS, verify', async () => {
    await logIn('dora@example.com');
    const refused = await app.get(`/token?audience=${encodeURIComponent(STEP_UP_API)}`);
    expect(refused.body).toMatchObject({ cause: 'mfa_required' });
    const mfaToken = String(refused.body.mfaToken);

    const listed = await app.get(`/mfa/authenticators?mfa_token=${encodeURIComponent(mfaToken)}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const authenticators = Array.isArray(listed.body.authenticators) ? listed.body.authenticators : [];
    // The peer maps `oob_channels` (an array some documents show), not `oob_channel`: the id says sms.
    const sms = authenticators.find(
      (a: unknown) => typeof a === 'object' && a !== null && 'id' in a && String(a.id).startsWith('sms|'),
    );
    expect(sms, JSON.stringify(authenticators)).toBeDefined();

    const challenge = await app.get(
      `/mfa/challenge?mfa_token=${encodeURIComponent(mfaToken)}&authenticator_id=${encodeURIComponent(String(sms?.id))}`,
    );
    expect(challenge.status, JSON.stringify(challenge.body)).toBe(200);
    const code = em.mfa.outbox().at(-1)?.code ?? '';
    const verified = await app.get(
      `/mfa/verify?mfa_token=${encodeURIComponent(mfaToken)}&oob_code=${encodeURIComponent(String(challenge.body.oobCode))}&binding_code=${code}`,
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(typeof verified.body.accessToken).toBe('string');
  });
});
