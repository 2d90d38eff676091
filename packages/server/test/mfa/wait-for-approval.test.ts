import { describe, expect, it, vi } from 'vitest';
import { RequestError, ServerError } from '../../src/errors/index.js';
import { json, tokenEndpoint } from 'auth0-test-kit';
import { sealed, setup } from './harness.js';

/** Answers the polls in order, repeating the last; records when each poll arrived. */
function script(...answers: (() => Response)[]) {
  const at: number[] = [];
  const route = tokenEndpoint(() => {
    at.push(Date.now());
    const next = answers[Math.min(at.length - 1, answers.length - 1)];
    return next ? next() : json({}, 500);
  });
  return { route, at };
}
/**
 * Lets real I/O (WebCrypto, response bodies), which fake timers do not drive, run until `condition`
 * holds: fake time must only move once the poller is sleeping, or it would fire a request's timeout.
 */
async function until(condition: () => boolean) {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 2000) throw new Error('condition not reached within 2 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs `body` on fake setTimeout, clearTimeout and Date, recording the delays asked of setTimeout. Not
 * vi.spyOn for the record: vitest restores every spy again after each file, which in a worker shared by
 * several files would reinstate the fake setTimeout for the files that follow.
 */
async function withFakeTimers(body: (delays: unknown[]) => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const fakeSetTimeout = globalThis.setTimeout;
  const delays: unknown[] = [];
  globalThis.setTimeout = Object.assign((...args: Parameters<typeof fakeSetTimeout>) => {
    delays.push(args[1]);
    return fakeSetTimeout(...args);
  }, fakeSetTimeout);
  try {
    await body(delays);
  } finally {
    globalThis.setTimeout = fakeSetTimeout;
    vi.useRealTimers();
  }
}

const pending = () => json({ error: 'authorization_pending', error_description: 'not yet' }, 400);
const slowDown = () => json({ error: 'slow_down' }, 400);
const approved = () => json({ access_token: 'AT-push', token_type: 'Bearer', expires_in: 60 });

describe('waitForApproval', () => {
  it('polls the mfa-oob grant through authorization_pending until approved', async () => {
    const s = script(pending, pending, approved);
    const { mfa, tokens, seen } = setup({ routes: [s.route] });
    const result = await mfa.waitForApproval({
      mfaToken: await sealed(tokens),
      oobCode: 'oob-1',
      intervalMs: 20,
      persist: false,
    });
    expect(result.accessToken).toBe('AT-push');
    expect(s.at).toHaveLength(3);
    expect(new URLSearchParams(seen[0]?.body).get('oob_code')).toBe('oob-1');
    expect((s.at[2] ?? 0) - (s.at[1] ?? 0)).toBeGreaterThanOrEqual(18);
  });

  it('waits 5 s longer after slow_down', () =>
    withFakeTimers(async (delays) => {
      const s = script(slowDown, approved);
      const { mfa, tokens } = setup({ routes: [s.route] });
      const done = mfa.waitForApproval({
        mfaToken: await sealed(tokens),
        oobCode: 'oob-1',
        intervalMs: 10,
        persist: false,
      });
      await until(() => delays.includes(10 + 5000));
      await vi.advanceTimersByTimeAsync(10 + 5000 - 1);
      expect(s.at).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(done).resolves.toMatchObject({ accessToken: 'AT-push' });
      expect(s.at).toHaveLength(2);
      expect((s.at[1] ?? 0) - (s.at[0] ?? 0)).toBe(10 + 5000);
    }));

  it('stops on invalid_grant: the user rejected the push', async () => {
    const s = script(pending, () => json({ error: 'invalid_grant', error_description: 'rejected' }, 403));
    const { mfa, tokens } = setup({ routes: [s.route] });
    const err = await mfa
      .waitForApproval({ mfaToken: await sealed(tokens), oobCode: 'o', intervalMs: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'invalid_grant', status: 403 });
    expect(s.at).toHaveLength(2);
  });

  it('stops on expired_token: the challenge expired', async () => {
    const s = script(() => json({ error: 'expired_token' }, 400));
    const { mfa, tokens } = setup({ routes: [s.route] });
    await expect(
      mfa.waitForApproval({ mfaToken: await sealed(tokens), oobCode: 'o', intervalMs: 5 }),
    ).rejects.toMatchObject({
      error: 'expired_token',
    });
  });

  it('gives up with request_timeout once timeoutMs would pass', () =>
    withFakeTimers(async (delays) => {
      const s = script(pending);
      const { mfa, tokens } = setup({ routes: [s.route] });
      const started = Date.now();
      const done = mfa
        .waitForApproval({ mfaToken: await sealed(tokens), oobCode: 'o', intervalMs: 20, timeoutMs: 70 })
        .catch((e: unknown) => e);
      // Polls at 0, 20, 40 and 60 ms; the next, at 80 ms, would be past the 70 ms.
      for (let sleeps = 1; sleeps <= 3; sleeps++) {
        await until(() => delays.filter((ms) => ms === 20).length === sleeps);
        await vi.advanceTimersByTimeAsync(20);
      }
      const err = await done;
      expect(err).toBeInstanceOf(RequestError);
      expect(err).toMatchObject({ code: 'request_timeout', error: 'authorization_pending' });
      expect(s.at.map((at) => at - started)).toEqual([0, 20, 40, 60]);
      expect(delays.filter((ms) => ms === 20)).toHaveLength(3);
    }));

  it('stops at once when the signal aborts, between polls', async () => {
    const s = script(pending);
    const { mfa, tokens } = setup({ routes: [s.route] });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    const err = await mfa
      .waitForApproval({
        mfaToken: await sealed(tokens),
        oobCode: 'o',
        intervalMs: 10_000,
        signal: controller.signal,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'RequestError', code: 'request_aborted' });
    // Well short of the 10 s interval it would otherwise wait out, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(s.at).toHaveLength(1);
  });

  it('does not poll at all with an already aborted signal', async () => {
    const s = script(approved);
    const { mfa, tokens } = setup({ routes: [s.route] });
    await expect(
      mfa.waitForApproval({ mfaToken: await sealed(tokens), oobCode: 'o', signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'RequestError', code: 'request_aborted' });
    expect(s.at).toHaveLength(0);
  });

  it('validates oobCode and intervalMs', async () => {
    const { mfa, tokens } = setup();
    const mfaToken = await sealed(tokens);
    await expect(mfa.waitForApproval({ mfaToken, oobCode: '' })).rejects.toThrow(/"oobCode"/);
    await expect(mfa.waitForApproval({ mfaToken, oobCode: 'o', intervalMs: -1 })).rejects.toThrow(
      /"intervalMs"/,
    );
  });
});
