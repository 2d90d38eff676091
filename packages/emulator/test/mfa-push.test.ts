import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, field, manualClock, mfaApi, mfaToken, start, token } from './support.js';

describe('MFA with push notifications (mfa-oob grant polled)', () => {
  let em: Emulator;
  // The emulator's MFA clock stands still between polls unless a test moves it past an interval.
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
        ],
        mfa: { pushIntervalSeconds: 1, oobTtlSeconds: 2 },
      },
      { now: clock.now },
    );
  });
  afterAll(() => em.close());

  async function pushChallenge(): Promise<{ mfa: string; oobCode: string }> {
    const mfa = await mfaToken(em, 'pat@example.com');
    const listed = await mfaApi(em, '/mfa/authenticators', { bearer: mfa });
    const push = Array.isArray(listed.body)
      ? listed.body.find((a: unknown) => field(a, 'authenticator_type') === 'oob')
      : undefined;
    const challenge = await mfaApi(em, '/mfa/challenge', {
      body: { mfa_token: mfa, challenge_type: 'oob', authenticator_id: field(push, 'id') },
    });
    expect(challenge.body).not.toHaveProperty('binding_method');
    return { mfa, oobCode: field(challenge.body, 'oob_code') };
  }

  const poll = (mfa: string, oobCode: string) =>
    token(em, { grant_type: GRANTS.oob, mfa_token: mfa, oob_code: oobCode });
  const answer = (oobCode: string, verdict: 'approve' | 'deny') =>
    fetch(new URL(`__dev/push/${oobCode}/${verdict}`, em.issuer), { method: 'POST' });

  it('the dev push endpoint answers 404 for an oob_code that is not validly percent-encoded', async () => {
    expect((await answer('%E0', 'approve')).status).toBe(404);
  });

  it('answers authorization_pending until the push is approved, then issues tokens', async () => {
    const { mfa, oobCode } = await pushChallenge();
    const pending = await poll(mfa, oobCode);
    expect(pending.body.error).toBe('authorization_pending');
    expect((await answer(oobCode, 'approve')).status).toBe(200);
    clock.advance(1_050);
    const done = await poll(mfa, oobCode);
    expect(done.status).toBe(200);
    expect(done.body.access_token).toEqual(expect.any(String));
  });

  it('answers slow_down when polled faster than the interval', async () => {
    const { mfa, oobCode } = await pushChallenge();
    await poll(mfa, oobCode);
    const fast = await poll(mfa, oobCode);
    expect(fast.body.error).toBe('slow_down');
  });

  it('answers a denied push with invalid_grant', async () => {
    const { mfa, oobCode } = await pushChallenge();
    await answer(oobCode, 'deny');
    const denied = await poll(mfa, oobCode);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('invalid_grant');
  });

  it('answers 403 expired_token for a push left unanswered past its lifetime', async () => {
    const { mfa, oobCode } = await pushChallenge();
    clock.advance(2_100);
    const expired = await poll(mfa, oobCode);
    expect(expired.status).toBe(403);
    expect(expired.body.error).toBe('expired_token');
  });
});
