import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { API, GRANTS, STEP_UP_API, baseConfig, claims, codeFlow, field, start, token } from './support.js';

const REPORTS_API = 'https://reports.example.com';
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('multi-resource refresh tokens (refresh_token grant with another audience)', () => {
  let em: Emulator;
  beforeAll(async () => {
    const base = baseConfig();
    em = await start({
      users: [
        ...(base.users ?? []),
        {
          user_id: 'auth0|gil',
          email: 'gil@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'otp', secret: SECRET }],
        },
      ],
      apis: [...(base.apis ?? []), { audience: REPORTS_API, scopes: ['read:reports'] }],
    });
  });
  afterAll(() => em.close());

  const alice = { email: 'alice@example.com', password: 'Passw0rd!' };
  const refresh = (refreshToken: unknown, params: Record<string, string> = {}) =>
    token(em, { grant_type: 'refresh_token', refresh_token: String(refreshToken), ...params });

  /** The login's kind of access token when it had no audience: opaque, accepted by /userinfo. */
  async function expectUserinfoToken(accessToken: unknown): Promise<void> {
    expect(String(accessToken).split('.')).toHaveLength(1);
    const userinfo = await fetch(new URL('userinfo', em.issuer), {
      headers: { authorization: `Bearer ${String(accessToken)}` },
    });
    expect(userinfo.status).toBe(200);
  }

  it('a login without audience refreshes into an API token, and without audience back to its own kind, across rotations', async () => {
    const login = await codeFlow(em, alice, { scope: 'openid offline_access' });
    await expectUserinfoToken(login.access_token);

    const api = await refresh(login.refresh_token, { audience: API, scope: 'openid read:data' });
    expect(api.status).toBe(200);
    expect(claims(api.body.access_token)).toMatchObject({ aud: API, scope: 'read:data' });
    expect(api.body.refresh_token).not.toBe(login.refresh_token);

    let current = field(api.body, 'refresh_token');
    for (let round = 0; round < 3; round++) {
      const plain = await refresh(current);
      expect(plain.status).toBe(200);
      await expectUserinfoToken(plain.body.access_token);
      expect(claims(plain.body.id_token).sub).toBe('auth0|alice');

      const again = await refresh(field(plain.body, 'refresh_token'), { audience: API });
      expect(again.status).toBe(200);
      expect(claims(again.body.access_token)).toMatchObject({ aud: API, scope: 'read:data' });
      current = field(again.body, 'refresh_token');
    }
  });

  it('a login with one audience refreshes into another API and the MFA API, and without audience keeps the first', async () => {
    const login = await codeFlow(em, alice, { scope: 'openid offline_access read:data', audience: API });

    const reports = await refresh(login.refresh_token, {
      audience: REPORTS_API,
      scope: 'openid read:reports',
    });
    expect(reports.status).toBe(200);
    expect(claims(reports.body.access_token)).toMatchObject({
      aud: REPORTS_API,
      scope: 'read:reports',
    });

    const mfaApi = await refresh(reports.body.refresh_token, {
      audience: `${em.issuer}mfa/`,
      scope: 'read:authenticators',
    });
    expect(mfaApi.status).toBe(200);
    expect(claims(mfaApi.body.access_token)).toMatchObject({
      aud: `${em.issuer}mfa/`,
      scope: 'read:authenticators',
    });

    const plain = await refresh(mfaApi.body.refresh_token);
    expect(plain.status).toBe(200);
    expect(claims(plain.body.access_token)).toMatchObject({ aud: API, scope: 'read:data' });
  });

  it('refuses an audience that is not a configured API (400 invalid_target) and scopes it does not define, leaving the refresh token usable', async () => {
    const login = await codeFlow(em, alice, { scope: 'openid offline_access' });
    const unknown = await refresh(login.refresh_token, { audience: 'https://unknown.example.com' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_target');
    const foreignScope = await refresh(login.refresh_token, { audience: API, scope: 'read:reports' });
    expect(foreignScope.body.error).toBe('invalid_scope');
    expect((await refresh(login.refresh_token)).status).toBe(200);
  });

  it('keeps the login audience of each refresh token when one browser session logs in twice', async () => {
    const jar = new CookieJar();
    const first = await codeFlow(em, alice, { scope: 'openid offline_access' }, { jar });
    const second = await codeFlow(em, alice, { scope: 'openid offline_access', audience: API }, { jar });
    const extendedFirst = await refresh(first.refresh_token, { audience: REPORTS_API });
    const extendedSecond = await refresh(second.refresh_token, { audience: REPORTS_API });
    expect(claims(extendedSecond.body.access_token).aud).toBe(REPORTS_API);

    await expectUserinfoToken((await refresh(extendedFirst.body.refresh_token)).body.access_token);
    expect(claims((await refresh(extendedSecond.body.refresh_token)).body.access_token).aud).toBe(API);
  });

  it('steps up a login without audience that asks for an API with mfa "required", then serves it without MFA', async () => {
    const login = await codeFlow(
      em,
      { email: 'gil@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
    );
    const stepUp = await refresh(login.refresh_token, { audience: STEP_UP_API, scope: 'openid transfer' });
    expect(stepUp.status).toBe(403);
    expect(stepUp.body.error).toBe('mfa_required');

    const verified = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: field(stepUp.body, 'mfa_token'),
      otp: generateTotp(SECRET),
    });
    expect(verified.status).toBe(200);
    expect(claims(verified.body.access_token)).toMatchObject({ aud: STEP_UP_API, scope: 'transfer' });
    const rotated = field(verified.body, 'refresh_token');
    expect(rotated).not.toBe(login.refresh_token);

    const again = await refresh(rotated, { audience: STEP_UP_API });
    expect(again.status).toBe(200);
    expect(claims(again.body.access_token)).toMatchObject({ aud: STEP_UP_API, scope: 'transfer' });

    const plain = await refresh(again.body.refresh_token);
    expect(plain.status).toBe(200);
    await expectUserinfoToken(plain.body.access_token);
  });
});
