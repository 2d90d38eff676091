import { describe, expect, it, vi } from 'vitest';
import { json } from 'auth0-test-kit';
import { CookieJar } from '../helpers/cookie-jar.js';
import { nowSeconds, REDIRECT_URI, SECRET, setup } from '../helpers/client.js';
import { ServerClient, StatelessStateStore, type ErrorCode } from '../../src/index.js';
import { makeState } from '../helpers/state.js';

/** A client that keeps sessions and transactions in the cookies of `jar` (the default stores). */
async function cookieSetup(
  options: {
    httpTimeout?: number;
    tokenRefreshLeeway?: number;
    secret?: string;
    session?: ConstructorParameters<typeof ServerClient>[0]['session'];
    authorizationParams?: { redirect_uri: string };
  } = {},
) {
  const jar = new CookieJar();
  const base = await setup();
  const client = new ServerClient({
    domain: new URL(base.tenant.issuer).host,
    clientId: base.tenant.clientId,
    clientSecret: base.tenant.clientSecret,
    secret: SECRET,
    authorizationParams: { redirect_uri: REDIRECT_URI },
    cookieHandler: jar,
    customFetch: base.tenant.fetch,
    ...options,
  });
  const login = async () => {
    const url = await client.startInteractiveLogin();
    return client.completeInteractiveLogin(await base.tenant.authorize(url));
  };
  return { jar, client, tenant: base.tenant, login };
}

const sessionCookies = (jar: CookieJar) =>
  JSON.stringify(Object.entries(jar.getCookies()).filter(([name]) => name.startsWith('__Host-__a0_session')));

describe('with a cookie handler and no stores', () => {
  it('keeps the session in encrypted cookies and each login transaction in its own cookie', async () => {
    const { jar, client, tenant } = await cookieSetup();
    const first = await client.startInteractiveLogin();
    const second = await client.startInteractiveLogin();
    const names = Object.keys(jar.getCookies());
    expect(names).toContain(`__Host-__a0_tx.${first.searchParams.get('state')}`);
    expect(names).toContain(`__Host-__a0_tx.${second.searchParams.get('state')}`);
    await client.completeInteractiveLogin(await tenant.authorize(first));
    await client.completeInteractiveLogin(await tenant.authorize(second));
    expect(Object.keys(jar.getCookies()).filter((n) => n.startsWith('__Host-__a0_tx.'))).toEqual([]);
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice' });
    expect(sessionCookies(jar)).not.toContain('fake-rt-');
  });

  it('names the missing transaction when its cookie is gone', async () => {
    const { jar, client, tenant } = await cookieSetup();
    const url = await client.startInteractiveLogin();
    const key = `__a0_tx.${url.searchParams.get('state')}`;
    jar.deleteCookie(`__Host-${key}`);
    await expect(client.completeInteractiveLogin(await tenant.authorize(url))).rejects.toMatchObject({
      code: 'missing_transaction',
      transaction: key,
    });
  });

  it('never turns a callback state into a cookie name (state=a; Domain=evil)', async () => {
    const { jar, client } = await cookieSetup();
    await client.startInteractiveLogin();
    const headers = jar.setCookieHeaders.length;
    for (const query of [
      'error=access_denied&state=a%3B%20Domain%3Devil',
      'code=c&state=a%3B%20Domain%3Devil',
    ]) {
      await expect(client.completeInteractiveLogin(`${REDIRECT_URI}?${query}`)).rejects.toMatchObject({
        code: 'invalid_callback',
      });
    }
    expect(jar.setCookieHeaders.slice(headers)).toEqual([]);
  });

  it('reads a tampered or foreign session cookie as no session, without throwing', async () => {
    const { jar, client, login } = await cookieSetup();
    await login();
    const [name, value] = Object.entries(jar.getCookies()).find(([n]) =>
      n.startsWith('__Host-__a0_session'),
    ) ?? ['', ''];
    jar.setCookie(name, value.slice(0, -4) + 'AAAA');
    await expect(client.getSession()).resolves.toBeUndefined();

    const foreign = await cookieSetup({ secret: 'another-deployment-secret-of-32-chars!' });
    await foreign.login();
    for (const [n, v] of Object.entries(foreign.jar.getCookies())) jar.setCookie(n, v);
    await expect(client.getSession()).resolves.toBeUndefined();
  });

  it('leaves the session cookies byte-for-byte unchanged when a refresh fails', async () => {
    const { jar, client, tenant, login } = await cookieSetup({ tokenRefreshLeeway: 86_400 + 60 });
    await login();
    const before = sessionCookies(jar);
    const headers = jar.setCookieHeaders.length;
    let asked = () => undefined as void;
    const faults: [
      expected: { code: ErrorCode; error?: string },
      answer: () => Response | Promise<Response>,
    ][] = [
      [{ code: 'server_error', error: 'server_error' }, () => json({ error: 'server_error' }, 500)],
      [{ code: 'invalid_response' }, () => new Response('<html>Bad gateway</html>', { status: 502 })],
      [
        { code: 'invalid_response' },
        () =>
          new Response('{"access_token":"x', {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      ],
      [{ code: 'request_timeout' }, () => new Promise<Response>(() => asked())],
      [{ code: 'login_required', error: 'invalid_grant' }, () => json({ error: 'invalid_grant' }, 403)],
      [
        { code: 'mfa_required', error: 'mfa_required' },
        () => json({ error: 'mfa_required', mfa_token: 'fake-raw' }, 403),
      ],
    ];
    for (const [expected, answer] of faults) {
      tenant.intercept = (endpoint) => (endpoint === 'refresh' ? answer() : undefined);
      if (expected.code === 'request_timeout') {
        // The deadline (httpTimeout, 10 s by default) runs on a fake clock, moved on once the token
        // request hangs: a busy machine can neither hit it early nor make the test wait for it.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        try {
          const hanging = new Promise<void>((resolve) => (asked = resolve));
          const call = client.getAccessToken().catch((err: unknown) => err);
          await hanging;
          await vi.advanceTimersByTimeAsync(10_000);
          expect(await call).toMatchObject(expected);
        } finally {
          vi.useRealTimers();
        }
      } else {
        await expect(client.getAccessToken()).rejects.toMatchObject(expected);
      }
      expect(sessionCookies(jar)).toBe(before);
    }
    expect(jar.setCookieHeaders.length).toBe(headers);
    tenant.intercept = undefined;
    const token = await client.getAccessToken();
    expect(token.expiresAt).toBeGreaterThan(nowSeconds());
    expect(sessionCookies(jar)).not.toBe(before);
  });

  it('refreshes once for twenty concurrent requests of one browser', async () => {
    const { client, tenant, login } = await cookieSetup({ tokenRefreshLeeway: 86_400 + 60 });
    await login();
    tenant.tokenDelayMs = 30;
    await Promise.all(Array.from({ length: 20 }, () => client.getAccessToken()));
    expect(tenant.counts.refresh).toBe(1);
  });

  it('explains that back-channel logout cannot reach cookie sessions', async () => {
    const { client, tenant, login } = await cookieSetup();
    await login();
    const token = await tenant.sign({
      iss: tenant.issuer,
      aud: tenant.clientId,
      iat: nowSeconds(),
      exp: nowSeconds() + 120,
      jti: 'j1',
      sid: 's',
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    await expect(client.handleBackchannelLogout(token)).rejects.toMatchObject({
      code: 'backchannel_logout_unsupported',
    });
  });
});

describe('__Host- cookies', () => {
  it('names the session and transaction cookies __Host- when Secure, host-only and on Path=/', async () => {
    const { jar, client, tenant } = await cookieSetup();
    const url = await client.startInteractiveLogin();
    const tx = jar.setCookieHeaders.find((h) =>
      h.startsWith(`__Host-__a0_tx.${url.searchParams.get('state')}=`),
    );
    expect(tx).toMatch(/; Path=\/;/);
    expect(tx).toMatch(/; Secure/);
    expect(tx).not.toMatch(/Domain=/i);
    await client.completeInteractiveLogin(await tenant.authorize(url));
    expect(jar.names().filter((n) => n.includes('__a0_'))).toEqual(['__Host-__a0_session.0']);
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice' });
  });

  it('does not read a session planted under the unprefixed name (e.g. from a sibling subdomain)', async () => {
    const { jar, client } = await cookieSetup();
    // A valid session cookie, sealed with the same secret, but without the prefix: a browser would
    // accept it from a sibling subdomain's Domain cookie, so it must not count.
    const planter = new StatelessStateStore({ secret: SECRET, cookie: { domain: 'example.com' } }, jar);
    await planter.set('__a0_session', makeState({ user: { sub: 'auth0|mallory' } }));
    expect(jar.names()).toContain('__a0_session.0');
    await expect(client.getSession()).resolves.toBeUndefined();
  });

  it('keeps plain names for plain http on loopback (browsers refuse __Host- without Secure)', async () => {
    const { jar, client } = await cookieSetup({
      authorizationParams: { redirect_uri: 'http://127.0.0.1:3000/auth/callback' },
    });
    const url = await client.startInteractiveLogin();
    expect(jar.names().sort()).toEqual([`__a0_tx.${url.searchParams.get('state')}`, '__a0_txb']);
  });

  it('keeps plain names with a Domain or a Path other than /', async () => {
    for (const cookie of [{ domain: 'example.com' }, { path: '/app' }]) {
      const { jar, client } = await cookieSetup({ session: { cookie } });
      const url = await client.startInteractiveLogin();
      expect(jar.names().sort()).toEqual([`__a0_tx.${url.searchParams.get('state')}`, '__a0_txb']);
    }
  });
});

describe('the session option', () => {
  it('sets the lifetime and the attributes of the default session cookie', async () => {
    const { jar, login } = await cookieSetup({
      session: { rolling: false, absoluteDuration: 120, cookie: { name: 'app_session', sameSite: 'strict' } },
    });
    await login();
    const names = Object.keys(jar.getCookies());
    // A name of the app's own gets the prefix too: it follows from the attributes, not the name.
    expect(names.some((n) => n.startsWith('__Host-app_session'))).toBe(true);
    expect(names.some((n) => n.includes('__a0_session'))).toBe(false);
    const header = jar.setCookieHeaders.find((h) => h.startsWith('__Host-app_session'));
    const maxAge = Number(/Max-Age=(\d+)/i.exec(header ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(100);
    expect(maxAge).toBeLessThanOrEqual(120);
    expect(header).toMatch(/SameSite=Strict/i);
  });

  it('keeps transaction cookies SameSite=Lax, so the cross-site callback still carries them', async () => {
    const { jar, client } = await cookieSetup({ session: { cookie: { sameSite: 'strict', path: '/app' } } });
    const url = await client.startInteractiveLogin();
    const header = jar.setCookieHeaders.find((h) => h.startsWith(`__a0_tx.${url.searchParams.get('state')}`));
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\/app/);
  });

  it('names the field when a session option is malformed', async () => {
    await expect(cookieSetup({ session: { absoluteDuration: -5 } })).rejects.toThrow(/absoluteDuration/);
  });
});
