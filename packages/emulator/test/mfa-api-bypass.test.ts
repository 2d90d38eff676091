import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, STEP_UP_API, claims, codeFlow, field, lastCode, mfaApi, start, token } from './support.js';

// Users whose logins need no MFA (mfa "off") but who have a confirmed otp factor: the step-up users an
// attacker with only a password would target. One secret each: a TOTP code is accepted once per step.
const DORA = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const IVY = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const JON = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';
const user = (name: string, secret: string) => ({
  user_id: `auth0|${name}`,
  email: `${name}@example.com`,
  password: 'Passw0rd!',
  authenticators: [{ type: 'otp' as const, secret }],
});

function password(em: Emulator, name: string, params: Record<string, string> = {}) {
  return token(em, {
    grant_type: 'password',
    username: `${name}@example.com`,
    password: 'Passw0rd!',
    scope: 'openid offline_access',
    ...params,
  });
}

describe('no MFA bypass through the MFA API', () => {
  let em: Emulator;
  let mfaAudience: string;
  beforeAll(async () => {
    em = await start({ users: [user('dora', DORA), user('ivy', IVY), user('jon', JON)] });
    mfaAudience = `${em.issuer}mfa/`;
  });
  afterAll(() => em.close());

  it('a password grant for the MFA API audience answers mfa_required for a user with an active factor', async () => {
    const { status, body } = await password(em, 'dora', {
      audience: mfaAudience,
      scope: 'openid enroll read:authenticators remove:authenticators',
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({
      error: 'mfa_required',
      mfa_requirements: { challenge: [{ type: 'otp' }, { type: 'recovery-code' }] },
    });
    // ... and its mfa_token cannot enroll another factor for the user.
    const enrolled = await mfaApi(em, '/mfa/associate', {
      bearer: field(body, 'mfa_token'),
      body: { authenticator_types: ['otp'] },
    });
    expect(enrolled).toEqual({
      status: 403,
      body: { error: 'access_denied', error_description: 'User is already enrolled.' },
    });
  });

  it('a password-realm grant for the MFA API audience answers mfa_required too', async () => {
    const { status, body } = await password(em, 'dora', {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      realm: 'Username-Password-Authentication',
      audience: mfaAudience,
      scope: 'openid enroll',
    });
    expect(status).toBe(403);
    expect(body.error).toBe('mfa_required');
  });

  it('a refresh for the MFA API audience after a password-only login answers mfa_required and keeps the refresh token usable', async () => {
    const login = await password(em, 'dora');
    expect(login.status).toBe(200);
    const refreshToken = field(login.body, 'refresh_token');
    const stepped = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      audience: mfaAudience,
      scope: 'enroll',
    });
    expect(stepped.status).toBe(403);
    expect(stepped.body.error).toBe('mfa_required');
    const plain = await token(em, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(plain.status).toBe(200);
  });

  it('a browser login for the MFA API audience asks for the second factor', async () => {
    let askedForOtp = false;
    const body = await codeFlow(
      em,
      {
        email: 'ivy@example.com',
        password: 'Passw0rd!',
      },
      { audience: mfaAudience, scope: 'openid enroll' },
      {
        otp: () => {
          askedForOtp = true;
          return generateTotp(IVY);
        },
      },
    );
    expect(askedForOtp).toBe(true);
    expect(claims(body.id_token).amr).toContain('mfa');
    expect(claims(body.access_token).aud).toBe(mfaAudience);
  });

  it('an authenticator enrolled but not confirmed never satisfies a step-up challenge', async () => {
    // Jon legitimately passes MFA for an MFA API token, and a password-only session of his steps up
    // for an API that requires MFA.
    const mfa = await password(em, 'jon', {
      audience: mfaAudience,
      scope: 'openid enroll read:authenticators',
    });
    const apiToken = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: field(mfa.body, 'mfa_token'),
      otp: generateTotp(JON),
    });
    const accessToken = field(apiToken.body, 'access_token');
    const login = await password(em, 'jon');
    const stepUp = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: field(login.body, 'refresh_token'),
      audience: STEP_UP_API,
    });
    expect(stepUp.status).toBe(403);
    const mfaToken = field(stepUp.body, 'mfa_token');

    // A new sms authenticator, pending: neither its enrollment code nor a challenge of it passes.
    const sms = await mfaApi(em, '/mfa/associate', {
      bearer: accessToken,
      body: { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15551234567' },
    });
    expect(sms.status).toBe(200);
    const withOob = await token(em, {
      grant_type: GRANTS.oob,
      mfa_token: mfaToken,
      oob_code: field(sms.body, 'oob_code'),
      binding_code: (await lastCode(em)).code,
    });
    expect(withOob.status).toBe(403);
    expect(withOob.body.error).toBe('invalid_grant');
    const challenged = await mfaApi(em, '/mfa/challenge', {
      body: {
        mfa_token: mfaToken,
        challenge_type: 'oob',
        authenticator_id: idOfPending(await mfaApi(em, '/mfa/authenticators', { bearer: accessToken })),
      },
    });
    expect(challenged.status).toBe(400);

    // A new otp authenticator, pending: its codes do not pass either.
    const otp = await mfaApi(em, '/mfa/associate', {
      bearer: accessToken,
      body: { authenticator_types: ['otp'] },
    });
    expect(otp.status).toBe(200);
    const withOtp = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: mfaToken,
      otp: generateTotp(field(otp.body, 'secret')),
    });
    expect(withOtp.status).toBe(403);
    expect(withOtp.body.error).toBe('invalid_grant');
  });

  it('a client_credentials token for the MFA API audience is refused: the MFA API acts for a user', async () => {
    const { status, body } = await token(em, {
      grant_type: 'client_credentials',
      audience: mfaAudience,
      scope: 'enroll read:authenticators',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
    expect(body).not.toHaveProperty('access_token');
  });
});

function idOfPending(listed: { body: unknown }): string {
  const list = Array.isArray(listed.body) ? listed.body : [];
  const pending: unknown = list.find(
    (a: unknown) =>
      typeof a === 'object' &&
      a !== null &&
      Reflect.get(a, 'active') === false &&
      Reflect.get(a, 'oob_channel') === 'sms',
  );
  return field(pending, 'id');
}
