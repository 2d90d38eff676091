import { describe, expect, it } from 'vitest';
import { resolveIssuer } from '../../src/config.js';
import { MemoryTransactionStore, ServerClient, parseCookieHeader } from '../../src/index.js';
import { MemoryStateStore } from '../../src/testing/index.js';
import type { CookieHandler } from '../../src/index.js';

const base = {
  domain: 'https://tenant.eu.auth0.com',
  clientId: 'app',
  clientSecret: 'a-client-secret',
  secret: 'a-cookie-secret-of-at-least-32-characters',
  authorizationParams: { redirect_uri: 'https://app.example.com/auth/callback' },
};

type Http = { cookie: string; set: string[] };
/** A handler as users write it: it reads the request through its storeOptions, tolerating none. */
const declared: CookieHandler<Http> = {
  getCookies: (http) => parseCookieHeader(http?.cookie ?? ''),
  getCookie: (name, http) => parseCookieHeader(http?.cookie ?? '')[name],
  setCookie: (name, value, _options, http) => void http?.set.push(`${name}=${value}`),
  deleteCookie: (name, http) => void http?.set.push(`${name}=`),
};

describe('a domain without a scheme', () => {
  it('names http:// for a loopback host, where https would never connect', () => {
    expect(() => resolveIssuer('127.0.0.1:4400')).toThrow(/http:\/\/127\.0\.0\.1:4400/);
    expect(() => resolveIssuer('localhost:4400')).toThrow(/http:\/\/localhost:4400/);
    expect(() => resolveIssuer('[::1]:4400')).toThrow(TypeError);
  });

  it('still means https for any other host', () => {
    expect(resolveIssuer('tenant.eu.auth0.com').href).toBe('https://tenant.eu.auth0.com/');
  });
});

describe('methods that need storeOptions', () => {
  const client = new ServerClient<Http>({ ...base, cookieHandler: declared });

  it.each([
    ['getSession', () => client.getSession()],
    ['getUser', () => client.getUser()],
    ['getAccessToken', () => client.getAccessToken()],
    ['startInteractiveLogin', () => client.startInteractiveLogin()],
    [
      'completeInteractiveLogin',
      () => client.completeInteractiveLogin('https://app.example.com/auth/callback'),
    ],
    ['logout', () => client.logout()],
  ])('%s without them is a TypeError naming the method, not a silent "no session"', async (method, call) => {
    await expect(call()).rejects.toThrow(TypeError);
    await expect(call()).rejects.toThrow(new RegExp(`"${method}" needs its storeOptions`));
  });

  it('read as usual with them', async () => {
    expect(await client.getSession({ cookie: '', set: [] })).toBeUndefined();
  });

  it('are not demanded from a handler that takes none, or when the stores are given', async () => {
    const jar: CookieHandler<unknown> = {
      getCookies: () => ({}),
      getCookie: () => undefined,
      setCookie: () => undefined,
      deleteCookie: () => undefined,
    };
    expect(await new ServerClient({ ...base, cookieHandler: jar }).getSession()).toBeUndefined();
    const stores = new ServerClient<Http>({
      ...base,
      cookieHandler: declared,
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
    });
    expect(await stores.getSession()).toBeUndefined();
  });
});
