import { describe, expect, it } from 'vitest';
import { field, setup } from './setup.js';

const ENROLL_ALL = {
  enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'email' }, { type: 'push-notification' }],
};

describe('mfa_requirements', () => {
  it('asks a user with no active factor to enroll', () => {
    const t = setup();
    expect(t.start({ userId: 'auth0|new' }).body.mfa_requirements).toEqual(ENROLL_ALL);
    expect(t.mfa.requirements('auth0|unknown')).toEqual(ENROLL_ALL);
  });

  it('a pending enrollment does not turn enroll into challenge', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|new' });
    t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] });
    expect(t.mfa.requirements('auth0|new')).toEqual(ENROLL_ALL);
    expect(t.mfa.isEnrolled('auth0|new')).toBe(false);
  });

  it('challenges the enrolled factor types, phone once for sms and voice, then the recovery code', () => {
    const t = setup();
    t.mfa.addUser({
      userId: 'auth0|many',
      authenticators: [
        { type: 'sms', phone_number: '+15551234567' },
        { type: 'voice', phone_number: '+15551234567' },
        { type: 'push' },
        { type: 'email', email: 'm@example.com' },
        { type: 'otp' },
      ],
    });
    expect(t.mfa.requirements('auth0|many')).toEqual({
      challenge: [
        { type: 'phone' },
        { type: 'push-notification' },
        { type: 'email' },
        { type: 'otp' },
        { type: 'recovery-code' },
      ],
    });
    expect(t.mfa.isEnrolled('auth0|many')).toBe(true);
  });
});

describe('chained MFA', () => {
  it('with factorsRequired 2 the first factor answers mfa_required with a fresh token, excluding that factor', () => {
    const t = setup();
    const { token, seeded } = t.start(
      {
        userId: 'auth0|jo',
        factorsRequired: 2,
        authenticators: [{ type: 'otp' }, { type: 'sms', phone_number: '+15551234567' }],
      },
      'app',
      { audience: 'https://api.example.com' },
    );
    const secret = seeded.authenticators[0]?.secret ?? '';
    const first = t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp(secret) });
    expect(first).toEqual({
      ok: false,
      status: 403,
      body: {
        error: 'mfa_required',
        error_description: 'Multifactor authentication required',
        mfa_token: expect.any(String),
        mfa_requirements: { challenge: [{ type: 'phone' }, { type: 'recovery-code' }] },
      },
    });
    const next = first.ok ? '' : field(first.body, 'mfa_token');
    expect(next).not.toBe(token);

    t.advance(30);
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: next, otp: t.totp(secret) })).toMatchObject({
      status: 403,
      body: {
        error: 'invalid_grant',
        error_description: 'This factor was already verified in this flow; use another one',
      },
    });
    const challenge = t.mfa.challenge({ clientId: 'app' }, { mfa_token: next });
    expect(challenge.body).toMatchObject({ challenge_type: 'oob', binding_method: 'prompt' });
    const oobCode = field(challenge.body, 'oob_code');
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: next, oobCode, bindingCode: t.lastSent().code }),
    ).toEqual({
      ok: true,
      userId: 'auth0|jo',
      context: { audience: 'https://api.example.com' },
      amr: ['mfa', 'otp', 'sms'],
    });
  });

  it('a chained flow may enroll its second factor with the fresh mfa_token', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|kim', factorsRequired: 2 });
    const secret = field(
      t.mfa.associate({ clientId: 'app', mfaToken: token }, { authenticator_types: ['otp'] }).body,
      'secret',
    );
    const first = t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp(secret) });
    expect(first).toMatchObject({
      status: 403,
      body: {
        error: 'mfa_required',
        mfa_requirements: { enroll: [{ type: 'phone' }, { type: 'email' }, { type: 'push-notification' }] },
      },
    });
    const next = first.ok ? '' : field(first.body, 'mfa_token');
    const enrolled = t.mfa.associate(
      { clientId: 'app', mfaToken: next },
      { authenticator_types: ['oob'], oob_channels: ['email'], email: 'kim@example.com' },
    );
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).not.toHaveProperty('recovery_codes');
    const oobCode = field(enrolled.body, 'oob_code');
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: next, oobCode, bindingCode: t.lastSent().code }),
    ).toMatchObject({
      ok: true,
      amr: ['mfa', 'otp', 'email'],
    });
  });

  it('a recovery code used mid-chain is handed out when the chain completes', () => {
    const t = setup();
    const { token, seeded } = t.start({
      userId: 'auth0|lee',
      factorsRequired: 2,
      authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXP' }],
    });
    const first = t.mfa.verifyRecoveryCode({
      clientId: 'app',
      mfaToken: token,
      recoveryCode: seeded.recoveryCode ?? '',
    });
    expect(first).toMatchObject({
      body: { error: 'mfa_required', mfa_requirements: { challenge: [{ type: 'otp' }] } },
    });
    const next = first.ok ? '' : field(first.body, 'mfa_token');
    expect(t.mfa.verifyOtp({ clientId: 'app', mfaToken: next, otp: t.totp('JBSWY3DPEHPK3PXP') })).toEqual({
      ok: true,
      userId: 'auth0|lee',
      context: { scope: 'openid' },
      amr: ['mfa', 'recovery-code', 'otp'],
      recoveryCode: expect.stringMatching(/^[A-Z2-9]{24}$/),
    });
  });
});

describe('enrolling mid-flow and unconfirmed authenticators', () => {
  it('a chained flow whose active factors still cover the requirement refuses to enroll with its mfa_token', () => {
    const t = setup();
    const { token, seeded } = t.start({
      userId: 'auth0|max',
      factorsRequired: 2,
      authenticators: [{ type: 'otp' }, { type: 'sms', phone_number: '+15551234567' }],
    });
    const first = t.mfa.verifyOtp({
      clientId: 'app',
      mfaToken: token,
      otp: t.totp(seeded.authenticators[0]?.secret ?? ''),
    });
    const next = first.ok ? '' : field(first.body, 'mfa_token');
    expect(t.mfa.associate({ clientId: 'app', mfaToken: next }, { authenticator_types: ['otp'] })).toEqual({
      status: 403,
      body: { error: 'access_denied', error_description: 'User is already enrolled.' },
    });
  });

  it('a pending authenticator answers neither a challenge requirement nor a challenge of it', () => {
    const t = setup();
    const { seeded } = t.start({ userId: 'auth0|ned', authenticators: [{ type: 'otp' }] });
    // Added with an MFA API access token: pending until confirmed in a flow that asks to enroll.
    const otp = t.mfa.associate({ clientId: 'app', userId: 'auth0|ned' }, { authenticator_types: ['otp'] });
    const token = t.flow('auth0|ned');
    expect(
      t.mfa.verifyOtp({ clientId: 'app', mfaToken: token, otp: t.totp(field(otp.body, 'secret')) }),
    ).toMatchObject({ ok: false, status: 403, body: { error: 'invalid_grant' } });

    const sms = t.mfa.associate(
      { clientId: 'app', userId: 'auth0|ned' },
      { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15551234567' },
    );
    const oobCode = field(sms.body, 'oob_code');
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode: t.lastSent().code }),
    ).toMatchObject({ ok: false, status: 403, body: { error: 'invalid_grant' } });
    const pending = t.mfa.listAuthenticators({ userId: 'auth0|ned' });
    const id = Array.isArray(pending.body)
      ? field(
          pending.body.find((a: unknown) => field(a, 'id').startsWith('sms|')),
          'id',
        )
      : '';
    expect(
      t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'oob', authenticator_id: id }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_request' } });

    // The active factor still passes, and the pending one stays pending.
    expect(
      t.mfa.verifyOtp({
        clientId: 'app',
        mfaToken: token,
        otp: t.totp(seeded.authenticators[0]?.secret ?? ''),
      }),
    ).toMatchObject({ ok: true });
    expect(t.mfa.listAuthenticators({ userId: 'auth0|ned' }).body).toContainEqual(
      expect.objectContaining({ id, active: false }),
    );
  });
});
