import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, claims, field, lastCode, mfaApi, mfaToken, start, token } from './support.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('chained MFA (mfa_factors: 2)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users: [
        {
          user_id: 'auth0|two',
          email: 'two@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          mfa_factors: 2,
          authenticators: [{ type: 'otp', secret: SECRET }, { type: 'email' }],
        },
      ],
    });
  });
  afterAll(() => em.close());

  it('answers the first factor with another mfa_required, and issues tokens after the second', async () => {
    const first = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: await mfaToken(em, 'two@example.com'),
      otp: generateTotp(SECRET),
    });
    expect(first.status).toBe(403);
    expect(first.body.error).toBe('mfa_required');
    const next = field(first.body, 'mfa_token');

    const listed = await mfaApi(em, '/mfa/authenticators', { bearer: next });
    const email = Array.isArray(listed.body)
      ? listed.body.find((a: unknown) => field(a, 'authenticator_type') === 'oob')
      : undefined;
    const challenge = await mfaApi(em, '/mfa/challenge', {
      body: { mfa_token: next, challenge_type: 'oob', authenticator_id: field(email, 'id') },
    });
    const { code } = await lastCode(em);
    const done = await token(em, {
      grant_type: GRANTS.oob,
      mfa_token: next,
      oob_code: field(challenge.body, 'oob_code'),
      binding_code: code,
    });
    expect(done.status).toBe(200);
    expect(claims(done.body.id_token).amr).toEqual(expect.arrayContaining(['pwd', 'mfa']));
  });
});
