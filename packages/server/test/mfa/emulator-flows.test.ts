import { generateTotp, startEmulator, type Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MfaRequiredError, MfaTokenInvalidError, ServerClient } from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';

const BANK = 'https://bank.example.com';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Passw0rd!';

let em: Emulator;

beforeAll(async () => {
  em = await startEmulator({
    port: 0,
    quiet: true,
    config: {
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
      users: [
        {
          user_id: 'auth0|rt',
          email: 'rt@example.com',
          password: PASSWORD,
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
      apis: [{ audience: BANK, mfa: 'required', scopes: ['transfer'] }],
    },
  });
});

afterAll(async () => {
  await em?.close();
});

function newClient() {
  return new ServerClient({
    domain: em.issuer,
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: 'an-sdk-secret-that-is-long-enough-for-tests',
    authorizationParams: {
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email offline_access transfer',
      audience: BANK,
    },
    stateStore: new MemoryStateStore(),
    transactionStore: new MemoryTransactionStore(),
  });
}

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
  it('getTokenByRefreshToken on an MFA API throws MfaRequiredError bound to client and issuer only, without the raw token', async () => {
    const client = newClient();
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(
      await em.login(url.href, { email: 'rt@example.com', password: PASSWORD }),
    );
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
    expect(result).toMatchObject({ audience: BANK, tokenType: 'bearer', accessToken: expect.any(String) });
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

  it('a session-bound token is refused by another session of the same deployment', async () => {
    const a = newClient();
    const b = newClient();
    for (const client of [a, b]) {
      const url = await client.startInteractiveLogin();
      await client.completeInteractiveLogin(
        await em.login(url.href, { email: 'rt@example.com', password: PASSWORD }),
      );
    }
    const mfaToken = await a.mfa.encryptMfaToken({ mfaToken: 'raw' });
    await expect(b.mfa.decryptMfaToken(mfaToken)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    await expect(a.mfa.decryptMfaToken(mfaToken)).resolves.toMatchObject({ mfaToken: 'raw' });
  });
});
