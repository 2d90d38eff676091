import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CallbackError,
  MfaRequiredError,
  PasswordlessStartError,
  PasswordlessVerifyError,
  ServerClient,
  type CookieHandler,
} from '../../src/index.js';
import {
  API,
  APP_SECRET,
  CLIENT_SECRET,
  startEmulatorApp,
  type EmulatorApp,
} from '../helpers/emulator-app.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { MemoryTransactionStore } from '../../src/stores/index.js';

const lastSent = (em: Emulator) => em.mfa.outbox().at(-1);

/** Cookies live in the browser the call names: each test browser is its own jar. */
const perBrowser: CookieHandler<CookieJar> = {
  getCookie: (name, jar) => jar?.getCookie(name),
  getCookies: (jar) => jar?.getCookies() ?? {},
  setCookie: (name, value, options, jar) => jar?.setCookie(name, value, options),
  deleteCookie: (name, jar, options) => jar?.deleteCookie(name, undefined, options),
};

describe('passwordless against auth0-emulator', () => {
  let app: EmulatorApp;
  let browserClient: ServerClient<CookieJar>;
  let redirectUri: string;
  beforeAll(async () => {
    app = await startEmulatorApp();
    redirectUri = app.em.config.clients[0]?.redirect_uris[0] ?? '';
    browserClient = new ServerClient<CookieJar>({
      domain: app.em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: redirectUri, audience: API, scope: 'openid email offline_access' },
      cookieHandler: perBrowser,
      // On the server, so that only the browser binding keeps another browser from completing a link.
      transactionStore: new MemoryTransactionStore(),
    });
  });
  beforeEach(async () => {
    await app.em.reset();
    await app.client.logout();
  });
  afterAll(() => app.close());

  it('startPasswordless + completePasswordless with an email code write a new session', async () => {
    await app.client.startPasswordless({ connection: 'email', email: 'alice@example.com' });
    const mail = lastSent(app.em);
    expect(mail).toMatchObject({ channel: 'email', to: 'alice@example.com' });
    await app.client.completePasswordless({
      connection: 'email',
      email: 'alice@example.com',
      verificationCode: mail?.code ?? '',
    });
    const session = await app.client.getSession();
    expect(session?.user).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    expect(session?.tokenSets[0]).toMatchObject({ audience: API });
    expect(typeof session?.refreshToken).toBe('string');
  });

  it('a user who must pass MFA gets MfaRequiredError and no session; client.mfa finishes the login', async () => {
    const mfaApp = await startEmulatorApp({
      emulator: {
        users: [
          {
            user_id: 'auth0|carol',
            email: 'carol@example.com',
            password: 'Passw0rd!',
            mfa: 'required',
            authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }],
          },
        ],
      },
    });
    try {
      await mfaApp.client.startPasswordless({ connection: 'email', email: 'carol@example.com' });
      const failure = await mfaApp.client
        .completePasswordless({
          connection: 'email',
          email: 'carol@example.com',
          verificationCode: lastSent(mfaApp.em)?.code ?? '',
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(MfaRequiredError);
      expect(await mfaApp.client.getSession()).toBeUndefined();
      await mfaApp.client.mfa.verify({
        mfaToken: (failure as MfaRequiredError).mfaToken,
        otp: mfaApp.em.mfa.totp('auth0|carol'),
      });
      expect((await mfaApp.client.getUser())?.amr).toEqual(['email', 'mfa', 'otp']);
    } finally {
      await mfaApp.close();
    }
  });

  it('an SMS code logs in too', async () => {
    await app.client.startPasswordless({ connection: 'sms', phoneNumber: '+14155550100' });
    await app.client.completePasswordless({
      connection: 'sms',
      phoneNumber: '+14155550100',
      verificationCode: lastSent(app.em)?.code ?? '',
    });
    expect((await app.client.getUser())?.sub).toMatch(/^sms\|/);
  });

  it('a wrong code is a PasswordlessVerifyError without the code in it, and writes no session', async () => {
    await app.client.startPasswordless({ connection: 'email', email: 'alice@example.com' });
    const right = lastSent(app.em)?.code ?? '';
    const wrong = right === '000000' ? '111111' : '000000';
    const failure = await app.client
      .completePasswordless({ connection: 'email', email: 'alice@example.com', verificationCode: wrong })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(PasswordlessVerifyError);
    expect(failure).toMatchObject({
      code: 'passwordless_verify_failed',
      error: 'invalid_grant',
      errorDescription: 'Wrong email or verification code.',
      status: 403,
    });
    expect(JSON.stringify(failure) + String(failure)).not.toContain(wrong);
    expect(await app.client.getSession()).toBeUndefined();
  });

  it('a refused start is a PasswordlessStartError; a phone number that is not E.164 a TypeError', async () => {
    await expect(
      app.client.startPasswordless({ connection: 'email', email: 'not-an-address' }),
    ).rejects.toSatisfy(
      (err) => err instanceof PasswordlessStartError && err.error === 'bad.email' && err.status === 400,
    );
    await expect(
      app.client.startPasswordless({ connection: 'sms', phoneNumber: '4155550100' }),
    ).rejects.toThrow(TypeError);
  });

  it('a magic link completes only in the browser that started it, once', async () => {
    const alice = new CookieJar();
    await browserClient.startPasswordless(
      { connection: 'email', email: 'alice@example.com', send: 'link', redirectUri },
      alice,
    );
    const landing = await fetch(lastSent(app.em)?.link ?? '', { redirect: 'manual' });
    const callback = new URL(landing.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);

    // Another browser opening Alice's link finds nothing it may complete (login CSRF), and spends nothing.
    await expect(
      browserClient.completePasswordlessMagicLink(callback, new CookieJar()),
    ).rejects.toMatchObject({
      code: 'missing_transaction',
    });
    // Nor is a magic link's transaction an interactive login's.
    await expect(browserClient.completeInteractiveLogin(callback, alice)).rejects.toBeInstanceOf(
      CallbackError,
    );

    await browserClient.completePasswordlessMagicLink(callback, alice);
    expect(await browserClient.getUser(alice)).toMatchObject({ sub: 'auth0|alice' });
    await expect(browserClient.completePasswordlessMagicLink(callback, alice)).rejects.toMatchObject({
      code: 'missing_transaction',
    });
  });

  it('an interactive login callback is not a magic link', async () => {
    const bob = new CookieJar();
    const url = await browserClient.startInteractiveLogin({}, bob);
    const callback = await app.em.login(url.href, { email: 'alice@example.com', password: 'Passw0rd!' });
    await expect(browserClient.completePasswordlessMagicLink(callback, bob)).rejects.toMatchObject({
      code: 'missing_transaction',
    });
    await browserClient.completeInteractiveLogin(callback, bob);
    expect(await browserClient.getUser(bob)).toMatchObject({ sub: 'auth0|alice' });
  });
});
