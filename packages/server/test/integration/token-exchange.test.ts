import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenExchangeError, type CustomTokenExchangeOptions } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const LEGACY = 'urn:acme:legacy-token';
const PARTNER = 'https://partner.example/id-token';
const BOB = { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!bob' };

let keys: CryptoKeyPair;
let other: CryptoKeyPair;
beforeAll(async () => {
  keys = await generateKeyPair('ES256');
  other = await generateKeyPair('ES256');
});

const partnerToken = (sub: string, key = keys.privateKey) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer('https://partner.example')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);

async function start(): Promise<EmulatorApp> {
  return startEmulatorApp({
    emulator: {
      users: [BOB],
      token_exchange_profiles: [
        { subject_token_type: LEGACY, subject_tokens: { 'legacy-bob-1': 'auth0|bob' } },
        {
          subject_token_type: PARTNER,
          jwt: { jwk: await exportJWK(keys.publicKey), issuer: 'https://partner.example' },
        },
      ],
    },
  });
}

describe('customTokenExchange against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('exchanges a subject token of a profile for tokens of its user, writing no session', async () => {
    app = await start();
    const tokens = await app.client.customTokenExchange({
      subjectTokenType: LEGACY,
      subjectToken: 'legacy-bob-1',
    });
    expect(tokens).toMatchObject({ tokenType: 'Bearer' });
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.act).toBeUndefined();
    expect(await app.client.getSession()).toBeUndefined();
    const jwt = await app.client.customTokenExchange({
      subjectTokenType: PARTNER,
      subjectToken: await partnerToken('auth0|alice'),
      scope: 'openid',
    });
    expect(jwt.idToken).toEqual(expect.any(String));
  });

  it('carries the act claim when the logged-in agent acts for the subject with its ID token', async () => {
    app = await start();
    await app.login();
    const agent = await app.client.getSession();
    const tokens = await app.client.customTokenExchange({
      subjectTokenType: LEGACY,
      subjectToken: 'legacy-bob-1',
      scope: 'openid',
      actorToken: agent?.idToken ?? '',
      actorTokenType: 'urn:ietf:params:oauth:token-type:id_token',
    });
    expect(tokens.act).toEqual({ sub: 'auth0|alice' });
  });

  it('throws TokenExchangeError for a subject token the profile refuses, or a type with no profile', async () => {
    app = await start();
    const forged = await partnerToken('auth0|alice', other.privateKey);
    const err = await app.client
      .customTokenExchange({ subjectTokenType: PARTNER, subjectToken: forged })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenExchangeError);
    expect(err).toMatchObject({ code: 'token_exchange_error', error: 'invalid_grant' });
    expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain(forged);
    await expect(
      app.client.customTokenExchange({ subjectTokenType: 'urn:acme:unknown', subjectToken: 'x' }),
    ).rejects.toMatchObject({ code: 'token_exchange_error', error: 'invalid_request' });
  });

  it('refuses what Auth0 would refuse before any request', async () => {
    app = await start();
    const refused: [Partial<CustomTokenExchangeOptions>, RegExp][] = [
      [{ subjectToken: '' }, /subjectToken/],
      [{ subjectToken: ' legacy-bob-1' }, /whitespace/],
      [{ subjectToken: 'Bearer legacy-bob-1' }, /Bearer/],
      [{ subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token' }, /reserves/],
      [{ subjectTokenType: 'https://auth0.com/mine' }, /reserves/],
      [{ subjectTokenType: 'not a uri' }, /URI/],
      [{ actorToken: 'a' }, /actorTokenType/],
      [{ extra: { subject_token: 'x' } }, /extra.subject_token/],
    ];
    for (const [change, message] of refused) {
      const options = { subjectTokenType: LEGACY, subjectToken: 'legacy-bob-1', ...change };
      await expect(app.client.customTokenExchange(options)).rejects.toThrow(message);
    }
    expect(app.em.stats()[GRANT]).toBeUndefined();
  });
});

describe('loginWithCustomTokenExchange against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('creates a session for the subject token user, with openid added and a working refresh token', async () => {
    app = await start();
    await app.client.loginWithCustomTokenExchange({
      subjectTokenType: PARTNER,
      subjectToken: await partnerToken('auth0|bob'),
      scope: 'offline_access read:data',
    });
    const session = await app.client.getSession();
    expect(session?.user?.sub).toBe('auth0|bob');
    expect(session?.refreshToken).toEqual(expect.any(String));
    expect(session?.tokenSets[0]).toMatchObject({ audience: 'https://api.example.com' });
    expect(app.em.stats()[GRANT]).toBe(1);
  });

  it('replaces the session of another user with a new one', async () => {
    app = await start();
    await app.login();
    await app.client.loginWithCustomTokenExchange({ subjectTokenType: LEGACY, subjectToken: 'legacy-bob-1' });
    expect((await app.client.getSession())?.user?.sub).toBe('auth0|bob');
  });
});
