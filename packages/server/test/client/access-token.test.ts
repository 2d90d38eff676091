import { describe, expect, it, vi } from 'vitest';
import {
  IdTokenValidationError,
  LoginRequiredError,
  MfaRequiredError,
  RequestError,
  ServerClient,
  StatelessStateStore,
  type CookieHandler,
  type TokenSet,
} from '../../src/index.js';
import { json } from 'auth0-test-kit';
import { nowSeconds, SECRET, setup, tenantClientOptions } from '../helpers/client.js';

const SESSION = '__a0_session';

/** Makes the stored access tokens expire within the refresh leeway. */
async function expireTokens(store: Awaited<ReturnType<typeof setup>>['stateStore']) {
  const state = await store.get(SESSION);
  if (!state) throw new Error('no session');
  await store.set(SESSION, {
    ...state,
    tokenSets: state.tokenSets.map((t) => ({ ...t, expiresAt: nowSeconds() + 30 })),
  });
}

describe('getAccessToken', () => {
  it('returns the stored token while it is outside the refresh leeway', async () => {
    const { client, tenant, login } = await setup();
    await login();
    const first = await client.getAccessToken();
    expect(first.accessToken).toMatch(/^fake-at-/);
    expect(await client.getAccessToken()).toEqual(first);
    expect(tenant.counts.refresh).toBeUndefined();
  });

  it('refreshes a token within the leeway and saves the rotated refresh token and new ID token', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const before = await stateStore.get(SESSION);
    await expireTokens(stateStore);
    const token = await client.getAccessToken();
    expect(tenant.counts.refresh).toBe(1);
    const after = await stateStore.get(SESSION);
    expect(token.accessToken).not.toBe(before?.tokenSets[0]?.accessToken);
    expect(after?.refreshToken).toMatch(/^fake-rt-/);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.idToken).not.toBe(before?.idToken);
    expect(after?.internal.sid).toBe(before?.internal.sid);
    // The old refresh token was rotated away: using the saved one must keep working.
    await expireTokens(stateStore);
    await client.getAccessToken();
    expect(tenant.counts.refresh).toBe(2);
  });

  it('refreshes for another audience and scope with the same refresh token (multi-resource)', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    let sentAudience: string | null = null;
    tenant.intercept = (endpoint, body) => {
      if (endpoint === 'refresh') sentAudience = body.get('audience');
      return undefined;
    };
    const token = await client.getAccessToken({ audience: 'https://api.example.com', scope: 'read:items' });
    expect(sentAudience).toBe('https://api.example.com');
    expect(token).toMatchObject({ audience: 'https://api.example.com', scope: 'read:items' });
    const state = await stateStore.get(SESSION);
    expect(state?.tokenSets.map((t) => t.audience).sort()).toEqual(['default', 'https://api.example.com']);
    await client.getAccessToken({ audience: 'https://api.example.com', scope: 'read:items' });
    expect(tenant.counts.refresh).toBe(1);
  });

  it('refreshes once for twenty concurrent callers', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    tenant.tokenDelayMs = 50;
    const tokens = await Promise.all(Array.from({ length: 20 }, () => client.getAccessToken()));
    expect(tenant.counts.refresh).toBe(1);
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
  });

  it('runs the refresh inside stateStore.withLock when the store has one', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const locked: string[] = [];
    Object.assign(stateStore, {
      withLock: async <T>(identifier: string, fn: () => Promise<T>) => {
        locked.push(identifier);
        return fn();
      },
    });
    await Promise.all([client.getAccessToken(), client.getAccessToken()]);
    // The leader refreshed under the lock; the caller that joined it checked its session there too.
    expect(locked).toEqual([SESSION, SESSION]);
  });

  it('does not bring back a session that ended while the refresh waited for the lock', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    Object.assign(stateStore, {
      withLock: async <T>(identifier: string, fn: () => Promise<T>) => {
        await stateStore.delete(identifier);
        return fn();
      },
    });
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: 'login_required' });
    expect(await stateStore.get(SESSION)).toBeUndefined();
    expect(tenant.counts.refresh).toBeUndefined();
  });

  it('does not overwrite a session that a new login put in place while the refresh waited', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const newer = await stateStore.get(SESSION);
    if (!newer) throw new Error('no session');
    newer.internal = { sid: 'a-newer-login', createdAt: nowSeconds() };
    newer.tokenSets = newer.tokenSets.map((t) => ({
      ...t,
      accessToken: 'newer-at',
      expiresAt: nowSeconds() + 3600,
    }));
    Object.assign(stateStore, {
      withLock: async <T>(identifier: string, fn: () => Promise<T>) => {
        await stateStore.set(identifier, newer);
        return fn();
      },
    });
    expect((await client.getAccessToken()).accessToken).toBe('newer-at');
    expect((await stateStore.get(SESSION))?.internal.sid).toBe('a-newer-login');
  });

  it('throws LoginRequiredError without a session', async () => {
    const { client } = await setup();
    await expect(client.getAccessToken()).rejects.toBeInstanceOf(LoginRequiredError);
  });

  it('throws LoginRequiredError when the session has no refresh token', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const state = await stateStore.get(SESSION);
    if (state) await stateStore.set(SESSION, { ...state, refreshToken: undefined });
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: 'login_required' });
  });

  it('turns invalid_grant into LoginRequiredError and leaves the session as it was', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.revokeRefreshTokens();
    await expect(client.getAccessToken()).rejects.toMatchObject({
      code: 'login_required',
      error: 'invalid_grant',
    });
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });

  it('turns mfa_required into MfaRequiredError with a sealed token and leaves the session as it was', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.intercept = (endpoint) =>
      endpoint === 'refresh'
        ? json(
            {
              error: 'mfa_required',
              error_description: 'Multifactor authentication required',
              mfa_token: 'fake-raw-mfa-token',
              mfa_requirements: { challenge: [{ type: 'otp' }] },
            },
            403,
          )
        : undefined;
    const err = await client.getAccessToken({ audience: 'https://api.example.com' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaRequiredError);
    if (!(err instanceof MfaRequiredError)) return;
    expect(err.mfaToken).not.toContain('fake-raw-mfa-token');
    expect(err.mfaRequirements).toEqual({ challenge: [{ type: 'otp' }] });
    expect(JSON.stringify(err) + String(err.stack)).not.toContain('fake-raw-mfa-token');
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
    const context = await client.mfa.decryptMfaToken(err.mfaToken);
    expect(context).toMatchObject({ mfaToken: 'fake-raw-mfa-token', audience: 'https://api.example.com' });
  });
});

describe('getAccessToken({ refresh: true })', () => {
  it('refreshes a token that is still valid, once, and stores the new one', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const before = await stateStore.get(SESSION);
    const token = await client.getAccessToken({ refresh: true });
    expect(tenant.counts.refresh).toBe(1);
    expect(token.accessToken).not.toBe(before?.tokenSets[0]?.accessToken);
    const after = await stateStore.get(SESSION);
    expect(after?.tokenSets.map((t) => t.accessToken)).toContain(token.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.internal.sid).toBe(before?.internal.sid);
    // Without the option the new token is served from the session again.
    expect(await client.getAccessToken()).toEqual(token);
    expect(tenant.counts.refresh).toBe(1);
  });

  it('sends one token request for five concurrent forced callers, who all get its token', async () => {
    const { client, tenant, login } = await setup();
    await login();
    const old = await client.getAccessToken();
    tenant.tokenDelayMs = 50;
    const tokens = await Promise.all(
      Array.from({ length: 5 }, () => client.getAccessToken({ refresh: true })),
    );
    expect(tenant.counts.refresh).toBe(1);
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set([tokens[0]?.accessToken]));
    expect(tokens[0]?.accessToken).not.toBe(old.accessToken);
  });

  it('shares the refresh of a concurrent caller whose token had expired', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    tenant.tokenDelayMs = 50;
    const [plain, forced] = await Promise.all([
      client.getAccessToken(),
      client.getAccessToken({ refresh: true }),
    ]);
    expect(tenant.counts.refresh).toBe(1);
    expect(forced.accessToken).toBe(plain.accessToken);
  });

  it('redeems the refresh token once for a forced and a plain request that carry one cookie', async () => {
    const { tenant } = await setup();
    type Request = Map<string, string>;
    // Each request reads the cookies it came with and writes its own response.
    const cookieHandler: CookieHandler<Request> = {
      getCookie: (name, request) => request?.get(name),
      getCookies: (request) => Object.fromEntries(request ?? []),
      setCookie: (name, value, _options, request) => void request?.set(name, value),
      deleteCookie: (name, request) => void request?.delete(name),
    };
    const stateStore = new StatelessStateStore<Request>({ secret: SECRET }, cookieHandler);
    const client = new ServerClient<Request>({ ...tenantClientOptions(tenant), stateStore, cookieHandler });
    const browser: Request = new Map();
    const url = await client.startInteractiveLogin({}, browser);
    await client.completeInteractiveLogin(await tenant.authorize(url), browser);
    const state = await stateStore.get(SESSION, browser);
    if (!state) throw new Error('no session');
    const expiring = state.tokenSets.map((t) => ({ ...t, expiresAt: nowSeconds() + 30 }));
    await stateStore.set(SESSION, { ...state, tokenSets: expiring }, false, browser);
    tenant.tokenDelayMs = 50;
    const [plain, forced] = await Promise.all([
      client.getAccessToken({}, new Map(browser)),
      client.getAccessToken({ refresh: true }, new Map(browser)),
    ]);
    expect(tenant.counts.refresh).toBe(1);
    expect(forced.accessToken).toBe(plain.accessToken);
  });

  it('refreshes on its own after joining a plain caller that found a token the forced call had already seen', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const state = await stateStore.get(SESSION);
    if (!state) throw new Error('no session');
    let forced: Promise<TokenSet> | undefined;
    Object.assign(stateStore, {
      withLock: async <T>(identifier: string, fn: () => Promise<T>) => {
        if (!forced) {
          // While the plain caller waits for the lock, another instance stores a fresh token, and
          // then a forced call starts (it sees that token) and joins the plain caller's flight.
          await stateStore.set(identifier, {
            ...state,
            tokenSets: state.tokenSets.map((t) => ({
              ...t,
              accessToken: 'fake-at-seen-by-the-forced-call',
              expiresAt: nowSeconds() + 3600,
            })),
          });
          forced = client.getAccessToken({ refresh: true });
          await new Promise((resolve) => setImmediate(resolve));
        }
        return fn();
      },
    });
    const plain = await client.getAccessToken();
    expect(plain.accessToken).toBe('fake-at-seen-by-the-forced-call');
    expect(tenant.counts.refresh).toBeUndefined();
    const token = await forced;
    expect(token?.accessToken).not.toBe('fake-at-seen-by-the-forced-call');
    expect(tenant.counts.refresh).toBe(1);
  });

  it('takes a token that another caller obtained after it started instead of refreshing again', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const state = await stateStore.get(SESSION);
    if (!state) throw new Error('no session');
    // Another instance refreshes while this call waits for the session's lock.
    Object.assign(stateStore, {
      withLock: async <T>(identifier: string, fn: () => Promise<T>) => {
        await stateStore.set(identifier, {
          ...state,
          tokenSets: state.tokenSets.map((t) => ({ ...t, accessToken: 'fake-at-from-elsewhere' })),
        });
        return fn();
      },
    });
    expect((await client.getAccessToken({ refresh: true })).accessToken).toBe('fake-at-from-elsewhere');
    expect(tenant.counts.refresh).toBeUndefined();
  });

  it('throws LoginRequiredError when the session has no refresh token, leaving it as it was', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const state = await stateStore.get(SESSION);
    if (state) await stateStore.set(SESSION, { ...state, refreshToken: undefined });
    const before = JSON.stringify(await stateStore.get(SESSION));
    const err = await client.getAccessToken({ refresh: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginRequiredError);
    expect(err).toMatchObject({ code: 'login_required' });
    expect(tenant.counts.refresh).toBeUndefined();
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });

  it('leaves the session byte-for-byte unchanged when the refresh fails', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.intercept = (endpoint) =>
      endpoint === 'refresh' ? json({ error: 'server_error', error_description: 'boom' }, 500) : undefined;
    await expect(client.getAccessToken({ refresh: true })).rejects.toMatchObject({ code: 'server_error' });
    tenant.intercept = undefined;
    tenant.revokeRefreshTokens();
    await expect(client.getAccessToken({ refresh: true })).rejects.toMatchObject({
      code: 'login_required',
      error: 'invalid_grant',
    });
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
    // The stored token still serves callers that do not force a refresh.
    expect((await client.getAccessToken()).accessToken).toBe(JSON.parse(before).tokenSets[0].accessToken);
  });

  it('throws MfaRequiredError on mfa_required, as a refresh of an expired token does', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.intercept = (endpoint) =>
      endpoint === 'refresh'
        ? json({ error: 'mfa_required', mfa_token: 'fake-raw-mfa-token' }, 403)
        : undefined;
    const err = await client.getAccessToken({ refresh: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaRequiredError);
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });

  it('refuses a refresh that is not a boolean, naming it', async () => {
    const { client, login } = await setup();
    await login();
    await expect(Reflect.apply(client.getAccessToken, client, [{ refresh: 'yes' }])).rejects.toMatchObject({
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: expect.stringContaining('"refresh"'),
    });
  });
});

describe('getAccessToken faults on the token endpoint', () => {
  const faults: [string, () => Response | Promise<Response>, string][] = [
    [
      'a 500 with an OAuth error body',
      () => json({ error: 'server_error', error_description: 'boom' }, 500),
      'server_error',
    ],
    [
      'an HTML 502',
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      'invalid_response',
    ],
    [
      'truncated JSON',
      () =>
        new Response('{"access_token":"fake-at-trunc', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      'invalid_response',
    ],
  ];
  for (const [name, answer, code] of faults) {
    it(`gives ${code} for ${name}, leaving the session byte-for-byte unchanged`, async () => {
      const { client, tenant, stateStore, login } = await setup();
      await login();
      await expireTokens(stateStore);
      const before = JSON.stringify(await stateStore.get(SESSION));
      tenant.intercept = (endpoint) => (endpoint === 'refresh' ? answer() : undefined);
      const err = await client.getAccessToken().catch((e: unknown) => e);
      expect(err).toMatchObject({ code });
      expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
      expect(tenant.counts.refresh).toBe(1);
    });
  }

  it('gives request_timeout exactly when the token endpoint has hung for httpTimeout', async () => {
    const httpTimeout = 3000;
    const { client, tenant, stateStore, login } = await setup({ httpTimeout });
    await login();
    await expireTokens(stateStore);
    const before = JSON.stringify(await stateStore.get(SESSION));
    let asked = () => undefined as void;
    const hanging = new Promise<void>((resolve) => (asked = resolve));
    tenant.intercept = (endpoint) => {
      if (endpoint !== 'refresh') return undefined;
      asked();
      return new Promise<Response>(() => undefined);
    };
    // The deadline runs on a fake clock, moved from the moment the token request hangs: the healthy
    // login before it never shares a short deadline, and a busy machine can neither fire it early nor
    // make the test wait for it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const call = client.getAccessToken().catch((e: unknown) => e);
    void call.finally(() => (settled = true));
    await hanging;
    await vi.advanceTimersByTimeAsync(httpTimeout - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await call;
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'request_timeout' });
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });
});

describe('getAccessToken never changes who is logged in', () => {
  /** A refresh answer whose ID token is valid, but names `claims` instead of the session's user. */
  const otherUser =
    (tenant: Awaited<ReturnType<typeof setup>>['tenant'], claims: Record<string, unknown>) =>
    async (endpoint: string) => {
      if (endpoint !== 'refresh') return undefined;
      const now = nowSeconds();
      const idToken = await tenant.sign({
        iss: tenant.issuer,
        aud: tenant.clientId,
        iat: now,
        exp: now + 60,
        ...claims,
      });
      return json({
        access_token: 'fake-at-other',
        id_token: idToken,
        token_type: 'Bearer',
        expires_in: 600,
      });
    };

  it('refuses a refresh whose ID token names another sub, leaving the session byte-for-byte unchanged', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.intercept = otherUser(tenant, { sub: 'auth0|mallory' });
    const err = await client.getAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({ code: 'id_token_user_mismatch', claim: 'sub' });
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
    expect((await client.getUser())?.sub).toBe('auth0|alice');
  });

  it("refuses a refresh whose ID token has another iss than the session's user", async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const state = await stateStore.get(SESSION);
    if (!state?.user) throw new Error('no session');
    // A session made when the app pointed at another tenant (same sub there).
    await stateStore.set(SESSION, {
      ...state,
      user: { ...state.user, iss: 'https://old-tenant.example.com/' },
      tokenSets: state.tokenSets.map((t) => ({ ...t, expiresAt: nowSeconds() + 30 })),
    });
    const before = JSON.stringify(await stateStore.get(SESSION));
    tenant.intercept = otherUser(tenant, { sub: 'auth0|alice' });
    const err = await client.getAccessToken().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'id_token_user_mismatch', claim: 'iss' });
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });

  it('accepts a refresh whose ID token names the same user', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    await expireTokens(stateStore);
    tenant.intercept = otherUser(tenant, { sub: 'auth0|alice', name: 'Alice Renamed' });
    await expect(client.getAccessToken()).resolves.toMatchObject({ accessToken: 'fake-at-other' });
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice', name: 'Alice Renamed' });
  });
});

describe('getTokenByRefreshToken', () => {
  it('exchanges a refresh token without touching any session', async () => {
    const { client, stateStore, login } = await setup();
    await login();
    const state = await stateStore.get(SESSION);
    const before = JSON.stringify(state);
    const tokens = await client.getTokenByRefreshToken({ refreshToken: state?.refreshToken ?? '' });
    expect(tokens.accessToken).toMatch(/^fake-at-/);
    expect(tokens.refreshToken).toMatch(/^fake-rt-/);
    expect(tokens.expiresAt).toBeGreaterThan(nowSeconds());
    expect(JSON.stringify(await stateStore.get(SESSION))).toBe(before);
  });

  it('throws MfaRequiredError bound to no session on mfa_required', async () => {
    const { client, tenant } = await setup();
    tenant.intercept = (endpoint) =>
      endpoint === 'refresh'
        ? json({ error: 'mfa_required', mfa_token: 'fake-raw-mfa-token' }, 403)
        : undefined;
    const err = await client.getTokenByRefreshToken({ refreshToken: 'fake-rt-x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaRequiredError);
  });

  it('throws LoginRequiredError for a rejected refresh token', async () => {
    const { client } = await setup();
    await expect(client.getTokenByRefreshToken({ refreshToken: 'fake-rt-unknown' })).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
  });
});
