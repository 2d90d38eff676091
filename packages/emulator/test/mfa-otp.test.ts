import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, claims, field, manualClock, mfaApi, mfaToken, start, token } from './support.js';

const CAROL_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('MFA with an authenticator app (mfa-otp grant)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('asks a user without factors to enroll, and an enrolled user to be challenged', async () => {
    const bob = await token(em, {
      grant_type: 'password',
      username: 'bob@example.com',
      password: 'Passw0rd!',
    });
    expect(bob.body.mfa_requirements).toEqual({ enroll: expect.arrayContaining([{ type: 'otp' }]) });
    const carol = await token(em, {
      grant_type: 'password',
      username: 'carol@example.com',
      password: 'Passw0rd!',
    });
    expect(carol.body.mfa_requirements).toEqual({ challenge: expect.arrayContaining([{ type: 'otp' }]) });
  });

  it('enrolls with /mfa/associate and completes with the first code, returning tokens with amr "mfa"', async () => {
    const mfa = await mfaToken(em, 'bob@example.com');
    const enrolled = await mfaApi(em, '/mfa/associate', {
      bearer: mfa,
      body: { authenticator_types: ['otp'] },
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({
      authenticator_type: 'otp',
      barcode_uri: expect.stringMatching(/^otpauth:\/\/totp\//),
      recovery_codes: [expect.any(String)],
    });
    // The label and issuer are the configured tenant ("emulator" unless config.tenant says otherwise).
    expect(field(enrolled.body, 'barcode_uri')).toBe(
      `otpauth://totp/emulator:bob%40example.com?secret=${field(enrolled.body, 'secret')}` +
        '&issuer=emulator&algorithm=SHA1&digits=6&period=30',
    );
    const { status, body } = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: mfa,
      otp: generateTotp(field(enrolled.body, 'secret')),
    });
    expect(status).toBe(200);
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(claims(body.id_token)).toMatchObject({
      sub: 'auth0|bob',
      amr: expect.arrayContaining(['pwd', 'mfa']),
      acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
    });
  });

  it('challenges an enrolled authenticator app without /mfa/challenge', async () => {
    const mfa = await mfaToken(em, 'carol@example.com');
    const { status, body } = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: mfa,
      otp: generateTotp(CAROL_SECRET),
    });
    expect(status).toBe(200);
    expect(claims(body.id_token).sub).toBe('auth0|carol');
  });

  it('answers a wrong code with 403 invalid_grant', async () => {
    const mfa = await mfaToken(em, 'carol@example.com');
    const { status, body } = await token(em, { grant_type: GRANTS.otp, mfa_token: mfa, otp: '000000' });
    expect(status).toBe(403);
    expect(body.error).toBe('invalid_grant');
  });

  it('locks out after too many wrong codes with too_many_attempts', async () => {
    const local = await start({
      users: [
        {
          user_id: 'auth0|dan',
          email: 'dan@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'otp' }],
        },
      ],
    });
    try {
      const mfa = await mfaToken(local, 'dan@example.com');
      let last = await token(local, { grant_type: GRANTS.otp, mfa_token: mfa, otp: '000000' });
      for (let i = 0; i < 10 && last.body.error !== 'too_many_attempts'; i += 1) {
        last = await token(local, { grant_type: GRANTS.otp, mfa_token: mfa, otp: '000000' });
      }
      expect(last.body.error).toBe('too_many_attempts');
      expect(last.status).toBe(429);
    } finally {
      await local.close();
    }
  });

  it('rejects an expired mfa_token with expired_token', async () => {
    const clock = manualClock();
    const local = await start({ mfa: { mfaTokenTtlSeconds: 1 } }, { now: clock.now });
    try {
      const mfa = await mfaToken(local, 'carol@example.com');
      clock.advance(1_100);
      const { body } = await token(local, {
        grant_type: GRANTS.otp,
        mfa_token: mfa,
        otp: generateTotp(CAROL_SECRET, clock.now()),
      });
      expect(body.error).toBe('expired_token');
    } finally {
      await local.close();
    }
  });
});
