import { describe, expect, it } from 'vitest';
import { setup } from './setup.js';

const ivy = { userId: 'auth0|ivy', authenticators: [{ type: 'otp' as const, secret: 'JBSWY3DPEHPK3PXP' }] };

describe('mfa_token', () => {
  it('issueMfaToken answers the complete 403 mfa_required response', () => {
    const t = setup();
    const { body } = t.start(ivy);
    expect(t.mfa.issueMfaToken({ userId: ivy.userId, clientId: 'app' })).toEqual({
      status: 403,
      body: {
        error: 'mfa_required',
        error_description: 'Multifactor authentication required',
        mfa_token: expect.stringMatching(/^[\w-]{43}$/),
        mfa_requirements: { challenge: [{ type: 'otp' }, { type: 'recovery-code' }] },
      },
    });
    expect(body.mfa_token).not.toBe(t.flow(ivy.userId));
  });

  it('a grant with an expired mfa_token answers expired_token 403', () => {
    const t = setup();
    const { token } = t.start(ivy);
    t.advance(600);
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') })).toEqual({
      ok: false,
      status: 403,
      body: { error: 'expired_token', error_description: 'mfa_token is expired' },
    });
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token })).toMatchObject({
      status: 403,
      body: { error: 'expired_token' },
    });
  });

  it('mfaTokenTtlSeconds sets the lifetime', () => {
    const t = setup({ mfaTokenTtlSeconds: 30 });
    const { token } = t.start(ivy);
    t.advance(29);
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token })).toMatchObject({ status: 200 });
    t.advance(1);
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token })).toMatchObject({ status: 403 });
  });

  it('an mfa_token presented by another client answers invalid_grant', () => {
    const t = setup();
    const { token } = t.start(ivy);
    const otp = t.totp('JBSWY3DPEHPK3PXP');
    expect(t.mfa.verifyOtp({ clientId: 'other', mfaToken: token, otp })).toEqual({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant', error_description: 'mfa_token was not issued to this client' },
    });
    expect(t.mfa.challenge({ clientId: 'other' }, { mfa_token: token })).toMatchObject({ status: 403 });
    expect(
      t.mfa.associate({ clientId: 'other', mfaToken: token }, { authenticator_types: ['otp'] }),
    ).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp })).toMatchObject({ ok: true });
  });

  it('an unknown mfa_token answers invalid_grant, a missing one invalid_request', () => {
    const t = setup();
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: 'forged', otp: '123456' })).toEqual({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Malformed mfa_token' },
    });
    expect(t.mfa.verifyOob({ clientId: 'app', oobCode: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'mfa_token is required' },
    });
  });

  it('an mfa_token is consumed by the grant that completes the flow', () => {
    const t = setup();
    const { token } = t.start(ivy);
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') }),
    ).toMatchObject({ ok: true });
    t.advance(30);
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp('JBSWY3DPEHPK3PXP') }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
  });

  it('listAuthenticators answers 401 invalid_token with a WWW-Authenticate challenge for a bad or expired mfa_token', () => {
    const t = setup();
    const { token } = t.start(ivy);
    expect(t.mfa.listAuthenticators({ mfaToken: 'forged' })).toEqual({
      status: 401,
      body: { error: 'invalid_token', error_description: 'Malformed mfa_token' },
      headers: {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="Malformed mfa_token"',
      },
    });
    t.advance(601);
    expect(t.mfa.listAuthenticators({ mfaToken: token })).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', error_description: 'mfa_token is expired' },
    });
  });
});
