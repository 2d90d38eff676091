import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, claims, start, token } from './support.js';

describe('password and password-realm grants', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('password issues ID, access and refresh tokens with amr ["pwd"]', async () => {
    const { status, body } = await token(em, {
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      scope: 'openid email offline_access',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      refresh_token: expect.any(String),
    });
    expect(claims(body.id_token)).toMatchObject({
      sub: 'auth0|alice',
      email: 'alice@example.com',
      amr: ['pwd'],
      sid: expect.any(String),
    });
  });

  it('password-realm requires a realm and honours audience', async () => {
    const missing = await token(em, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      username: 'alice@example.com',
      password: 'Passw0rd!',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const { status, body } = await token(em, {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      realm: 'Username-Password-Authentication',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      audience: API,
      scope: 'openid read:data',
    });
    expect(status).toBe(200);
    expect(claims(body.access_token)).toMatchObject({ aud: API, scope: 'read:data' });
  });

  it('answers a wrong password with 403 invalid_grant', async () => {
    const { status, body } = await token(em, {
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'nope',
    });
    expect(status).toBe(403);
    expect(body.error).toBe('invalid_grant');
  });

  it('answers 403 mfa_required with an mfa_token for a user with mfa "required"', async () => {
    const { status, body } = await token(em, {
      grant_type: 'password',
      username: 'carol@example.com',
      password: 'Passw0rd!',
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({
      error: 'mfa_required',
      mfa_token: expect.any(String),
      mfa_requirements: { challenge: expect.any(Array) },
    });
  });

  it('accepts JSON bodies at /oauth/token, like Auth0', async () => {
    const { status, body } = await token(
      em,
      { grant_type: 'password', username: 'alice@example.com', password: 'Passw0rd!', scope: 'openid' },
      { json: true },
    );
    expect(status).toBe(200);
    expect(body.id_token).toEqual(expect.any(String));
  });

  it('answers an unparsable body with 400 invalid_request', async () => {
    const response = await fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('counts token requests per grant_type in stats() and GET /__dev/stats', async () => {
    const before = em.stats().password ?? 0;
    await token(em, { grant_type: 'password', username: 'alice@example.com', password: 'Passw0rd!' });
    expect(em.stats().password).toBe(before + 1);
    const served: unknown = await (await fetch(new URL('__dev/stats', em.issuer))).json();
    expect(served).toMatchObject({ password: before + 1 });
  });
});
