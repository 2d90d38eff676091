import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  REDIRECT_URI,
  authorizeUrl,
  claims,
  codeFlow,
  pkce,
  start,
  token,
} from './support.js';

describe('authorization code grant', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('serves discovery with Auth0 endpoint paths', async () => {
    const response = await fetch(new URL('.well-known/openid-configuration', em.issuer));
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      issuer: em.issuer,
      authorization_endpoint: `${em.issuer}authorize`,
      token_endpoint: `${em.issuer}oauth/token`,
      jwks_uri: `${em.issuer}.well-known/jwks.json`,
      end_session_endpoint: `${em.issuer}oidc/logout`,
      pushed_authorization_request_endpoint: `${em.issuer}oauth/par`,
      revocation_endpoint: `${em.issuer}oauth/revoke`,
      userinfo_endpoint: `${em.issuer}userinfo`,
    });
  });

  it('logs in through the HTML form and returns code and state to the redirect_uri', async () => {
    const { challenge } = pkce();
    const redirect = await em.login(
      authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz' }),
      { email: 'alice@example.com', password: 'Passw0rd!' },
    );
    const url = new URL(redirect);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get('state')).toBe('xyz');
    expect(url.searchParams.get('code')).toBeTruthy();
  });

  it('issues an ID token with sid, auth_time, amr ["pwd"] and acr', async () => {
    const body = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid email' },
    );
    const idToken = claims(body.id_token);
    expect(idToken).toMatchObject({
      sub: 'auth0|alice',
      aud: CLIENT_ID,
      email: 'alice@example.com',
      amr: ['pwd'],
    });
    expect(idToken.sid).toEqual(expect.any(String));
    expect(idToken.auth_time).toEqual(expect.any(Number));
    expect(idToken.acr).toEqual(expect.any(String));
  });

  it('gives a JWT access token for the requested audience', async () => {
    const body = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { audience: API, scope: 'openid read:data' },
    );
    expect(claims(body.access_token)).toMatchObject({ aud: API, sub: 'auth0|alice', scope: 'read:data' });
  });

  it('issues a refresh token for offline_access', async () => {
    const body = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
    );
    expect(body.refresh_token).toEqual(expect.any(String));
  });

  it('rejects a code exchange without the PKCE code_verifier with 403 invalid_grant, as Auth0 does', async () => {
    const { challenge } = pkce();
    const redirect = await em.login(
      authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256' }),
      {
        email: 'alice@example.com',
        password: 'Passw0rd!',
      },
    );
    const code = new URL(redirect).searchParams.get('code') ?? '';
    const { status, body } = await token(em, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(status).toBe(403);
    expect(body.error).toBe('invalid_grant');
  });

  it('refuses an authorization request without code_challenge', async () => {
    const response = await fetch(authorizeUrl(em, {}), { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('shows an error on the form for a wrong password', async () => {
    const { challenge } = pkce();
    await expect(
      em.login(authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256' }), {
        email: 'alice@example.com',
        password: 'wrong',
      }),
    ).rejects.toThrow('Wrong email or password.');
  });
});
