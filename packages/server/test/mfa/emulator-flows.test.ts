import { generateTotp, type Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IdTokenValidationError,
  MfaRequiredError,
  MfaTokenInvalidError,
  ServerClient,
} from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { startTestEmulator } from '../../../../test/emulator.js';

const API = 'https://api.example.com';
const BANK = 'https://bank.example.com';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Passw0rd!';

let em: Emulator;

beforeAll(async () => {
  em = await startTestEmulator({
    clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
    users: [
      {
        user_id: 'auth0|rt',
        email: 'rt@example.com',
        password: PASSWORD,
        authenticators: [{ type: 'otp', secret: TOTP }],
      },
      {
        user_id: 'auth0|step-up',
        email: 'step-up@example.com',
        password: PASSWORD,
        authenticators: [{ type: 'otp', secret: TOTP }],
      },
      {
        user_id: 'auth0|other',
        email: 'other@example.com',
        password: PASSWORD,
        mfa: 'required',
        authenticators: [{ type: 'otp', secret: TOTP }],
      },
      {
        user_id: 'auth0|first',
        email: 'first@example.com',
        password: PASSWORD,
        mfa: 'required',
        authenticators: [{ type: 'otp', secret: TOTP }],
      },
    ],
    apis: [
      { audience: API, scopes: ['read'] },
      { audience: BANK, mfa: 'required', scopes: ['transfer'] },
    ],
  });
});

afterAll(async () => {
  await em?.close();
});

/** A client whose login asks for offline_access and, when given, an audience: never the bank API. */
function newClient(audience?: string) {
  return new ServerClient({
    domain: em.issuer,
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: 'an-sdk-secret-that-is-long-enough-for-tests',
    authorizationParams: {
      redirect_uri: REDIRECT_URI,
      scope: `openid profile email offline_access${audience === undefined ? '' : ' read'}`,
      ...(audience === undefined ? {} : { audience }),
    },
    stateStore: new MemoryStateStore(),
    transactionStore: new MemoryTransactionStore(),
  });
}

async function signIn(client: ServerClient, email: string) {
  const url = await client.startInteractiveLogin();
  await client.completeInteractiveLogin(await em.login(url.href, { email, password: PASSWORD }));
}

/** All token requests the emulator received, of any grant type. */
const tokenRequests = () => Object.values(em.stats()).reduce((sum, n) => sum + n, 0);

async function tokenRequest(body: Record<string, string>) {
  const res = await fetch(new URL('oauth/token', em.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'app', client_secret: CLIENT_SECRET, ...body }),
  });
  const json: Record<string, unknown> = await res.json();
  return json;
}

describe('MFA against auth0-emulator', () => {
  it('getAccessToken for an MFA API the login did not ask for throws MfaRequiredError; after verify it returns the stored token with no token request', async () => {
    const client = newClient(API);
    await signIn(client, 'step-up@example.com');
    const loginToken = (await client.getAccessToken()).accessToken;

    const err = await client.getAccessToken({ audience: BANK, scope: 'transfer' }).catch((e: unknown) => e);
    if (!(err instanceof MfaRequiredError)) throw new Error('expected MfaRequiredError');
    expect(err.mfaRequirements?.challenge).toContainEqual({ type: 'otp' });
    const context = await client.mfa.decryptMfaToken(err.mfaToken);
    expect(context).toMatchObject({ audience: BANK, scope: 'transfer', session: expect.any(Object) });
    expect(JSON.stringify(err)).not.toContain(context.mfaToken);

    const verified = await client.mfa.verify({ mfaToken: err.mfaToken, otp: generateTotp(TOTP) });
    const before = tokenRequests();
    const bank = await client.getAccessToken({ audience: BANK, scope: 'transfer' });
    expect(bank.accessToken).toBe(verified.accessToken);
    await expect(client.getAccessToken({ audience: BANK })).resolves.toEqual(bank);
    await expect(client.getAccessToken()).resolves.toMatchObject({ audience: API, accessToken: loginToken });
    expect(tokenRequests()).toBe(before);

    // The refresh token verify() stored has passed MFA: it serves the bank API and still the login's API.
    const refreshToken = (await client.getSession())?.refreshToken ?? '';
    const again = await client.getTokenByRefreshToken({ refreshToken, audience: BANK });
    expect(again.accessToken).toEqual(expect.any(String));
    await expect(
      client.getTokenByRefreshToken({ refreshToken: again.refreshToken ?? refreshToken }),
    ).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('getTokenByRefreshToken on an MFA API throws MfaRequiredError bound to client and issuer only, without the raw token', async () => {
    const client = newClient();
    await signIn(client, 'rt@example.com');
    const refreshToken = (await client.getSession())?.refreshToken ?? '';

    const err = await client
      .getTokenByRefreshToken({ refreshToken, audience: BANK })
      .catch((e: unknown) => e);
    if (!(err instanceof MfaRequiredError)) throw new Error('expected MfaRequiredError');
    const context = await newClient().mfa.decryptMfaToken(err.mfaToken);
    expect(context).toMatchObject({ audience: BANK });
    expect(context.session).toBeUndefined();
    for (const text of [err.message, err.stack ?? '', JSON.stringify(err)])
      expect(text).not.toContain(context.mfaToken);

    const result = await client.mfa.verify({
      mfaToken: err.mfaToken,
      otp: generateTotp(TOTP),
      persist: false,
    });
    expect(result).toMatchObject({ audience: BANK, tokenType: 'Bearer', accessToken: expect.any(String) });
  });

  it('an mfa token from a password grant, encrypted by the app, completes a first login and creates the session', async () => {
    const answer = await tokenRequest({
      grant_type: 'password',
      username: 'first@example.com',
      password: PASSWORD,
      scope: 'openid profile email offline_access',
    });
    expect(answer.error).toBe('mfa_required');
    const client = newClient();
    const mfaToken = await client.mfa.encryptMfaToken({ mfaToken: String(answer.mfa_token) });
    expect(await client.getSession()).toBeUndefined();

    await client.mfa.verify({ mfaToken, otp: generateTotp(TOTP) });
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|first' });
  });

  it("an mfa token sealed without a session is refused inside another user's session, which stays as it was", async () => {
    const answer = await tokenRequest({
      grant_type: 'password',
      username: 'other@example.com',
      password: PASSWORD,
      scope: 'openid profile email offline_access',
    });
    expect(answer.error).toBe('mfa_required');
    const client = newClient();
    const mfaToken = await client.mfa.encryptMfaToken({ mfaToken: String(answer.mfa_token) });
    await signIn(client, 'rt@example.com');
    const before = JSON.stringify(await client.getSession());

    const err = await client.mfa.verify({ mfaToken, otp: generateTotp(TOTP) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({ code: 'id_token_user_mismatch', claim: 'sub' });
    expect(JSON.stringify(await client.getSession())).toBe(before);
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|rt' });
  });

  it('a session-bound token is refused by another session of the same deployment', async () => {
    const a = newClient();
    const b = newClient();
    for (const client of [a, b]) await signIn(client, 'rt@example.com');
    const mfaToken = await a.mfa.encryptMfaToken({ mfaToken: 'raw' });
    await expect(b.mfa.decryptMfaToken(mfaToken)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    await expect(a.mfa.decryptMfaToken(mfaToken)).resolves.toMatchObject({ mfaToken: 'raw' });
  });
});
