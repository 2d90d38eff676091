import { describe, expect, it } from 'vitest';
import { setup } from './setup.js';

const mia = { userId: 'auth0|mia', email: 'mia@example.com' };

describe('associate', () => {
  it('with an mfa_token answers "User is already enrolled." once the user has an active factor', () => {
    const t = setup();
    const { token } = t.start({ ...mia, authenticators: [{ type: 'otp' }] });
    expect(t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] })).toEqual({
      status: 403,
      body: { error: 'access_denied', error_description: 'User is already enrolled.' },
    });
  });

  it('with the user of an MFA-API access token enrolls another factor, pending until confirmed', () => {
    const t = setup();
    t.mfa.addUser({ ...mia, authenticators: [{ type: 'otp' }] });
    const res = t.mfa.associate(
      { clientId: 'app', userId: mia.userId },
      { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15551234567' },
    );
    expect(res.status).toBe(200);
    expect(t.mfa.listAuthenticators({ userId: mia.userId }).body).toContainEqual(
      expect.objectContaining({ oob_channel: 'sms', active: false }),
    );
    expect(t.mfa.requirements(mia.userId)).toEqual({
      challenge: [{ type: 'otp' }, { type: 'recovery-code' }],
    });
  });

  it('a new enrollment replaces an unconfirmed one', () => {
    const t = setup();
    const { token } = t.start(mia);
    t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    t.mfa.associate(
      { clientId: 'app', mfaToken: token },
      { authenticator_types: ['oob'], oob_channels: ['email'] },
    );
    const list = t.mfa.listAuthenticators({ mfaToken: token }).body;
    expect(list).toEqual([
      expect.objectContaining({ authenticator_type: 'recovery-code' }),
      expect.objectContaining({ oob_channel: 'email', name: 'm***@example.com', active: false }),
    ]);
  });

  it('an email enrollment defaults to the user email address', () => {
    const t = setup();
    const { token } = t.start(mia);
    t.mfa.associate(
      { clientId: 'app', mfaToken: token },
      { authenticator_types: ['oob'], oob_channels: ['email'] },
    );
    expect(t.lastSent().to).toBe('mia@example.com');
  });

  it('accepts oob_channel as a single string', () => {
    const t = setup();
    const { token } = t.start(mia);
    const res = t.mfa.associate(
      { clientId: 'app', mfaToken: token },
      { authenticator_types: 'oob', oob_channel: 'voice', phone_number: '+15551234567' },
    );
    expect(res.body).toMatchObject({ oob_channel: 'voice' });
  });

  it.each([
    [{ authenticator_types: ['sms'] }, 'authenticator_types must be ["otp"] or ["oob"]'],
    [{}, 'authenticator_types must be ["otp"] or ["oob"]'],
    [
      { authenticator_types: ['oob'] },
      'oob_channels must be one of ["sms"], ["voice"], ["email"] or ["auth0"]',
    ],
    [{ authenticator_types: ['oob'], oob_channels: ['sms'] }, 'phone_number is required for the sms channel'],
    [
      { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '555-1234' },
      'phone_number must be in E.164 form, like +15551234567',
    ],
    [
      { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+0551234567' },
      'phone_number must be in E.164 form, like +15551234567',
    ],
    [
      { authenticator_types: ['oob'], oob_channels: ['email'], email: 'not-an-email' },
      'email must be an email address',
    ],
    ['otp', 'The request body must be a JSON object'],
  ])('answers invalid_request 400 for %j', (body, description) => {
    const t = setup();
    const { token } = t.start(mia);
    expect(t.mfa.associate({ clientId: 'app', mfaToken: token }, body)).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: description },
    });
  });

  it('without an email on the user or in the body answers invalid_request', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|noemail' });
    expect(
      t.mfa.associate(
        { clientId: 'app', mfaToken: token },
        { authenticator_types: ['oob'], oob_channels: ['email'] },
      ),
    ).toMatchObject({
      status: 400,
      body: { error_description: 'email is required for the email channel' },
    });
  });

  it('without an mfa_token or a user answers 401 invalid_token', () => {
    const t = setup();
    expect(t.mfa.associate({ clientId: 'app' }, { authenticator_types: ['otp'] })).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
  });
});
