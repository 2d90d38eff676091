import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LoginRequiredError,
  MemoryTransactionStore,
  ServerClient,
  StatefulStateStore,
} from '../../src/index.js';
import { RedisCoordinator, RedisSessionStore } from '../../src/redis/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { cleanup, redisClient, uniquePrefix } from './helpers.js';
import { startTestEmulator } from '../../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
const API = 'https://api.example.com';
const OTHER_API = 'https://other.example.com';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const APP = 'http://127.0.0.1:3999';

describe('revokeRefreshToken with two instances over one Redis session store', () => {
  const redis = redisClient();
  const prefix = uniquePrefix('revoke');
  let em: Emulator;
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [`${APP}/auth/callback`] }],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      apis: [{ audience: API }, { audience: OTHER_API }],
    });
  });
  afterAll(async () => {
    await em?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  /** Two app instances (A and B) over the same Redis, seen by one browser, which logs in through A. */
  async function twoInstances() {
    const jar = new CookieJar();
    const instance = () =>
      new ServerClient({
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: CLIENT_SECRET,
        secret: SECRET,
        authorizationParams: { redirect_uri: `${APP}/auth/callback`, audience: API },
        stateStore: new StatefulStateStore(
          {
            secret: SECRET,
            store: new RedisSessionStore({ client: redis, secret: SECRET, prefix }),
            appBaseUrl: APP,
          },
          jar,
        ),
        transactionStore: new MemoryTransactionStore(),
        coordinator: new RedisCoordinator({ client: redis, prefix }),
      });
    const a = instance();
    const b = instance();
    const url = await a.startInteractiveLogin();
    await a.completeInteractiveLogin(await em.login(url.href, ALICE));
    const refreshToken = (await a.getSession())?.refreshToken;
    if (refreshToken === undefined) throw new Error('the login gave no refresh token');
    return { a, b, refreshToken };
  }

  /** What a refresh for another audience (which needs the refresh token) throws, or 'ok'. */
  const refreshOutcome = (client: ServerClient) =>
    client.getAccessToken({ audience: OTHER_API }).then(
      () => 'ok',
      (err: unknown) => (err instanceof LoginRequiredError ? `${err.code}:${err.error ?? '-'}` : err),
    );

  it("a token revoked through instance A fails instance B's next refresh with login_required (invalid_grant)", async () => {
    const { a, b, refreshToken } = await twoInstances();
    await a.revokeRefreshToken({ token: refreshToken });
    // The session still holds the token (it was named explicitly): the server is what refuses it.
    expect((await b.getSession())?.refreshToken).toBe(refreshToken);
    expect(await refreshOutcome(b)).toBe('login_required:invalid_grant');
    expect(await refreshOutcome(a)).toBe('login_required:invalid_grant');
  });

  it("revoking the session's own token removes it from the shared session, and the server refuses it", async () => {
    const { a, b, refreshToken } = await twoInstances();
    await a.revokeRefreshToken();
    expect((await b.getSession())?.refreshToken).toBeUndefined();
    expect(await refreshOutcome(b)).toBe('login_required:-');
    // Still usable in B until it expires: the access token already issued.
    expect((await b.getAccessToken()).audience).toBe(API);
    await expect(b.getTokenByRefreshToken({ refreshToken })).rejects.toMatchObject({
      code: 'login_required',
      error: 'invalid_grant',
    });
  });

  it('logout({ revokeRefreshToken: true }) revokes the token; a plain logout leaves it working', async () => {
    const revoked = await twoInstances();
    await revoked.b.logout({ revokeRefreshToken: true });
    expect(await revoked.a.getSession()).toBeUndefined();
    await expect(
      revoked.a.getTokenByRefreshToken({ refreshToken: revoked.refreshToken }),
    ).rejects.toMatchObject({
      code: 'login_required',
      error: 'invalid_grant',
    });
    const kept = await twoInstances();
    await kept.b.logout();
    expect((await kept.a.getTokenByRefreshToken({ refreshToken: kept.refreshToken })).accessToken).toEqual(
      expect.any(String),
    );
  });

  it('refuses an empty token before any request, and a session without a refresh token', async () => {
    const { a } = await twoInstances();
    await expect(a.revokeRefreshToken({ token: '' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
    await a.logout();
    await expect(a.revokeRefreshToken()).rejects.toBeInstanceOf(LoginRequiredError);
  });
});
