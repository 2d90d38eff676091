import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { CookieJar, defaultConfig } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';
import {
  authorizeUrl,
  baseConfig,
  claims,
  field,
  isRecord,
  mfaApi,
  mfaToken,
  pkce,
  start,
  token,
} from './support.js';
import { M2M, managementCall, managementToken as managementTokenOf } from './management-support.js';

const CONNECTION = 'Username-Password-Authentication';

let em: Emulator;
let accessToken: string;

const managementToken = (client = M2M) => managementTokenOf(em, client);
const api = (method: string, path: string, body?: unknown, bearer: string | undefined = accessToken) =>
  managementCall(em, bearer, method, path, body);

const passwordGrant = (username: string, password = 'Passw0rd!') =>
  token(em, { grant_type: 'password', username, password, scope: 'openid' });

beforeAll(async () => {
  const config = baseConfig();
  em = await start({
    clients: [...(config.clients ?? []), { ...M2M, redirect_uris: [], management_api: true }],
  });
  const { status, body } = await managementToken();
  expect(status).toBe(200);
  accessToken = field(body, 'access_token');
});
afterAll(() => em.close());
beforeEach(() => em.reset());

describe('Management API tokens', () => {
  it('client_credentials gives a management_api client a token for {issuer}api/v2/ with the subset scopes', () => {
    expect(claims(accessToken)).toMatchObject({ aud: `${em.issuer}api/v2/`, client_id: 'm2m' });
    expect(String(claims(accessToken).scope).split(' ')).toEqual(
      expect.arrayContaining(['read:users', 'create:users', 'delete:authentication_methods']),
    );
  });

  it('refuses a client without the grant', async () => {
    const { status, body } = await managementToken({
      client_id: 'app',
      client_secret: 'app-secret-at-least-32-characters!!',
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body.error).toBe('access_denied');
  });

  it('answers 401 without a token, and for a token of another audience, in the v2 error shape', async () => {
    expect(await api('GET', 'users', undefined, '')).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' },
    });
    const other = await token(em, {
      grant_type: 'client_credentials',
      audience: 'https://api.example.com',
      scope: 'read:data',
    });
    const answer = await api('GET', 'users', undefined, field(other.body, 'access_token'));
    expect(answer).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' },
    });
  });

  it('answers 404 in the v2 shape for an endpoint outside the subset (roles)', async () => {
    expect(await api('GET', 'roles')).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Not Found' },
    });
  });
});

describe('the default configuration', () => {
  it('has a machine-to-machine client that gets a Management API token', async () => {
    const tenant = await startTestEmulator(defaultConfig);
    try {
      const client = defaultConfig.clients.find((c) => c.client_id === 'emulator-m2m');
      const answer = await fetch(new URL('oauth/token', tenant.issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: client?.client_id,
          client_secret: client?.client_secret,
          audience: `${tenant.issuer}api/v2/`,
        }),
      });
      expect(answer.status).toBe(200);
    } finally {
      await tenant.close();
    }
  });
});

describe('users', () => {
  it('POST /users creates a user who can log in; GET reads it back', async () => {
    const created = await api('POST', 'users', {
      connection: CONNECTION,
      email: 'dave@example.com',
      password: 'Secr3t!pass',
      user_id: 'dave',
      email_verified: true,
      app_metadata: { plan: 'pro' },
      user_metadata: { theme: 'dark' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      user_id: 'auth0|dave',
      email: 'dave@example.com',
      email_verified: true,
      app_metadata: { plan: 'pro' },
      user_metadata: { theme: 'dark' },
      identities: [{ connection: CONNECTION, provider: 'auth0', user_id: 'dave', isSocial: false }],
    });
    expect(JSON.stringify(created.body)).not.toContain('Secr3t');
    expect((await api('GET', 'users/auth0%7Cdave')).body).toEqual(created.body);
    const login = await token(em, {
      grant_type: 'password',
      username: 'dave@example.com',
      password: 'Secr3t!pass',
      scope: 'openid email',
    });
    expect(login.status).toBe(200);
    expect(claims(login.body.id_token)).toMatchObject({ sub: 'auth0|dave', email_verified: true });
  });

  it('POST /users answers 409 for a taken email and 400 for a missing or unknown property', async () => {
    const taken = await api('POST', 'users', {
      connection: CONNECTION,
      email: 'alice@example.com',
      password: 'x1!Aaaaa',
    });
    expect(taken).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'The user already exists.',
        errorCode: 'auth0_idp_error',
      },
    });
    expect(await api('POST', 'users', { email: 'e@example.com', password: 'x1!Aaaaa' })).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: "Payload validation error: 'Missing required property: connection'.",
        errorCode: 'invalid_body',
      },
    });
    const unknown = await api('POST', 'users', {
      connection: CONNECTION,
      email: 'e@example.com',
      password: 'p',
      mfa: 'x',
    });
    expect(unknown.body).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' });
    const wrongConnection = await api('POST', 'users', {
      connection: 'other',
      email: 'e@example.com',
      password: 'p',
    });
    expect(wrongConnection.body).toMatchObject({ statusCode: 400, errorCode: 'inexistent_connection' });
  });

  it('PATCH merges metadata (null removes a property) and changes the password', async () => {
    await api('PATCH', 'users/auth0%7Calice', { app_metadata: { plan: 'free', roles: ['a'] } });
    const patched = await api('PATCH', 'users/auth0%7Calice', {
      app_metadata: { plan: 'pro', roles: null },
      user_metadata: { lang: 'fr' },
      password: 'N3w-password!',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ app_metadata: { plan: 'pro' }, user_metadata: { lang: 'fr' } });
    expect((await passwordGrant('alice@example.com')).status).toBe(403);
    expect((await passwordGrant('alice@example.com', 'N3w-password!')).status).toBe(200);
  });

  it('a blocked user cannot log in: the password grant says so, and so does the login page', async () => {
    expect((await api('PATCH', 'users/auth0%7Calice', { blocked: true })).body).toMatchObject({
      blocked: true,
    });
    expect(await passwordGrant('alice@example.com')).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', error_description: 'user is blocked' },
    });
    const { challenge } = pkce();
    await expect(
      em.login(authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256' }), {
        email: 'alice@example.com',
        password: 'Passw0rd!',
        jar: new CookieJar(),
      }),
    ).rejects.toThrow(/blocked/);
    await api('PATCH', 'users/auth0%7Calice', { blocked: false });
    expect((await passwordGrant('alice@example.com')).status).toBe(200);
  });

  it('DELETE removes the user: 204, then 404 in the v2 shape, and no login', async () => {
    expect((await api('DELETE', 'users/auth0%7Calice')).status).toBe(204);
    expect(await api('GET', 'users/auth0%7Calice')).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      },
    });
    expect((await passwordGrant('alice@example.com')).status).toBe(403);
  });

  it('GET /users-by-email finds a user whatever the case', async () => {
    const { body } = await api('GET', 'users-by-email?email=Alice%40example.com');
    expect(Array.isArray(body) && body.map((u) => (isRecord(u) ? u.user_id : undefined))).toEqual([
      'auth0|alice',
    ]);
  });
});

describe('authentication methods', () => {
  it('lists a user’s factors, and a deleted one is gone from /mfa/authenticators', async () => {
    const listed = await api('GET', 'users/auth0%7Ccarol/authentication-methods');
    expect(listed.status).toBe(200);
    const methods = Array.isArray(listed.body) ? listed.body.filter(isRecord) : [];
    expect(methods.map((m) => m.type).sort()).toEqual(['recovery-code', 'totp']);
    const totp = methods.find((m) => m.type === 'totp');
    expect(totp).toMatchObject({ confirmed: true });

    expect(
      (
        await api(
          'DELETE',
          `users/auth0%7Ccarol/authentication-methods/${encodeURIComponent(String(totp?.id))}`,
        )
      ).status,
    ).toBe(204);
    const after = await mfaApi(em, 'mfa/authenticators', { bearer: await mfaToken(em, 'carol@example.com') });
    expect(
      Array.isArray(after.body) && after.body.map((a) => (isRecord(a) ? a.id : undefined)),
    ).not.toContain(totp?.id);
    expect(
      (await api('DELETE', 'users/auth0%7Ccarol/authentication-methods/totp%7Cdev_nope')).body,
    ).toMatchObject({
      statusCode: 404,
    });
  });
});

describe('POST /__dev/reset', () => {
  it('returns to the configuration: created users gone, deleted ones and their factors back', async () => {
    await api('POST', 'users', {
      connection: CONNECTION,
      email: 'eve@example.com',
      password: 'p4ss!Word',
      user_id: 'eve',
    });
    await api('DELETE', 'users/auth0%7Ccarol');
    const response = await fetch(new URL('__dev/reset', em.issuer), { method: 'POST' });
    expect(response.status).toBe(204);
    expect((await api('GET', 'users/auth0%7Ceve')).status).toBe(404);
    const methods = await api('GET', 'users/auth0%7Ccarol/authentication-methods');
    expect(Array.isArray(methods.body) && methods.body.length).toBe(2);
    // The Management API token of before the reset still works: keys and issuer stay.
    expect((await api('GET', 'users')).status).toBe(200);
  });
});
