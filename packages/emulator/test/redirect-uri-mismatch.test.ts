import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, defaultConfig } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { printable } from '../src/provider/uri-mismatch.js';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, authorizeUrl, pkce, start } from './support.js';
import { startTestEmulator } from '../../../test/emulator.js';

describe('a redirect URI that is not registered', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('/authorize in a browser: the page names the redirect_uri sent and the registered ones, escaped', async () => {
    const sent = 'http://127.0.0.1:3000/callback?x=<b>"y"</b>';
    const response = await fetch(
      authorizeUrl(em, {
        redirect_uri: sent,
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
      }),
      { headers: { accept: 'text/html' }, redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h1>Redirect URI not registered</h1>');
    expect(html).toContain(`The redirect_uri sent is not registered for the client ${CLIENT_ID}.`);
    expect(html).toContain(
      '<code data-sent>http://127.0.0.1:3000/callback?x=&lt;b&gt;&quot;y&quot;&lt;/b&gt;</code>',
    );
    expect(html).not.toContain('<b>"y"</b>');
    expect(html).toContain(`<li><code>${REDIRECT_URI}</code></li>`);
  });

  it('error descriptions keep only printable ASCII (RFC 6749), the rest percent-encoded', () => {
    expect(printable('http://x/ä "q"\\')).toBe('http://x/%C3%A4%20%22q%22%5C');
  });

  it('/oauth/par: error_description names both', async () => {
    const response = await fetch(new URL('oauth/par', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: 'http://localhost:3000/auth/callback',
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
      }),
    });
    expect(response.status).toBe(400);
    const body: Record<string, unknown> = await response.json();
    expect(body.error_description).toBe(
      `redirect_uri http://localhost:3000/auth/callback is not registered for client ${CLIENT_ID}; registered: ${REDIRECT_URI}`,
    );
  });

  it('/oidc/logout (JSON): error_description names the post_logout_redirect_uri sent and the registered ones', async () => {
    const url = new URL('oidc/logout', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:3000');
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: `post_logout_redirect_uri http://127.0.0.1:3000 is not registered for client ${CLIENT_ID}; registered: http://127.0.0.1:3000/`,
    });
  });

  it('/v2/logout: the page names the returnTo sent and the client’s logout URLs', async () => {
    const url = new URL('v2/logout', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('returnTo', 'http://127.0.0.1:3000');
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`returnTo is not an allowed logout URL of the client ${CLIENT_ID}.`);
    expect(html).toContain('<code data-sent>http://127.0.0.1:3000</code>');
    expect(html).toContain('<li><code>http://127.0.0.1:3000/</code></li>');
  });
});

describe('the default configuration’s logout URLs', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await startTestEmulator(defaultConfig);
  });
  afterAll(() => em.close());

  const client = defaultConfig.clients[0];
  for (const returnTo of [
    'http://localhost:3000',
    'http://localhost:3000/',
    'http://127.0.0.1:3000',
    'http://127.0.0.1:3000/',
  ]) {
    it(`/v2/logout accepts returnTo ${returnTo}`, async () => {
      const url = new URL('v2/logout', em.issuer);
      url.searchParams.set('client_id', client?.client_id ?? '');
      url.searchParams.set('returnTo', returnTo);
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(returnTo);
    });
  }

  it('/oidc/logout with id_token_hint accepts post_logout_redirect_uri http://localhost:3000 (the quick start’s)', async () => {
    const jar = new CookieJar();
    const { verifier, challenge } = pkce();
    const redirect = await em.login(
      authorizeUrl(em, {
        client_id: client?.client_id ?? '',
        redirect_uri: 'http://localhost:3000/auth/callback',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      { email: 'alice@example.com', password: 'Passw0rd!', jar },
    );
    const exchanged = await fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: client?.client_id ?? '',
        client_secret: client?.client_secret ?? '',
        code: new URL(redirect).searchParams.get('code') ?? '',
        redirect_uri: 'http://localhost:3000/auth/callback',
        code_verifier: verifier,
      }),
    });
    const { id_token: idToken } = (await exchanged.json()) as { id_token: string };
    const url = new URL('oidc/logout', em.issuer);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', 'http://localhost:3000');
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000');
  });
});
