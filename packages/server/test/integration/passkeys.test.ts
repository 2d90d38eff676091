import { TestAuthenticator } from 'auth0-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MfaRequiredError,
  OrganizationValidationError,
  PasskeyChallengeError,
  PasskeyGetTokenError,
  PasskeyRegisterError,
  ServerClient,
  isAuth0Error,
} from '../../src/index.js';
import { MemorySessionStore, MemoryTransactionStore, StatefulStateStore } from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { API, APP_SECRET, startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const MFA_API = 'https://always.example.com';

describe('client.passkey against auth0-emulator', () => {
  let app: EmulatorApp;
  let origin: string;
  beforeAll(async () => {
    app = await startEmulatorApp({
      emulator: {
        apis: [
          { audience: API, scopes: ['read:data'] },
          { audience: MFA_API, scopes: ['transfer'], mfa: 'always' },
        ],
      },
    });
    // The emulator's default passkey origin: the origin of the client's redirect URI.
    origin = new URL(app.em.config.clients[0]?.redirect_uris[0] ?? '').origin;
  });
  beforeEach(async () => {
    await app.em.reset();
    await app.client.logout();
  });
  afterAll(() => app.close());

  async function signUp(authenticator: TestAuthenticator, email = 'pat@example.com') {
    const { authSession, authnParamsPublicKey } = await app.client.passkey.register({ email, name: 'Pat' });
    await app.client.passkey.getToken({
      authSession,
      credential: authenticator.create(authnParamsPublicKey, origin),
    });
  }

  it('register + getToken sign a new user up and write the session; challenge + getToken log them in again', async () => {
    const authenticator = new TestAuthenticator();
    const challenge = await app.client.passkey.register({ email: 'pat@example.com', name: 'Pat' });
    expect(challenge.authnParamsPublicKey).toMatchObject({
      rp: { id: '127.0.0.1' },
      user: { name: 'pat@example.com' },
    });
    const result = await app.client.passkey.getToken({
      authSession: challenge.authSession,
      credential: authenticator.create(challenge.authnParamsPublicKey, origin),
    });
    expect(result).toEqual({});
    const session = await app.client.getSession();
    expect(session?.user).toMatchObject({ email: 'pat@example.com', sub: expect.stringMatching(/^auth0\|/) });
    expect(session?.tokenSets[0]).toMatchObject({ audience: API });
    expect(typeof session?.refreshToken).toBe('string');
    const sub = session?.user?.sub;

    await app.client.logout();
    expect(await app.client.getUser()).toBeUndefined();
    const login = await app.client.passkey.challenge();
    expect(login.authnParamsPublicKey).toMatchObject({ rpId: '127.0.0.1', challenge: expect.any(String) });
    await app.client.passkey.getToken({
      authSession: login.authSession,
      credential: authenticator.get(login.authnParamsPublicKey, origin),
    });
    expect((await app.client.getUser())?.sub).toBe(sub);
  });

  it('a passkey the tenant does not know is a PasskeyGetTokenError (403 invalid_grant) and writes no session', async () => {
    const stranger = new TestAuthenticator();
    const made = await app.client.passkey.register({ email: 'nobody@example.com' });
    stranger.create(made.authnParamsPublicKey, origin); // never sent: the tenant has no such passkey
    const { authSession, authnParamsPublicKey } = await app.client.passkey.challenge();
    const credential = stranger.get(authnParamsPublicKey, origin);
    const err = await app.client.passkey.getToken({ authSession, credential }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PasskeyGetTokenError);
    expect(err).toMatchObject({
      code: 'passkey_get_token_error',
      error: 'invalid_grant',
      status: 403,
      statusCode: 403,
      cause: { error: 'invalid_grant' },
    });
    const text = `${String(err)} ${JSON.stringify(err)}`;
    for (const secret of [
      authSession,
      credential.response.signature ?? '',
      credential.response.clientDataJSON,
    ])
      expect(text).not.toContain(secret);
    expect(await app.client.getUser()).toBeUndefined();
  });

  it('an auth session works once: the second getToken is refused', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(authenticator);
    const { authSession, authnParamsPublicKey } = await app.client.passkey.challenge();
    const credential = authenticator.get(authnParamsPublicKey, origin);
    await app.client.passkey.getToken({ authSession, credential });
    await expect(app.client.passkey.getToken({ authSession, credential })).rejects.toMatchObject({
      code: 'passkey_get_token_error',
      error: 'invalid_grant',
    });
  });

  it('a taken email is a PasskeyRegisterError invalid_signup', async () => {
    await signUp(new TestAuthenticator());
    const err = await app.client.passkey.register({ email: 'pat@example.com' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PasskeyRegisterError);
    expect(err).toMatchObject({ code: 'passkey_register_error', error: 'invalid_signup', statusCode: 400 });
  });

  it('a wrong client secret is a PasskeyChallengeError without the secret in it', async () => {
    const wrong = new ServerClient({
      domain: app.em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: 'not-the-secret-of-this-client-0123456789',
      secret: APP_SECRET,
      stateStore: new StatefulStateStore(
        { secret: APP_SECRET, store: new MemorySessionStore() },
        new CookieJar(),
      ),
      transactionStore: new MemoryTransactionStore(),
    });
    const err = await wrong.passkey.challenge().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PasskeyChallengeError);
    expect(err).toMatchObject({ code: 'passkey_challenge_error', error: 'invalid_client', status: 401 });
    expect(`${String(err)} ${JSON.stringify(err)}`).not.toContain('not-the-secret');
  });

  it('mfa_required is the SDK MfaRequiredError and writes no session', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(authenticator);
    await app.client.logout();
    const { authSession, authnParamsPublicKey } = await app.client.passkey.challenge();
    const err = await app.client.passkey
      .getToken({
        authSession,
        credential: authenticator.get(authnParamsPublicKey, origin),
        audience: MFA_API,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaRequiredError);
    expect(isAuth0Error(err) && err.code === 'mfa_required' ? err.mfaToken : '').not.toBe('');
    expect(await app.client.getUser()).toBeUndefined();
  });

  it('bad options are TypeErrors naming the option, before any request', async () => {
    await expect(app.client.passkey.register({ name: 'No identifier' } as never)).rejects.toThrow(
      /"email", "phoneNumber" or "username" is required/,
    );
    await expect(app.client.passkey.getToken({ authSession: 's', credential: 'x' } as never)).rejects.toThrow(
      /credential/,
    );
  });
});

describe('client.passkey into an organization against auth0-emulator', () => {
  let app: EmulatorApp;
  let origin: string;
  beforeAll(async () => {
    app = await startEmulatorApp({
      appClient: { organization_usage: 'allow' },
      emulator: {
        organizations: [
          { id: 'org_acme', name: 'acme' },
          { id: 'org_globex', name: 'globex' },
        ],
      },
    });
    origin = new URL(app.em.config.clients[0]?.redirect_uris[0] ?? '').origin;
  });
  beforeEach(async () => {
    await app.em.reset();
    await app.client.logout();
  });
  afterAll(() => app.close());

  async function signUpInto(organization: string, authenticator: TestAuthenticator) {
    const { authSession, authnParamsPublicKey } = await app.client.passkey.register({
      email: 'pat@example.com',
      organization,
    });
    await app.client.passkey.getToken({
      authSession,
      credential: authenticator.create(authnParamsPublicKey, origin),
      organization,
    });
  }

  /** A logged-out login: `challenge` for one organization (or none), `getToken` asking for another; what getToken threw. */
  async function logIn(authenticator: TestAuthenticator, challenged: string | undefined, asked: string) {
    await app.client.logout();
    const { authSession, authnParamsPublicKey } = await app.client.passkey.challenge(
      challenged === undefined ? {} : { organization: challenged },
    );
    const credential = authenticator.get(authnParamsPublicKey, origin);
    return app.client.passkey.getToken({ authSession, credential, organization: asked }).then(
      () => undefined,
      (e: unknown) => e,
    );
  }

  it('register, challenge and getToken with organization log in to it: the session names it, and keeps it through a refresh', async () => {
    const authenticator = new TestAuthenticator();
    await signUpInto('acme', authenticator);
    expect(await app.client.getUser()).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });

    expect(await logIn(authenticator, 'org_acme', 'org_acme')).toBeUndefined();
    expect(await app.client.getUser()).toMatchObject({ org_id: 'org_acme', amr: ['passkey'] });
    const session = await app.client.getSession();
    await expect(
      app.client.getTokenByRefreshToken({ refreshToken: session?.refreshToken ?? '' }),
    ).resolves.toHaveProperty('idToken');
  });

  it('an ID token without the organization asked for is an OrganizationValidationError and writes no session', async () => {
    const authenticator = new TestAuthenticator();
    await signUpInto('acme', authenticator);
    // getToken asks for an organization the challenge was not for (none, then another one).
    for (const [challenged, asked, claim] of [
      [undefined, 'acme', 'org_name'],
      ['acme', 'org_globex', 'org_id'],
    ] as const) {
      const err = await logIn(authenticator, challenged, asked);
      expect(err).toBeInstanceOf(OrganizationValidationError);
      expect(err).toMatchObject({ claim });
      expect(await app.client.getSession()).toBeUndefined();
    }
  });

  it('a login into an organization the user is not a member of is a PasskeyGetTokenError access_denied', async () => {
    const authenticator = new TestAuthenticator();
    await signUpInto('acme', authenticator);
    const err = await logIn(authenticator, 'globex', 'globex');
    expect(err).toBeInstanceOf(PasskeyGetTokenError);
    expect(err).toMatchObject({ error: 'access_denied', status: 403 });
    expect(await app.client.getSession()).toBeUndefined();
  });

  it('an organization the tenant does not have is a PasskeyChallengeError invalid_request', async () => {
    const err = await app.client.passkey.challenge({ organization: 'umbrella' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PasskeyChallengeError);
    expect(err).toMatchObject({ error: 'invalid_request', statusCode: 400 });
  });
});
