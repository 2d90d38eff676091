import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp, type Emulator } from 'auth0-emulator';
import { GRANTS, field, manualClock, mfaApi, mfaToken, start, token } from './support.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('Emulator.mfa: the outbox, push answers and TOTP codes a test needs', () => {
  let em: Emulator;
  const clock = manualClock();
  beforeAll(async () => {
    em = await start(
      {
        users: [
          {
            user_id: 'auth0|pat',
            email: 'pat@example.com',
            password: 'Passw0rd!',
            mfa: 'required',
            authenticators: [{ type: 'push' }],
          },
          {
            user_id: 'auth0|olga',
            email: 'olga@example.com',
            password: 'Passw0rd!',
            mfa: 'required',
            authenticators: [{ type: 'otp', secret: SECRET }],
          },
        ],
        mfa: { pushIntervalSeconds: 1 },
      },
      { now: clock.now },
    );
  });
  afterAll(() => em.close());

  async function pushChallenge(): Promise<{ mfa: string; oobCode: string }> {
    const mfa = await mfaToken(em, 'pat@example.com');
    const listed = await mfaApi(em, '/mfa/authenticators', { bearer: mfa });
    const push = Array.isArray(listed.body) ? listed.body[0] : undefined;
    const challenge = await mfaApi(em, '/mfa/challenge', {
      body: { mfa_token: mfa, challenge_type: 'oob', authenticator_id: field(push, 'id') },
    });
    return { mfa, oobCode: field(challenge.body, 'oob_code') };
  }
  const poll = (mfa: string, oobCode: string) =>
    token(em, { grant_type: GRANTS.oob, mfa_token: mfa, oob_code: oobCode });

  it('approvePush answers a push challenge: the next poll issues tokens', async () => {
    const { mfa, oobCode } = await pushChallenge();
    em.mfa.approvePush(oobCode);
    const done = await poll(mfa, oobCode);
    expect(done.status).toBe(200);
  });

  it('denyPush rejects it; answering it again throws a coded TypeError that does not show the oob_code', async () => {
    const { mfa, oobCode } = await pushChallenge();
    em.mfa.denyPush(oobCode);
    expect((await poll(mfa, oobCode)).body.error).toBe('invalid_grant');
    const error: unknown = (() => {
      try {
        em.mfa.approvePush(oobCode);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
      message: expect.stringMatching(/^approvePush: /),
    });
    expect(String(error)).not.toContain(oobCode);
    expect(() => em.mfa.denyPush('no-such-oob-code')).toThrow(/denyPush: No push challenge/);
  });

  it("totp is the user's current code by the emulator's clock, and the otp grant takes it", async () => {
    clock.advance(90_000);
    const code = em.mfa.totp('auth0|olga');
    expect(code).toBe(generateTotp(SECRET, clock.now()));
    expect(code).not.toBe(generateTotp(SECRET, clock.now() - 90_000));
    const mfa = await mfaToken(em, 'olga@example.com');
    expect((await token(em, { grant_type: GRANTS.otp, mfa_token: mfa, otp: code })).status).toBe(200);
  });

  it('totp throws a coded TypeError for a user without an otp factor', () => {
    expect(() => em.mfa.totp('auth0|pat')).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARG_VALUE',
        message: 'totp: auth0|pat has no such otp factor',
      }),
    );
  });
});
