import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, field, lastCode, mfaApi, mfaToken, start, token } from './support.js';

describe('MFA with SMS, voice and email codes (mfa-oob grant with binding_code)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users: [
        // One user per channel: after a first enrollment a user is challenged, not asked to enroll.
        ...['sms', 'voice', 'email'].map((channel) => ({
          user_id: `auth0|${channel}`,
          email: `${channel}@example.com`,
          password: 'Passw0rd!',
          mfa: 'required' as const,
        })),
        {
          user_id: 'auth0|sam',
          email: 'sam@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'sms', phone_number: '+15555550100' }],
        },
      ],
    });
  });
  afterAll(() => em.close());

  for (const [channel, extra] of [
    ['sms', { phone_number: '+15555550123' }],
    ['voice', { phone_number: '+15555550124' }],
    ['email', { email: 'email@example.com' }],
  ] as const) {
    it(`enrolls ${channel} and completes with the code from /__dev/outbox`, async () => {
      const mfa = await mfaToken(em, `${channel}@example.com`);
      const enrolled = await mfaApi(em, '/mfa/associate', {
        bearer: mfa,
        body: { authenticator_types: ['oob'], oob_channels: [channel], ...extra },
      });
      expect(enrolled.body).toMatchObject({
        authenticator_type: 'oob',
        oob_channel: channel,
        binding_method: 'prompt',
      });
      const sent = await lastCode(em);
      expect(sent.channel).toBe(channel);
      const { status, body } = await token(em, {
        grant_type: GRANTS.oob,
        mfa_token: mfa,
        oob_code: field(enrolled.body, 'oob_code'),
        binding_code: sent.code,
      });
      expect(status).toBe(200);
      expect(body.access_token).toEqual(expect.any(String));
    });
  }

  it('challenges an enrolled SMS factor with /mfa/challenge and verifies the binding code', async () => {
    const mfa = await mfaToken(em, 'sam@example.com');
    const listed = await mfaApi(em, '/mfa/authenticators', { bearer: mfa });
    const sms = Array.isArray(listed.body)
      ? listed.body.find((a: unknown) => field(a, 'authenticator_type') === 'oob')
      : undefined;
    const challenge = await mfaApi(em, '/mfa/challenge', {
      body: { mfa_token: mfa, challenge_type: 'oob', authenticator_id: field(sms, 'id') },
    });
    expect(challenge.body).toMatchObject({
      challenge_type: 'oob',
      oob_code: expect.any(String),
      binding_method: 'prompt',
    });
    const sent = await lastCode(em);
    expect(sent.to).toBe('+15555550100');
    const wrong = await token(em, {
      grant_type: GRANTS.oob,
      mfa_token: mfa,
      oob_code: field(challenge.body, 'oob_code'),
      binding_code: '000000',
    });
    expect(wrong.status).toBe(403);
    const { status } = await token(em, {
      grant_type: GRANTS.oob,
      mfa_token: mfa,
      oob_code: field(challenge.body, 'oob_code'),
      binding_code: sent.code,
    });
    expect(status).toBe(200);
  });

  it('requires client authentication at /mfa/challenge', async () => {
    const mfa = await mfaToken(em, 'sam@example.com');
    const { status, body } = await mfaApi(em, '/mfa/challenge', {
      body: { mfa_token: mfa, challenge_type: 'oob', client_secret: 'wrong' },
    });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client' });
  });
});
