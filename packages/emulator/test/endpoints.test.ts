import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, CLIENT_ID, CLIENT_SECRET, claims, codeFlow, pkce, start, token } from './support.js';

describe('PAR, userinfo, revocation and token lifetimes', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({ ttl: { accessToken: 120, idToken: 90 } });
  });
  afterAll(() => em.close());

  const form = (params: Record<string, string>) =>
    new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...params }).toString();

  it('accepts a pushed authorization request with audience and logs in with its request_uri', async () => {
    const { challenge } = pkce();
    const response = await fetch(new URL('oauth/par', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1:3000/auth/callback',
        scope: 'openid read:data',
        audience: API,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    });
    expect(response.status).toBe(201);
    const body: unknown = await response.json();
    const requestUri =
      typeof body === 'object' && body !== null && 'request_uri' in body ? String(body.request_uri) : '';
    const url = new URL('authorize', em.issuer);
    url.searchParams.set('client_id', CLIENT_ID);
    url.searchParams.set('request_uri', requestUri);
    const redirect = await em.login(url.href, { email: 'alice@example.com', password: 'Passw0rd!' });
    expect(new URL(redirect).searchParams.get('code')).toBeTruthy();
  });

  it('serves /userinfo for an access token without audience', async () => {
    const { access_token } = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid email' },
    );
    const response = await fetch(new URL('userinfo', em.issuer), {
      headers: { authorization: `Bearer ${String(access_token)}` },
    });
    expect(await response.json()).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
  });

  it('revokes a refresh token at /oauth/revoke', async () => {
    const { refresh_token } = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
    );
    const revoked = await fetch(new URL('oauth/revoke', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ token: String(refresh_token) }),
    });
    expect(revoked.status).toBe(200);
    const { status } = await token(em, { grant_type: 'refresh_token', refresh_token: String(refresh_token) });
    expect(status).toBe(403);
  });

  it('applies the configured access and ID token lifetimes', async () => {
    const { body } = await token(em, {
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      audience: API,
      scope: 'openid',
    });
    expect(body.expires_in).toBe(120);
    const id = claims(body.id_token);
    expect(Number(id.exp) - Number(id.iat)).toBe(90);
  });

  it('publishes the signing keys at /.well-known/jwks.json', async () => {
    const jwks: unknown = await (await fetch(new URL('.well-known/jwks.json', em.issuer))).json();
    expect(jwks).toMatchObject({ keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig' }] });
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });
});
