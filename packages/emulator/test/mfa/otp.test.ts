import { describe, expect, it } from 'vitest';
import { generateTotp } from '../../src/mfa/index.js';
import { field, setup } from './setup.js';

const alice = { userId: 'auth0|alice', email: 'alice@example.com' };

describe('otp', () => {
  it('generateTotp matches the RFC 6238 SHA-1 test vectors (last 6 digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
    expect(generateTotp(secret, 59_000)).toBe('287082');
    expect(generateTotp(secret, 1_111_111_109_000)).toBe('081804');
    expect(generateTotp(secret, 2_000_000_000_000)).toBe('279037');
  });

  it('associate otp answers the secret, Auth0 barcode_uri and the first recovery code', () => {
    const t = setup();
    const { token } = t.start(alice);
    const res = t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    expect(res.status).toBe(200);
    const secret = field(res.body, 'secret');
    expect(res.body).toEqual({
      authenticator_type: 'otp',
      secret,
      barcode_uri: `otpauth://totp/127.0.0.1%3A4400:alice%40example.com?secret=${secret}&issuer=127.0.0.1%3A4400&algorithm=SHA1&digits=6&period=30`,
      recovery_codes: [expect.stringMatching(/^[A-Z0-9]{24}$/)],
    });
  });

  it('an otp enrollment stays pending until verifyOtp confirms it, then is challenged in later flows', () => {
    const t = setup();
    const { token } = t.start(alice);
    const secret = field(
      t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] }).body,
      'secret',
    );
    expect(t.mfa.listAuthenticators({ mfaToken: token }).body).toEqual([
      { id: expect.stringMatching(/^totp\|dev_/), authenticator_type: 'otp', active: false },
      {
        id: expect.stringMatching(/^recovery-code\|dev_/),
        authenticator_type: 'recovery-code',
        active: false,
      },
    ]);

    const result = t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp(secret) });
    expect(result).toEqual({
      ok: true,
      userId: 'auth0|alice',
      context: { scope: 'openid' },
      amr: ['mfa', 'otp'],
    });
    expect(t.mfa.listAuthenticators({ userId: 'auth0|alice' }).body).toEqual([
      expect.objectContaining({ authenticator_type: 'otp', active: true }),
      expect.objectContaining({ authenticator_type: 'recovery-code', active: true }),
    ]);

    t.advance(60);
    const next = t.flow('auth0|alice');
    expect(t.mfa.requirements('auth0|alice')).toEqual({
      challenge: [{ type: 'otp' }, { type: 'recovery-code' }],
    });
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: next, challenge_type: 'otp' })).toEqual({
      status: 200,
      body: { challenge_type: 'otp' },
    });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: next, otp: t.totp(secret) })).toMatchObject({
      ok: true,
    });
  });

  it('verifyOtp accepts one 30-second step of drift either side, not two', () => {
    const t = setup();
    const { seeded } = t.start({ ...alice, authenticators: [{ type: 'otp' }] });
    const secret = seeded.authenticators[0]?.secret ?? '';
    const verify = (offsetSeconds: number) =>
      t.mfa.verifyOtp({
        clientId: 'app',
        mfaToken: t.flow(alice.userId),
        otp: generateTotp(secret, t.now() + offsetSeconds * 1000),
      });
    expect(verify(-30)).toMatchObject({ ok: true });
    t.advance(90);
    expect(verify(30)).toMatchObject({ ok: true });
    t.advance(90);
    expect(verify(-60)).toMatchObject({ ok: false, status: 403 });
    expect(verify(60)).toMatchObject({ ok: false, status: 403 });
  });

  it('verifyOtp refuses a code already used in the same time step, saying it was used', () => {
    const t = setup();
    const { seeded } = t.start({ ...alice, authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXP' }] });
    expect(seeded.authenticators[0]?.secret).toBe('JBSWY3DPEHPK3PXP');
    const otp = t.totp('JBSWY3DPEHPK3PXP');
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: t.flow(alice.userId), otp })).toMatchObject({
      ok: true,
    });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: t.flow(alice.userId), otp })).toEqual({
      ok: false,
      status: 403,
      body: {
        error: 'invalid_grant',
        error_description: 'This otp_code was already used. Wait for the next code.',
      },
    });
    // A wrong code after a used one is still just wrong.
    const wrong = otp === '000000' ? '000001' : '000000';
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: t.flow(alice.userId), otp: wrong })).toMatchObject({
      body: { error_description: 'Invalid otp_code.' },
    });
  });

  it('verifyOtp answers invalid_grant 403 for a wrong code and invalid_request 400 without one', () => {
    const t = setup();
    const { token } = t.start({ ...alice, authenticators: [{ type: 'otp' }] });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: '000000' })).toMatchObject({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant' },
    });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token })).toEqual({
      ok: false,
      status: 400,
      body: { error: 'invalid_request', error_description: 'otp is required' },
    });
  });

  it('addUser rejects an otp secret that is not Base32', () => {
    const t = setup();
    expect(() =>
      t.mfa.addUser({ userId: 'u', authenticators: [{ type: 'otp', secret: 'not base32!' }] }),
    ).toThrow('authenticators[0].secret');
  });
});
