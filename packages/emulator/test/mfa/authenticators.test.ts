import { describe, expect, it } from 'vitest';
import { idOf, setup } from './setup.js';

const ned = {
  userId: 'auth0|ned',
  authenticators: [{ type: 'otp' as const }, { type: 'sms' as const, phone_number: '+15551234567' }],
};

describe('authenticators', () => {
  it('deleteAuthenticator removes an authenticator (204) and answers 404 afterwards', () => {
    const t = setup();
    t.mfa.addUser(ned);
    const smsId = idOf(t.mfa.listAuthenticators({ userId: ned.userId }).body, 'oob');
    expect(t.mfa.deleteAuthenticator({ userId: ned.userId }, smsId)).toEqual({ status: 204 });
    expect(t.mfa.deleteAuthenticator({ userId: ned.userId }, smsId)).toEqual({
      status: 404,
      body: { error: 'not_found', error_description: 'Authenticator not found' },
    });
    expect(t.mfa.deleteAuthenticator({ userId: 'auth0|nobody' }, smsId)).toMatchObject({ status: 404 });
    expect(t.mfa.requirements(ned.userId)).toEqual({
      challenge: [{ type: 'otp' }, { type: 'recovery-code' }],
    });
  });

  it('deleting an authenticator invalidates its outstanding oob_codes', () => {
    const t = setup();
    const { token } = t.start(ned);
    const smsId = idOf(t.mfa.listAuthenticators({ userId: ned.userId }).body, 'oob');
    t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, authenticator_id: smsId });
    const { oob_code, code } = t.lastSent();
    t.mfa.deleteAuthenticator({ userId: ned.userId }, smsId);
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode: oob_code, bindingCode: code }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
  });

  it('listAuthenticators for a user the module does not know answers an empty list', () => {
    expect(setup().mfa.listAuthenticators({ userId: 'auth0|nobody' })).toEqual({ status: 200, body: [] });
  });
});
