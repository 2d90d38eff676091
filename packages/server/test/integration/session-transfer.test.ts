import { CookieJar as BrowserJar } from 'auth0-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenExchangeError, type SessionTransferTokenResult } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const CUSTOMER = 'urn:acme:customer';
const BOB = { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!bob' };

async function start(): Promise<EmulatorApp> {
  return startEmulatorApp({
    emulator: {
      users: [BOB],
      token_exchange_profiles: [
        { subject_token_type: CUSTOMER, subject_tokens: { 'customer-bob': 'auth0|bob' } },
      ],
    },
  });
}

/** A fresh browser following the redirects of `url` until it leaves the emulator; where it ended. */
async function browse(issuer: string, url: string): Promise<URL> {
  const jar = new BrowserJar();
  let next = new URL(url);
  for (let hops = 0; hops < 10 && next.href.startsWith(issuer); hops++) {
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) return next;
    next = new URL(location, next);
  }
  return next;
}

describe('session transfer against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('hands the session to the target app: /authorize logs the user in without the password page, once', async () => {
    app = await start();
    await app.login(); // alice, the agent (actor: her session's ID token)
    const stt = await app.client.requestSessionTransferToken({
      subjectTokenType: CUSTOMER,
      subjectToken: 'customer-bob',
    });
    expect(stt).toMatchObject({
      issuedTokenType: 'urn:auth0:params:oauth:token-type:session_transfer_token',
      expiresIn: 60,
      tokenType: 'N_A',
    });
    // The target app's login route forwards the token to /authorize.
    const target = app.client.buildSessionTransferRedirect('http://127.0.0.1:9/login?next=%2Fhome', stt);
    expect(target.searchParams.get('next')).toBe('/home');
    const token = target.searchParams.get('session_transfer_token') ?? '';
    const authorize = await app.client.startInteractiveLogin({
      authorizationParams: { session_transfer_token: token },
    });
    const callback = await browse(app.em.issuer, authorize.href);
    expect(callback.searchParams.get('code')).toEqual(expect.any(String));
    await app.client.completeInteractiveLogin(callback);
    expect((await app.client.getUser())?.sub).toBe('auth0|bob');
    // Spent: the same token shows the login page.
    const again = await app.client.startInteractiveLogin({
      authorizationParams: { session_transfer_token: token },
    });
    const page = await browse(app.em.issuer, again.href);
    expect(page.href.startsWith(app.em.issuer)).toBe(true);
  });

  it('throws actor_unavailable without a session or actor, before any request', async () => {
    app = await start();
    const err = await app.client
      .requestSessionTransferToken({ subjectTokenType: CUSTOMER, subjectToken: 'customer-bob' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenExchangeError);
    expect(err).toMatchObject({ code: 'actor_unavailable' });
    expect(app.em.stats()['urn:ietf:params:oauth:grant-type:token-exchange']).toBeUndefined();
  });

  it('buildSessionTransferRedirect refuses targets that could leak the token', () => {
    const stt: SessionTransferTokenResult = {
      sessionTransferToken: 'stt',
      issuedTokenType: 'urn:auth0:params:oauth:token-type:session_transfer_token',
      expiresIn: 60,
      tokenType: 'N_A',
    };
    return start().then((started) => {
      app = started;
      const build = (url: string) =>
        started.client.buildSessionTransferRedirect(url, stt, { organization: 'org_1' });
      expect(build('https://web.example.com/login').search).toBe(
        '?session_transfer_token=stt&organization=org_1',
      );
      for (const bad of ['http://web.example.com/login', '/login', 'javascript:alert(1)', ''])
        expect(() => build(bad)).toThrow(TypeError);
    });
  });
});
