import { describe, expect, it } from 'vitest';
import { field, idOf, setup, strings } from './setup.js';

const erin = { userId: 'auth0|erin', authenticators: [{ type: 'otp' as const }] };

describe('recovery code', () => {
  it('addUser issues an active recovery code to a user seeded with authenticators', () => {
    const t = setup();
    expect(t.mfa.addUser(erin).recoveryCode).toMatch(/^[A-Z2-9]{24}$/);
    expect(t.mfa.addUser({ userId: 'auth0|none' }).recoveryCode).toBeUndefined();
  });

  it('verifyRecoveryCode consumes the code and returns a new one', () => {
    const t = setup();
    const { token, seeded } = t.start(erin);
    const code = seeded.recoveryCode ?? '';
    const result = t.mfa.verifyRecoveryCode({
      clientId: 'app',
      mfaToken: token,
      recoveryCode: code.toLowerCase(),
    });
    expect(result).toEqual({
      ok: true,
      userId: 'auth0|erin',
      context: { scope: 'openid' },
      amr: ['mfa', 'recovery-code'],
      recoveryCode: expect.stringMatching(/^[A-Z2-9]{24}$/),
    });
    const fresh = result.ok ? (result.recoveryCode ?? '') : '';
    expect(fresh).not.toBe(code);

    expect(
      t.mfa.verifyRecoveryCode({ clientId: 'app', mfaToken: t.flow(erin.userId), recoveryCode: code }),
    ).toEqual({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid recovery_code.' },
    });
    expect(
      t.mfa.verifyRecoveryCode({ clientId: 'app', mfaToken: t.flow(erin.userId), recoveryCode: fresh }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('recovery_codes is returned only until the first enrollment is confirmed', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|frank' });
    const first = t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    const again = t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    expect(strings(first.body, 'recovery_codes')).toHaveLength(1);
    expect(strings(again.body, 'recovery_codes')).toEqual(strings(first.body, 'recovery_codes'));
    t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp(field(again.body, 'secret')) });

    const later = t.mfa.associate(
      { clientId: 'app', userId: 'auth0|frank' },
      { authenticator_types: ['otp'] },
    );
    expect(later.status).toBe(200);
    expect(later.body).not.toHaveProperty('recovery_codes');
  });

  it('a recovery code cannot be used before the enrollment that issued it is confirmed', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|gina' });
    const res = t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    const [code] = strings(res.body, 'recovery_codes');
    expect(t.mfa.verifyRecoveryCode({ clientId: 'app', mfaToken: token, recoveryCode: code })).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
  });

  it('deleteAuthenticator refuses the recovery-code authenticator with 404', () => {
    const t = setup();
    t.mfa.addUser(erin);
    const recoveryId = idOf(t.mfa.listAuthenticators({ userId: erin.userId }).body, 'recovery-code');
    expect(t.mfa.deleteAuthenticator({ userId: erin.userId }, recoveryId)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });
});
