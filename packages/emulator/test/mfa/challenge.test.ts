import { describe, expect, it } from 'vitest';
import { idOf, setup } from './setup.js';

const ned = {
  userId: 'auth0|ned',
  authenticators: [{ type: 'otp' as const }, { type: 'sms' as const, phone_number: '+15551234567' }],
};

describe('challenge', () => {
  it('without challenge_type picks the first active authenticator in enrollment order', () => {
    const t = setup();
    const { token } = t.start(ned);
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token })).toEqual({
      status: 200,
      body: { challenge_type: 'otp' },
    });
  });

  it('"otp oob" allows both, and authenticator_id picks one', () => {
    const t = setup();
    const { token } = t.start(ned);
    const smsId = idOf(t.mfa.listAuthenticators({ userId: ned.userId }).body, 'oob');
    expect(
      t.mfa.challenge(
        { clientId: 'app' },
        { mfa_token: token, challenge_type: 'otp oob', authenticator_id: smsId },
      ),
    ).toMatchObject({
      status: 200,
      body: { challenge_type: 'oob', binding_method: 'prompt' },
    });
  });

  it('answers unsupported_challenge_type for an unknown type or one the authenticator does not support', () => {
    const t = setup();
    const { token } = t.start(ned);
    expect(
      t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'webauthn' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type' },
    });
    const otpId = idOf(t.mfa.listAuthenticators({ userId: ned.userId }).body, 'otp');
    expect(
      t.mfa.challenge(
        { clientId: 'app' },
        { mfa_token: token, challenge_type: 'oob', authenticator_id: otpId },
      ),
    ).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type' },
    });
    const recoveryId = idOf(t.mfa.listAuthenticators({ userId: ned.userId }).body, 'recovery-code');
    expect(
      t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, authenticator_id: recoveryId }),
    ).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type' },
    });
  });

  it('answers unsupported_challenge_type when no authenticator of the user has the requested type', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|otponly', authenticators: [{ type: 'otp' }] });
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'oob' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type' },
    });
  });

  it('answers association_required when the user has no active authenticator', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|fresh' });
    expect(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'otp' })).toEqual({
      status: 400,
      body: {
        error: 'association_required',
        error_description: 'The user has no active authenticator; enroll one with /mfa/associate',
      },
    });
  });

  it('answers invalid_request for an authenticator_id that is not the user’s', () => {
    const t = setup();
    const { token } = t.start(ned);
    expect(
      t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, authenticator_id: 'sms|dev_other' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });
});
