import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackchannelAuthenticationError,
  MemoryTransactionStore,
  RequestError,
  ServerClient,
  ServerError,
  type BackchannelClock,
} from '../../src/index.js';
import { MemoryStateStore } from '../../src/testing/index.js';
import { startTestEmulator } from '../../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const API = 'https://api.example.com';
const DETAILS = [{ type: 'payment_initiation', amount: '42.00', currency: 'EUR' }];

describe('CIBA against auth0-emulator', () => {
  let em: Emulator;
  // One clock for both sides: the SDK's waits move the emulator's clock instead of sleeping.
  let nowMs = Date.now();
  beforeAll(async () => {
    em = await startTestEmulator(
      {
        clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [] }],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
        apis: [{ audience: API, scopes: ['read:data'] }],
      },
      { now: () => nowMs },
    );
  });
  afterAll(() => em?.close());

  function app() {
    const stateStore = new MemoryStateStore();
    const client = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: 'the-app-cookie-secret-of-at-least-32-chars',
      authorizationParams: { audience: API, scope: 'openid profile offline_access read:data' },
      stateStore,
      transactionStore: new MemoryTransactionStore(),
    });
    return { client, stateStore };
  }

  /** A clock whose sleeps advance time (by `step(ms)`, default all of it) and then run `onSleep`. */
  function testClock(onSleep: (count: number) => Promise<void> = async () => {}, step = (ms: number) => ms) {
    const sleeps: number[] = [];
    const clock: BackchannelClock = {
      now: () => nowMs,
      async sleep(ms, signal) {
        signal?.throwIfAborted();
        sleeps.push(ms);
        nowMs += step(ms);
        await onSleep(sleeps.length);
      },
    };
    return { clock, sleeps };
  }

  const pendingIds = async (): Promise<string[]> => {
    const list = (await (await fetch(new URL('__dev/ciba', em.issuer))).json()) as { auth_req_id: string }[];
    return list.map((r) => r.auth_req_id);
  };
  async function answerAll(what: 'approve' | 'deny') {
    for (const id of await pendingIds()) {
      const res = await fetch(new URL(`__dev/ciba/${encodeURIComponent(id)}/${what}`, em.issuer), {
        method: 'POST',
      });
      await res.arrayBuffer();
    }
  }

  it('loginBackchannel waits for the approval, writes the session and returns the authorization details', async () => {
    const { client } = app();
    const { clock, sleeps } = testClock((n) => (n === 2 ? answerAll('approve') : Promise.resolve()));
    const result = await client.loginBackchannel({
      bindingMessage: 'Pay 42 EUR: 7F3K',
      loginHint: { sub: 'auth0|alice' },
      authorizationDetails: DETAILS,
      clock,
    });
    expect(result).toEqual({ authorizationDetails: DETAILS });
    // Polled after 5 s (pending), after 5 s more (approved meanwhile).
    expect(sleeps).toEqual([5000, 5000]);
    const session = await client.getSession();
    expect(session?.user?.sub).toBe('auth0|alice');
    expect(session?.refreshToken).toEqual(expect.any(String));
    expect((await client.getAccessToken()).audience).toBe(API);
  });

  it('honours slow_down: a poll that came too early makes the next wait 10 s (the Retry-After)', async () => {
    const { client } = app();
    // The second wait is cut short, as a skewed timer would: the emulator answers slow_down.
    const { clock, sleeps } = testClock(
      (n) => (n === 3 ? answerAll('approve') : Promise.resolve()),
      (ms) => (sleeps.length === 2 ? 1000 : ms),
    );
    await client.loginBackchannel({ bindingMessage: 'Slow down', loginHint: { sub: 'auth0|alice' }, clock });
    expect(sleeps).toEqual([5000, 5000, 10_000]);
    expect((await client.getSession())?.user?.sub).toBe('auth0|alice');
  });

  it('throws access_denied when the user denies, and writes no session', async () => {
    const { client } = app();
    const { clock } = testClock(() => answerAll('deny'));
    const err = await client
      .loginBackchannel({ bindingMessage: 'Deny me', loginHint: { sub: 'auth0|alice' }, clock })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackchannelAuthenticationError);
    expect(err).toMatchObject({ code: 'access_denied', error: 'access_denied' });
    expect(await client.getSession()).toBeUndefined();
  });

  it("stops with expired_token once the next poll would pass the request's expires_in", async () => {
    const { client } = app();
    const { clock, sleeps } = testClock();
    const err = await client
      .loginBackchannel({
        bindingMessage: 'Too late',
        loginHint: { sub: 'auth0|alice' },
        requestedExpiry: 12,
        clock,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'expired_token', error: undefined });
    expect(sleeps).toEqual([5000, 5000]);
    await answerAll('deny');
  });

  it('stops at once when the signal aborts, with request_aborted', async () => {
    const { client } = app();
    const controller = new AbortController();
    const { clock } = testClock(async () => controller.abort(new Error('the user left')));
    const err = await client
      .loginBackchannel({
        bindingMessage: 'Abort',
        loginHint: { sub: 'auth0|alice' },
        clock,
        signal: controller.signal,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'request_aborted' });
    await answerAll('deny');
  });

  it('the two steps: startBackchannelLogin, then pollBackchannelLogin until complete', async () => {
    const { client } = app();
    const started = await client.startBackchannelLogin({
      bindingMessage: 'Two steps',
      loginHint: { sub: 'auth0|alice' },
      authorizationParams: { authorization_details: DETAILS },
    });
    expect(started).toMatchObject({
      authReqId: expect.any(String),
      interval: 5,
      expiresIn: 300,
      audience: API,
    });
    expect(await client.pollBackchannelLogin(started)).toEqual({ status: 'pending', interval: 5 });
    expect(await client.getSession()).toBeUndefined();
    await answerAll('approve');
    nowMs += 5000;
    expect(await client.pollBackchannelLogin(started)).toEqual({
      status: 'complete',
      authorizationDetails: DETAILS,
    });
    expect((await client.getSession())?.user?.sub).toBe('auth0|alice');
  });

  it("a poll after the server's expiry throws expired_token with the server's error", async () => {
    const { client } = app();
    const started = await client.startBackchannelLogin({
      bindingMessage: 'Expire',
      loginHint: { sub: 'auth0|alice' },
    });
    nowMs += 301_000;
    await expect(client.pollBackchannelLogin(started)).rejects.toMatchObject({
      code: 'expired_token',
      error: 'expired_token',
    });
  });

  it('an unknown user is refused by the server; bad options before any request', async () => {
    const { client } = app();
    const err = await client
      .startBackchannelLogin({ bindingMessage: 'Who', loginHint: { sub: 'auth0|nobody' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'unknown_user_id' });
    await expect(
      client.startBackchannelLogin({ bindingMessage: '', loginHint: { sub: 'x' } }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
    await expect(
      // @ts-expect-error a login hint must name the user
      client.loginBackchannel({ bindingMessage: 'x', loginHint: {} }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    await expect(
      client.loginBackchannel({
        bindingMessage: 'x',
        loginHint: { sub: 'auth0|alice' },
        // @ts-expect-error a clock must have now() and sleep()
        clock: { now: Date.now },
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    expect(await pendingIds()).toEqual([]);
  });
});
