import { describe, expect, it } from 'vitest';
import { setup } from './setup.js';

const hank = { userId: 'auth0|hank', authenticators: [{ type: 'otp' as const, secret: 'JBSWY3DPEHPK3PXP' }] };

describe('attempt limits', () => {
  it('after 5 wrong codes every MFA grant of the user answers too_many_attempts 429 with Retry-After', () => {
    const t = setup();
    const { token, seeded } = t.start(hank);
    for (let i = 0; i < 5; i++) {
      expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' })).toMatchObject({
        status: 403,
      });
    }
    const locked = {
      ok: false,
      status: 429,
      body: { error: 'too_many_attempts', error_description: 'Too many failed attempts; try again later' },
      headers: { 'Retry-After': '300' },
    };
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') })).toEqual(
      locked,
    );
    // The limit is per user: a new mfa_token (another password login) does not lift it.
    expect(
      t.mfa.verifyRecoveryCode({
        clientId: 'app',
        mfaToken: t.flow(hank.userId),
        recoveryCode: seeded.recoveryCode ?? '',
      }),
    ).toEqual(locked);
    t.advance(100);
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' })).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '200' },
    });
  });

  it('the lockout ends after lockoutSeconds', () => {
    const t = setup({ lockoutSeconds: 60 });
    const { token } = t.start(hank);
    for (let i = 0; i < 5; i++) t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' });
    t.advance(60);
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') }),
    ).toMatchObject({ ok: true });
  });

  it('a successful grant resets the count of wrong codes', () => {
    const t = setup();
    const { token } = t.start(hank);
    for (let i = 0; i < 4; i++) t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' });
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') }),
    ).toMatchObject({ ok: true });
    t.advance(30);
    const next = t.flow(hank.userId);
    for (let i = 0; i < 4; i++) t.mfa.verifyOtp({ clientId: 'app', mfaToken: next, otp: '000000' });
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: next, otp: t.totp('JBSWY3DPEHPK3PXP') }),
    ).toMatchObject({ ok: true });
  });

  it('maxAttempts is configurable', () => {
    const t = setup({ maxAttempts: 2 });
    const { token } = t.start(hank);
    t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' });
    t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' })).toMatchObject({
      status: 429,
    });
  });
});
