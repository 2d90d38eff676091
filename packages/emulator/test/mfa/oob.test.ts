import { describe, expect, it } from 'vitest';
import { field, setup } from './setup.js';

const bob = { userId: 'auth0|bob', email: 'bob@example.com' };

describe('sms, voice and email', () => {
  for (const [channel, extra, to] of [
    ['sms', { phone_number: '+15551234567' }, '+15551234567'],
    ['voice', { phone_number: '+447700900123' }, '+447700900123'],
    ['email', { email: 'bob.mfa@example.com' }, 'bob.mfa@example.com'],
  ] as const) {
    it(`associate ${channel} sends the first code to the outbox and verifyOob confirms it with the binding code`, () => {
      const t = setup();
      const { token } = t.start(bob);
      const res = t.mfa.associate(
        { clientId: 'app', mfaToken: token },
        { authenticator_types: ['oob'], oob_channels: [channel], ...extra },
      );
      const oobCode = field(res.body, 'oob_code');
      expect(res).toEqual({
        status: 200,
        body: {
          authenticator_type: 'oob',
          oob_channel: channel,
          oob_code: oobCode,
          binding_method: 'prompt',
          recovery_codes: [expect.any(String)],
        },
      });
      const sent = t.lastSent();
      expect(sent).toEqual({
        channel,
        to,
        code: expect.stringMatching(/^\d{6}$/),
        oob_code: oobCode,
        at: '2025-01-01T12:00:00.000Z',
      });
      expect(t.logs.at(-1)).toBe(`[mfa] ${channel} to ${to}: code ${sent.code}`);

      expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode: sent.code })).toEqual({
        ok: true,
        userId: 'auth0|bob',
        context: { scope: 'openid' },
        amr: ['mfa', channel === 'voice' ? 'tel' : channel],
      });
      expect(t.mfa.listAuthenticators({ userId: 'auth0|bob' }).body).toContainEqual(
        expect.objectContaining({ authenticator_type: 'oob', oob_channel: channel, active: true }),
      );
    });
  }

  it('challenge on an sms authenticator sends a new code with binding_method prompt', () => {
    const t = setup();
    const { token } = t.start({ ...bob, authenticators: [{ type: 'sms', phone_number: '+15551234567' }] });
    const res = t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'oob' });
    const oobCode = field(res.body, 'oob_code');
    expect(res).toEqual({
      status: 200,
      body: { challenge_type: 'oob', oob_code: oobCode, binding_method: 'prompt' },
    });
    const sent = t.lastSent();
    expect(sent.oob_code).toBe(oobCode);
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode: sent.code }),
    ).toMatchObject({ ok: true });
  });

  it('listAuthenticators masks phone numbers and email addresses', () => {
    const t = setup();
    t.mfa.addUser({
      ...bob,
      authenticators: [
        { type: 'sms', phone_number: '+15551234567' },
        { type: 'email', email: 'bob@example.com' },
      ],
    });
    expect(t.mfa.listAuthenticators({ userId: 'auth0|bob' }).body).toEqual([
      {
        id: expect.stringMatching(/^sms\|/),
        authenticator_type: 'oob',
        oob_channel: 'sms',
        active: true,
        name: 'XXXXXXXX4567',
      },
      {
        id: expect.stringMatching(/^email\|/),
        authenticator_type: 'oob',
        oob_channel: 'email',
        active: true,
        name: 'b***@example.com',
      },
      { id: expect.stringMatching(/^recovery-code\|/), authenticator_type: 'recovery-code', active: true },
    ]);
  });

  it('verifyOob answers invalid_grant for a wrong binding code and invalid_request without one', () => {
    const t = setup();
    const { token } = t.start({ ...bob, authenticators: [{ type: 'email', email: 'bob@example.com' }] });
    const oobCode = field(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token }).body, 'oob_code');
    const wrong = t.lastSent().code === '123456' ? '654321' : '123456';
    expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode: wrong })).toEqual({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid binding_code.' },
    });
    expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'binding_code is required' },
    });
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode: 'nope', bindingCode: '123456' }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid oob_code.' },
    });
  });

  it('verifyOob answers expired_token once the code outlived oobTtlSeconds', () => {
    const t = setup({ oobTtlSeconds: 60 });
    const { token } = t.start({ ...bob, authenticators: [{ type: 'sms', phone_number: '+15551234567' }] });
    const oobCode = field(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token }).body, 'oob_code');
    t.advance(61);
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode: t.lastSent().code }),
    ).toMatchObject({
      status: 403,
      body: { error: 'expired_token' },
    });
  });

  it('an oob_code is single use', () => {
    const t = setup();
    const { token } = t.start({ ...bob, authenticators: [{ type: 'sms', phone_number: '+15551234567' }] });
    const oobCode = field(t.mfa.challenge({ clientId: 'app' }, { mfa_token: token }).body, 'oob_code');
    const bindingCode = t.lastSent().code;
    expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode, bindingCode })).toMatchObject({
      ok: true,
    });
    expect(
      t.mfa.verifyOob({ clientId: 'app', mfaToken: t.flow(bob.userId), oobCode, bindingCode }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
  });
});
