import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, MFA_ACR, STEP_UP_API, claims, codeFlow, field, start, token } from './support.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// A second user with its own secret: a TOTP code is accepted once per 30-second step and user.
const OTHER_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';

describe('step-up on refresh for an API with mfa "required"', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users: [
        {
          user_id: 'auth0|eve',
          email: 'eve@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'otp', secret: SECRET }],
        },
        {
          user_id: 'auth0|fay',
          email: 'fay@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'otp', secret: OTHER_SECRET }],
        },
      ],
    });
  });
  afterAll(() => em.close());

  // A login without the step-up API: asking for it at /authorize would already ask for MFA.
  const login = () =>
    codeFlow(em, { email: 'eve@example.com', password: 'Passw0rd!' }, { scope: 'openid offline_access' });

  it('answers mfa_required without consuming the refresh token, then rotates it after mfa-otp', async () => {
    const { refresh_token } = await login();
    const refresh = {
      grant_type: 'refresh_token',
      refresh_token: String(refresh_token),
      audience: STEP_UP_API,
    };
    const stepUp = await token(em, refresh);
    expect(stepUp.status).toBe(403);
    expect(stepUp.body).toMatchObject({
      error: 'mfa_required',
      mfa_requirements: { challenge: expect.arrayContaining([{ type: 'otp' }]) },
    });

    const verified = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: field(stepUp.body, 'mfa_token'),
      otp: generateTotp(SECRET),
    });
    expect(verified.status).toBe(200);
    expect(claims(verified.body.access_token).aud).toBe(STEP_UP_API);
    const rotated = field(verified.body, 'refresh_token');
    expect(rotated).not.toBe(refresh_token);

    // The new token has passed MFA and refreshes without a new challenge.
    const again = await token(em, { ...refresh, refresh_token: rotated });
    expect(again.status).toBe(200);
    // The old one was rotated away: replaying it is refresh-token reuse and answers invalid_grant.
    expect((await token(em, refresh)).body.error).toBe('invalid_grant');
  });

  it('does not step up a session that already passed MFA at login (acr_values)', async () => {
    const { refresh_token, id_token } = await codeFlow(
      em,
      { email: 'fay@example.com', password: 'Passw0rd!', otp: generateTotp(OTHER_SECRET) },
      { scope: 'openid offline_access transfer', audience: STEP_UP_API, acr_values: MFA_ACR },
    );
    expect(claims(id_token).acr).toBe(MFA_ACR);
    const { status } = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(refresh_token),
      audience: STEP_UP_API,
    });
    expect(status).toBe(200);
  });
});
