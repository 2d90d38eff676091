import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { STEP_UP_API, jwtClient, start } from './support.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('private_key_jwt at the MFA API', () => {
  let em: Emulator;
  let jwt: Awaited<ReturnType<typeof jwtClient>>;
  beforeAll(async () => {
    jwt = await jwtClient();
    em = await start({ clients: [jwt.client] });
  });
  afterAll(() => em.close());

  /** An assertion with the given claims; `undefined` leaves a claim out. */
  function assertion(claims: { exp?: number; iat?: number; jti?: string }): Promise<string> {
    const token = jwt.assertion(em.issuer);
    if (claims.exp !== undefined) token.setExpirationTime(claims.exp);
    if (claims.iat !== undefined) token.setIssuedAt(claims.iat);
    if (claims.jti !== undefined) token.setJti(claims.jti);
    return token.sign(jwt.privateKey);
  }

  const now = () => Math.floor(Date.now() / 1000);
  const fresh = () => ({ exp: now() + 60, iat: now(), jti: crypto.randomUUID() });

  /** POST /mfa/challenge with an unknown mfa_token: 401 when the client is refused, 403 once it is accepted. */
  async function challenge(clientAssertion: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(new URL('mfa/challenge', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'jwt',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: clientAssertion,
        mfa_token: 'not-a-token',
      }),
    });
    return { status: response.status, body: await response.json() };
  }

  it('accepts a fresh assertion with exp, iat and jti', async () => {
    expect((await challenge(await assertion(fresh()))).status).toBe(403);
  });

  it('accepts an assertion without iat', async () => {
    expect((await challenge(await assertion({ ...fresh(), iat: undefined }))).status).toBe(403);
  });

  // exp and iat as offsets from now in seconds; null leaves the claim out.
  const refused: Array<[string, { exp?: number | null; iat?: number; jti?: null }]> = [
    ['without exp', { exp: null }],
    ['without jti', { jti: null }],
    ['expiring more than 5 minutes ahead', { exp: 3600 }],
    ['issued more than 5 minutes ago', { iat: -600 }],
    ['expired', { iat: -120, exp: -60 }],
  ];
  it.each(refused)('refuses an assertion %s with 401 invalid_client', async (_name, change) => {
    const claims = fresh();
    const answer = await challenge(
      await assertion({
        iat: claims.iat + (change.iat ?? 0),
        ...(change.exp === null ? {} : { exp: claims.iat + (change.exp ?? 60) }),
        ...(change.jti === null ? {} : { jti: claims.jti }),
      }),
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a replayed assertion (the same jti twice)', async () => {
    const once = await assertion(fresh());
    expect((await challenge(once)).status).toBe(403);
    const again = await challenge(once);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({
      error: 'invalid_client',
      error_description: 'client assertion was already used',
    });
  });

  it('refuses a replayed assertion at /mfa/associate too', async () => {
    const once = await assertion(fresh());
    expect((await challenge(once)).status).toBe(403);
    const response = await fetch(new URL('mfa/associate', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({
        client_id: 'jwt',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: once,
        authenticator_types: ['otp'],
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  /** A token request from client `jwt` with the given assertion. */
  async function tokenRequest(clientAssertion: string, params: Record<string, string>) {
    const response = await fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'jwt',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: clientAssertion,
        ...params,
      }).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('the step-up front of /oauth/token refuses a replayed or long-lived assertion instead of passing the refresh on', async () => {
    const login = await tokenRequest(await assertion(fresh()), {
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      scope: 'openid offline_access',
      audience: STEP_UP_API,
    });
    expect(login.status).toBe(200);
    const refresh = {
      grant_type: 'refresh_token',
      refresh_token: String(login.body.refresh_token),
      audience: STEP_UP_API,
    };
    const once = await assertion(fresh());
    expect((await tokenRequest(once, refresh)).body.error).toBe('mfa_required');
    const replayed = await tokenRequest(once, refresh);
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('invalid_client');
    const longLived = await tokenRequest(await assertion({ ...fresh(), exp: now() + 3600 }), refresh);
    expect(longLived.status).toBe(401);
    expect(longLived.body).not.toHaveProperty('access_token');
  });
});
