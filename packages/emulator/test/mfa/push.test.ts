import { describe, expect, it } from 'vitest';
import { field, setup } from './setup.js';

const carol = {
  userId: 'auth0|carol',
  email: 'carol@example.com',
  authenticators: [{ type: 'push' as const }],
};

function pushFlow(options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  const { token } = t.start(carol);
  const res = t.mfa.challenge({ clientId: 'app' }, { mfa_token: token, challenge_type: 'oob' });
  const oobCode = field(res.body, 'oob_code');
  const poll = () => t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode });
  return { t, token, oobCode, res, poll };
}

describe('push', () => {
  it('challenge on a push authenticator answers an oob_code without binding_method and logs how to answer', () => {
    const { t, res, oobCode } = pushFlow();
    expect(res).toEqual({ status: 200, body: { challenge_type: 'oob', oob_code: oobCode } });
    expect(t.logs.at(-1)).toContain(`POST http://127.0.0.1:4400/__dev/push/${oobCode}/approve`);
    expect(t.mfa.outbox()).toEqual([]);
  });

  it('verifyOob answers authorization_pending while the push is unanswered', () => {
    const { poll } = pushFlow();
    expect(poll()).toEqual({
      ok: false,
      status: 400,
      body: {
        error: 'authorization_pending',
        error_description: 'The push notification has not been answered yet',
      },
    });
  });

  it('verifyOob answers slow_down when polled faster than the interval', () => {
    const { t, poll } = pushFlow();
    expect(poll()).toMatchObject({ body: { error: 'authorization_pending' } });
    t.advance(2);
    expect(poll()).toMatchObject({ status: 400, body: { error: 'slow_down' } });
    t.advance(5);
    expect(poll()).toMatchObject({ body: { error: 'authorization_pending' } });
  });

  it('the push interval is configurable', () => {
    const { t, poll } = pushFlow({ pushIntervalSeconds: 1 });
    poll();
    t.advance(1);
    expect(poll()).toMatchObject({ body: { error: 'authorization_pending' } });
  });

  it('pushIntervalSeconds is the interval in force, for hosts that tell the user how often to poll', () => {
    expect(setup().mfa.pushIntervalSeconds).toBe(5);
    expect(setup({ pushIntervalSeconds: 1 }).mfa.pushIntervalSeconds).toBe(1);
  });

  it('verifyOob succeeds once the push is approved', () => {
    const { t, oobCode, poll } = pushFlow();
    poll();
    expect(t.mfa.approvePush(oobCode)).toEqual({
      status: 200,
      body: { oob_code: oobCode, status: 'approved' },
    });
    expect(poll()).toEqual({
      ok: true,
      userId: 'auth0|carol',
      context: { scope: 'openid' },
      amr: ['mfa', 'push'],
    });
  });

  it('verifyOob answers a final invalid_grant once the push is denied', () => {
    const { t, oobCode, poll } = pushFlow();
    expect(t.mfa.denyPush(oobCode)).toMatchObject({ status: 200, body: { status: 'denied' } });
    expect(poll()).toEqual({
      ok: false,
      status: 403,
      body: { error: 'invalid_grant', error_description: 'The push notification was rejected' },
    });
    expect(t.mfa.approvePush(oobCode)).toMatchObject({ status: 409 });
  });

  it('verifyOob answers expired_token once the push challenge expired, and it can no longer be answered', () => {
    const { t, oobCode, poll } = pushFlow({ oobTtlSeconds: 30 });
    t.advance(31);
    expect(poll()).toMatchObject({ status: 403, body: { error: 'expired_token' } });
    expect(t.mfa.approvePush(oobCode)).toMatchObject({ status: 400, body: { error: 'expired_token' } });
  });

  it('approvePush and denyPush answer 404 for an unknown oob_code', () => {
    const { t } = pushFlow();
    expect(t.mfa.approvePush('unknown')).toMatchObject({ status: 404 });
    expect(t.mfa.denyPush('unknown')).toMatchObject({ status: 404 });
  });

  it('associate auth0 answers a Guardian enrollment URI and is confirmed by approving its oob_code', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|dave' });
    const res = t.mfa.associate(
      { clientId: 'app', mfaToken: token },
      { authenticator_types: ['oob'], oob_channels: ['auth0'] },
    );
    const oobCode = field(res.body, 'oob_code');
    expect(res.body).toEqual({
      authenticator_type: 'oob',
      oob_channel: 'auth0',
      oob_code: oobCode,
      barcode_uri: expect.stringMatching(
        /^otpauth:\/\/totp\/127\.0\.0\.1%3A4400:auth0%7Cdave\?enrollment_tx_id=[\w-]+&base_url=http%3A%2F%2F127\.0\.0\.1%3A4400%2F$/,
      ),
      recovery_codes: [expect.any(String)],
    });
    expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode })).toMatchObject({
      body: { error: 'authorization_pending' },
    });
    t.mfa.approvePush(oobCode);
    expect(t.mfa.verifyOob({ clientId: 'app', mfaToken: token, oobCode })).toMatchObject({
      ok: true,
      amr: ['mfa', 'push'],
    });
    expect(t.mfa.requirements('auth0|dave')).toEqual({
      challenge: [{ type: 'push-notification' }, { type: 'recovery-code' }],
    });
  });
});
