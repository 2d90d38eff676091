import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import {
  CLIENT_ID,
  logoutClient,
  REDIRECT_URI,
  codeFlow,
  start,
  token,
  startRelyingParty,
} from './support.js';

const RETURN = 'http://127.0.0.1:3000/';

function logoutUrl(em: Emulator, params: Record<string, string>): URL {
  const url = new URL('oidc/logout', em.issuer);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

/** The session cookie still identifies a logged-in user when /authorize skips the login page. */
async function sessionAlive(em: Emulator, jar: CookieJar): Promise<boolean> {
  const url = new URL('authorize', em.issuer);
  for (const [key, value] of Object.entries({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
    prompt: 'none',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(key, value);
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  const location = new URL(response.headers.get('location') ?? '', em.issuer);
  return location.searchParams.has('code');
}

describe('/oidc/logout with id_token_hint (no confirmation page, as Auth0)', () => {
  let em: Emulator;
  let relyingParty: Awaited<ReturnType<typeof startRelyingParty>>;
  let received: string[] = [];

  beforeAll(async () => {
    // A relying party on loopback: the emulator must be allowed to deliver logout tokens to it.
    relyingParty = await startRelyingParty();
    received = relyingParty.received;
    em = await start({
      clients: [
        logoutClient(relyingParty.backchannelUri, RETURN),
        {
          client_id: 'other',
          client_secret: 'other-secret-at-least-32-characters!!',
          redirect_uris: ['http://127.0.0.1:3001/callback'],
          post_logout_redirect_uris: ['http://127.0.0.1:3001/'],
        },
      ],
    });
  });
  afterAll(async () => {
    await em.close();
    await relyingParty.close();
  });

  it('ends the session and redirects to post_logout_redirect_uri with state at once', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
      { jar },
    );
    expect(await sessionAlive(em, jar)).toBe(true);
    const before = received.length;

    const response = await fetch(
      logoutUrl(em, {
        id_token_hint: String(tokens.id_token),
        post_logout_redirect_uri: RETURN,
        state: 'bye',
      }),
      { redirect: 'manual', headers: { cookie: jar.header() } },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${RETURN}?state=bye`);
    jar.store(response);

    expect(await sessionAlive(em, jar)).toBe(false);
    expect(received.length).toBe(before + 1);
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    });
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('without post_logout_redirect_uri shows the signed-out page', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(em, { email: 'alice@example.com', password: 'Passw0rd!' }, {}, { jar });
    const response = await fetch(logoutUrl(em, { id_token_hint: String(tokens.id_token) }), {
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You are signed out.');
    jar.store(response);
    expect(await sessionAlive(em, jar)).toBe(false);
  });

  it('a tampered id_token_hint gets oidc-provider’s refusal, and the session stays', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(em, { email: 'alice@example.com', password: 'Passw0rd!' }, {}, { jar });
    const [header, payload] = String(tokens.id_token).split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const response = await fetch(logoutUrl(em, { id_token_hint: forged, post_logout_redirect_uri: RETURN }), {
      redirect: 'manual',
      headers: { cookie: jar.header(), accept: 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await sessionAlive(em, jar)).toBe(true);
  });

  it('an id_token_hint of another client than client_id does not sign out', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(em, { email: 'alice@example.com', password: 'Passw0rd!' }, {}, { jar });
    const response = await fetch(
      logoutUrl(em, { id_token_hint: String(tokens.id_token), client_id: 'other' }),
      { redirect: 'manual', headers: { cookie: jar.header(), accept: 'application/json' } },
    );
    expect(response.status).toBe(400);
    expect(await sessionAlive(em, jar)).toBe(true);
  });

  it('an unregistered post_logout_redirect_uri is refused, naming the value sent and the registered ones', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(em, { email: 'alice@example.com', password: 'Passw0rd!' }, {}, { jar });
    const response = await fetch(
      logoutUrl(em, {
        id_token_hint: String(tokens.id_token),
        post_logout_redirect_uri: 'http://127.0.0.1:3000',
      }),
      { redirect: 'manual', headers: { cookie: jar.header(), accept: 'text/html' } },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<code data-sent>http://127.0.0.1:3000</code>');
    expect(html).toContain(`<li><code>${RETURN}</code></li>`);
    expect(await sessionAlive(em, jar)).toBe(true);
  });
});
