import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { CLIENT_ID, logoutClient, claims, codeFlow, start, token, startRelyingParty } from './support.js';

describe('logout', () => {
  let em: Emulator;
  let relyingParty: Awaited<ReturnType<typeof startRelyingParty>>;
  let received: string[] = [];

  beforeAll(async () => {
    // A relying party on loopback: the emulator must be allowed to deliver logout tokens to it.
    relyingParty = await startRelyingParty();
    received = relyingParty.received;
    em = await start({
      clients: [logoutClient(relyingParty.backchannelUri, 'http://127.0.0.1:3000/')],
    });
  });
  afterAll(async () => {
    await em.close();
    await relyingParty.close();
  });

  it('/v2/logout ends the session, delivers a valid back-channel logout token and redirects to returnTo', async () => {
    const jar = new CookieJar();
    const tokens = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
      { jar },
    );
    const sid = claims(tokens.id_token).sid;

    const url = new URL('v2/logout', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('returnTo', 'http://127.0.0.1:3000/');
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:3000/');

    const logoutToken = received.at(-1) ?? '';
    const { payload } = await jwtVerify(
      logoutToken,
      createRemoteJWKSet(new URL('.well-known/jwks.json', em.issuer)),
      {
        issuer: em.issuer,
        audience: CLIENT_ID,
      },
    );
    expect(payload).toMatchObject({
      sub: 'auth0|alice',
      sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });

    // The session's grant is revoked with it.
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    });
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('/v2/logout refuses a returnTo that is not an allowed logout URL', async () => {
    const url = new URL('v2/logout', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('returnTo', 'https://evil.example.com/');
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });

  it('/oidc/logout without id_token_hint asks for confirmation with a real form, then redirects to post_logout_redirect_uri', async () => {
    const jar = new CookieJar();
    await codeFlow(em, { email: 'alice@example.com', password: 'Passw0rd!' }, {}, { jar });
    const url = new URL('oidc/logout', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:3000/');
    url.searchParams.set('state', 'bye');
    const page = await fetch(url, { headers: { cookie: jar.header() } });
    jar.store(page);
    const html = await page.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirmed = await fetch(new URL(action, em.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.headers.get('location')).toBe('http://127.0.0.1:3000/?state=bye');
  });
});
