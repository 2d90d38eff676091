import { describe, expect, it } from 'vitest';
import { BackchannelAuthenticationError, RequestError } from '../../src/errors/index.js';
import { createClientAuth, createFunnelFetch, Transport } from '../../src/http/index.js';
import {
  pollBackchannelOnce,
  startBackchannelLogin,
  waitForBackchannelLogin,
  type BackchannelClock,
} from '../../src/protocol/ciba.js';
import {
  createFakeServer,
  discoveryDocument,
  discoveryRoute,
  fieldsOf,
  json,
  jwksRoute,
  type Route,
} from 'auth0-test-kit';

const ISSUER = 'https://tenant.example.com/';
const AUTH_REQ_ID = 'fake-auth-req-id-SECRET';

/** A transport over the fake server whose discovery lists the CIBA endpoint, answering with `routes`. */
function transportWith(routes: Route[]) {
  const server = createFakeServer([
    discoveryRoute({
      ...discoveryDocument(ISSUER),
      backchannel_authentication_endpoint: `${ISSUER}bc-authorize`,
    }),
    jwksRoute(() => []),
    ...routes,
  ]);
  const transport = new Transport({
    issuer: new URL(ISSUER),
    clientId: 'app',
    clientAuth: createClientAuth({ method: 'client_secret_post', clientSecret: 'app-secret' }),
    fetch: createFunnelFetch({ fetch: server.fetch, timeoutMs: 5000 }),
    clockTolerance: 60,
  });
  return { transport, seen: server.seen };
}

const tokenAnswers = (...answers: Response[]): Route => {
  return (request) => (request.path === '/oauth/token' ? answers.shift() : undefined);
};

describe('startBackchannelLogin', () => {
  it("sends Auth0's login_hint, the binding message, openid in the scope, the audience and the details", async () => {
    const { transport, seen } = transportWith([
      (r) =>
        r.path === '/bc-authorize'
          ? json({ auth_req_id: AUTH_REQ_ID, expires_in: 120, interval: 2 })
          : undefined,
    ]);
    const started = await startBackchannelLogin(
      transport,
      { audience: 'https://api.example.com', scope: 'profile', redirect_uri: 'https://app.example.com/cb' },
      {
        bindingMessage: 'Pay 42',
        loginHint: { sub: 'auth0|alice' },
        authorizationDetails: [{ type: 'payment_initiation' }],
        requestedExpiry: 60,
      },
    );
    expect(started).toMatchObject({
      authReqId: AUTH_REQ_ID,
      expiresIn: 120,
      interval: 2,
      audience: 'https://api.example.com',
    });
    const sent = fieldsOf(seen.find((r) => r.path === '/bc-authorize') ?? seen[0]!);
    expect(sent).toMatchObject({
      client_id: 'app',
      client_secret: 'app-secret',
      scope: 'openid profile',
      binding_message: 'Pay 42',
      audience: 'https://api.example.com',
      requested_expiry: '60',
      authorization_details: '[{"type":"payment_initiation"}]',
    });
    expect(JSON.parse(String(sent.login_hint))).toEqual({
      format: 'iss_sub',
      iss: ISSUER,
      sub: 'auth0|alice',
    });
    expect(sent).not.toHaveProperty('redirect_uri');
  });
});

describe('pollBackchannelOnce', () => {
  it('keeps the interval on authorization_pending; slow_down adds 5 s, or waits the longer Retry-After', async () => {
    const { transport } = transportWith([
      tokenAnswers(
        json({ error: 'authorization_pending' }, 400),
        json({ error: 'slow_down' }, 400),
        json({ error: 'slow_down' }, 400, { 'retry-after': '30' }),
      ),
    ]);
    expect(await pollBackchannelOnce(transport, AUTH_REQ_ID, 5)).toEqual({ status: 'pending', interval: 5 });
    expect(await pollBackchannelOnce(transport, AUTH_REQ_ID, 5)).toEqual({ status: 'pending', interval: 10 });
    expect(await pollBackchannelOnce(transport, AUTH_REQ_ID, 10)).toEqual({
      status: 'pending',
      interval: 30,
    });
  });

  it('access_denied and expired_token are typed errors that never carry the auth_req_id', async () => {
    const { transport } = transportWith([
      tokenAnswers(
        json({ error: 'access_denied', error_description: 'denied' }, 400),
        json({ error: 'expired_token' }, 400),
      ),
    ]);
    for (const code of ['access_denied', 'expired_token']) {
      const err = await pollBackchannelOnce(transport, AUTH_REQ_ID, 5).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackchannelAuthenticationError);
      expect(err).toMatchObject({ code, error: code, status: 400 });
      expect(`${String(err)} ${JSON.stringify(err)}`).not.toContain('SECRET');
    }
  });
});

describe('waitForBackchannelLogin', () => {
  const start = { authReqId: AUTH_REQ_ID, expiresIn: 30, expiresAt: 0, interval: 5 };
  function fakeClock() {
    let now = 0;
    const sleeps: number[] = [];
    const clock: BackchannelClock = {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    };
    return { clock, sleeps };
  }

  it('waits the interval the last poll asked for before each poll', async () => {
    const { clock, sleeps } = fakeClock();
    const outcomes = [
      { status: 'pending' as const, interval: 5 },
      { status: 'pending' as const, interval: 10 },
      {
        status: 'complete' as const,
        response: { access_token: 'x', token_type: 'bearer' as const },
        claims: undefined,
      },
    ];
    const done = await waitForBackchannelLogin(async () => outcomes.shift()!, start, { clock });
    expect(done.response.access_token).toBe('x');
    expect(sleeps).toEqual([5000, 5000, 10_000]);
  });

  it('gives up with expired_token, without another poll, when the next one would pass expires_in', async () => {
    const { clock, sleeps } = fakeClock();
    let polls = 0;
    const err = await waitForBackchannelLogin(
      async () => {
        polls++;
        return { status: 'pending', interval: 5 };
      },
      start,
      { clock },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'expired_token', error: undefined });
    expect(polls).toBe(6);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(30_000);
  });

  it('stops a poll in flight when the signal aborts', async () => {
    const { clock } = fakeClock();
    const controller = new AbortController();
    const err = await waitForBackchannelLogin(
      () => {
        controller.abort();
        return new Promise(() => undefined);
      },
      start,
      { clock, signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'request_aborted' });
  });
});
