import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  GRANTS,
  MFA_ACR,
  REDIRECT_URI,
  STEP_UP_API,
  claims,
  codeFlow,
  field,
  mfaApi,
  pkce,
  start,
  token,
} from './support.js';

const DAN_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** Users without `mfa: "required"`; the API alone asks for the second factor. */
const users = ['ann', 'dan', 'hal', 'ivy', 'joe'].map((name) => ({
  user_id: `auth0|${name}`,
  email: `${name}@example.com`,
  password: 'Passw0rd!',
  ...(name === 'dan' ? { authenticators: [{ type: 'otp' as const, secret: DAN_SECRET }] } : {}),
}));

describe('an API with mfa "always" asks every user grant for MFA, whatever the user\'s mfa', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users,
      apis: [
        { audience: API, scopes: ['read:data'] },
        { audience: STEP_UP_API, scopes: ['transfer'], mfa: 'always' },
      ],
    });
  });
  afterAll(() => em.close());

  const password = (email: string, params: Record<string, string> = {}) =>
    token(em, {
      grant_type: 'password',
      username: email,
      password: 'Passw0rd!',
      scope: 'openid offline_access transfer',
      ...params,
    });

  it('password grant with that audience answers mfa_required; enrolling otp completes it with the API token', async () => {
    const answer = await password('ann@example.com', { audience: STEP_UP_API });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      error: 'mfa_required',
      mfa_token: expect.any(String),
      mfa_requirements: { enroll: expect.arrayContaining([{ type: 'otp' }]) },
    });
    const mfaToken = field(answer.body, 'mfa_token');
    const enrolled = await mfaApi(em, '/mfa/associate', {
      bearer: mfaToken,
      body: { authenticator_types: ['otp'] },
    });
    expect(enrolled.status).toBe(200);

    const { status, body } = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: mfaToken,
      otp: generateTotp(field(enrolled.body, 'secret')),
    });
    expect(status).toBe(200);
    expect(claims(body.access_token)).toMatchObject({ aud: STEP_UP_API, scope: 'transfer' });
    expect(claims(body.id_token)).toMatchObject({
      sub: 'auth0|ann',
      amr: expect.arrayContaining(['pwd', 'mfa']),
      acr: MFA_ACR,
    });

    // The grant passed MFA: refreshing for the API needs no step-up.
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: field(body, 'refresh_token'),
      audience: STEP_UP_API,
    });
    expect(refreshed.status).toBe(200);
  });

  it('password-realm with that audience challenges an enrolled factor', async () => {
    const answer = await password('dan@example.com', {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      realm: 'Username-Password-Authentication',
      audience: STEP_UP_API,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.mfa_requirements).toEqual({ challenge: expect.arrayContaining([{ type: 'otp' }]) });
    const { status, body } = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: field(answer.body, 'mfa_token'),
      otp: generateTotp(DAN_SECRET),
    });
    expect(status).toBe(200);
    expect(claims(body.access_token).aud).toBe(STEP_UP_API);
    expect(claims(body.id_token).amr).toContain('mfa');
  });

  it('the same users without that audience get tokens without MFA', async () => {
    for (const email of ['ann@example.com', 'dan@example.com']) {
      const { status, body } = await password(email);
      expect(status).toBe(200);
      expect(claims(body.id_token)).toMatchObject({ amr: ['pwd'] });
      expect(claims(body.id_token).acr).not.toBe(MFA_ACR);
    }
  });

  it('the HTML login with that audience asks to enroll, and the code gives MFA tokens that refresh without step-up', async () => {
    const { id_token, access_token, refresh_token } = await codeFlow(
      em,
      { email: 'hal@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access transfer', audience: STEP_UP_API },
    );
    expect(claims(id_token)).toMatchObject({ amr: expect.arrayContaining(['pwd', 'mfa']), acr: MFA_ACR });
    expect(claims(access_token)).toMatchObject({ aud: STEP_UP_API, scope: 'transfer' });

    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(refresh_token),
      audience: STEP_UP_API,
    });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body.access_token).aud).toBe(STEP_UP_API);
  });

  it('a browser session without MFA is asked for it again when a login asks for that audience', async () => {
    const jar = new CookieJar();
    const plain = await codeFlow(em, { email: 'ivy@example.com', password: 'Passw0rd!' }, {}, { jar });
    expect(claims(plain.id_token).amr).toEqual(['pwd']);

    const stepped = await codeFlow(
      em,
      { email: 'ivy@example.com', password: 'Passw0rd!' },
      { audience: STEP_UP_API },
      { jar },
    );
    expect(claims(stepped.id_token)).toMatchObject({ amr: expect.arrayContaining(['mfa']), acr: MFA_ACR });
  });

  it('a pushed authorization request with that audience asks for MFA too', async () => {
    const { verifier, challenge } = pkce();
    const pushed = await fetch(new URL('oauth/par', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        response_type: 'code',
        redirect_uri: REDIRECT_URI,
        scope: 'openid',
        audience: STEP_UP_API,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    });
    expect(pushed.status).toBe(201);
    const authorize = new URL('authorize', em.issuer);
    authorize.searchParams.set('client_id', CLIENT_ID);
    authorize.searchParams.set('request_uri', field(await pushed.json(), 'request_uri'));

    let enrolled = false;
    const redirect = await em.login(authorize.href, {
      email: 'joe@example.com',
      password: 'Passw0rd!',
      onRecoveryCode: () => {
        enrolled = true;
      },
    });
    expect(enrolled).toBe(true);
    const { status, body } = await token(em, {
      grant_type: 'authorization_code',
      code: new URL(redirect).searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    expect(status).toBe(200);
    expect(claims(body.access_token).aud).toBe(STEP_UP_API);
    expect(claims(body.id_token).amr).toContain('mfa');
  });

  it('client_credentials for that audience is unaffected (no user)', async () => {
    const { status, body } = await token(em, {
      grant_type: 'client_credentials',
      audience: STEP_UP_API,
      scope: 'transfer',
    });
    expect(status).toBe(200);
    expect(claims(body.access_token)).toMatchObject({ aud: STEP_UP_API, client_id: CLIENT_ID });
  });
});

describe('an API with mfa "required" steps up on refresh only, as the contract fixes it', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({ users });
  });
  afterAll(() => em.close());

  it('a password grant with that audience gets tokens, and the refresh for it answers mfa_required', async () => {
    const login = await token(em, {
      grant_type: 'password',
      username: 'ann@example.com',
      password: 'Passw0rd!',
      audience: STEP_UP_API,
      scope: 'openid offline_access transfer',
    });
    expect(login.status).toBe(200);
    expect(claims(field(login.body, 'id_token'))).toMatchObject({ amr: ['pwd'] });
    const refresh = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: field(login.body, 'refresh_token'),
      audience: STEP_UP_API,
    });
    expect(refresh.status).toBe(403);
    expect(refresh.body).toMatchObject({ error: 'mfa_required', mfa_token: expect.any(String) });
  });
});
