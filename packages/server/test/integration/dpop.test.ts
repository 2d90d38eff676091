import { generateTotp } from 'auth0-emulator';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DPoPError, MfaRequiredError, ServerClient } from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore, StatefulStateStore } from '../../src/stores/index.js';
import { API, APP_SECRET, startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

let keyPair: CryptoKeyPair;
let thumbprint: string;

beforeAll(async () => {
  keyPair = await generateKeyPair('ES256', { extractable: true });
  thumbprint = await calculateJwkThumbprint(await exportJWK(keyPair.publicKey));
});

/** The `cnf.jkt` of a JWT access token (decoded, not verified: the emulator signed it). */
const jkt = (token: string | undefined) => {
  const cnf = decodeJwt(token ?? '').cnf;
  return typeof cnf === 'object' && cnf !== null ? Reflect.get(cnf, 'jkt') : undefined;
};

describe('DPoP against auth0-emulator (dpop_bound_access_tokens, nonces required)', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  const start = (accessTokenTtl?: number) =>
    startEmulatorApp({
      ...(accessTokenTtl ? { accessTokenTtl } : {}),
      appClient: { dpop_bound_access_tokens: true },
      clientOptions: { useDpop: true, dpopKeyPair: keyPair },
    });

  it('a login sends a proof, retries once on use_dpop_nonce, and keeps tokenType DPoP in the session', async () => {
    app = await start();
    await app.login();
    // The first code exchange had no nonce: the server asked for one and the retry carried it.
    expect(app.em.stats().authorization_code).toBe(2);
    const session = await app.client.getSession();
    expect(session?.tokenSets).toHaveLength(1);
    expect(session?.tokenSets[0]?.tokenType).toBe('DPoP');
    expect(jkt(session?.tokenSets[0]?.accessToken)).toBe(thumbprint);
  });

  it('a refresh of the DPoP-bound token sends a proof with the nonce it kept, and gets a bound token', async () => {
    app = await start(30);
    await app.login();
    const token = await app.client.getAccessToken();
    expect(app.em.stats().refresh_token).toBe(1);
    expect(token.tokenType).toBe('DPoP');
    expect(jkt(token.accessToken)).toBe(thumbprint);
  });

  it("a step-up through client.mfa (the emulator's mfa-otp grant) gets a DPoP-bound token for the MFA API", async () => {
    const BANK = 'https://bank.example.com';
    const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const user = { email: 'step-up@example.com', password: 'Passw0rd!' };
    app = await startEmulatorApp({
      appClient: { dpop_bound_access_tokens: true },
      clientOptions: { useDpop: true, dpopKeyPair: keyPair },
      emulator: {
        apis: [
          { audience: API, scopes: ['read:data'] },
          { audience: BANK, scopes: ['transfer'], mfa: 'required' },
        ],
        users: [{ user_id: 'auth0|step-up', ...user, authenticators: [{ type: 'otp', secret: TOTP }] }],
      },
    });
    const { client, em } = app;
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(await em.login(url.href, user));

    const required = await client
      .getAccessToken({ audience: BANK, scope: 'transfer' })
      .catch((e: unknown) => e);
    if (!(required instanceof MfaRequiredError)) throw new Error('expected MfaRequiredError');
    const verified = await client.mfa.verify({ mfaToken: required.mfaToken, otp: generateTotp(TOTP) });
    expect(verified.tokenType).toBe('DPoP');
    expect(jkt(verified.accessToken)).toBe(thumbprint);
    expect(decodeJwt(verified.accessToken).aud).toContain(BANK);
    await expect(client.getAccessToken({ audience: BANK })).resolves.toMatchObject({
      accessToken: verified.accessToken,
      tokenType: 'DPoP',
    });
  });

  it('getDPoPHeaders gives DPoP <token> and a proof over the method, URL and token, signed with the key', async () => {
    app = await start();
    await app.login();
    const { accessToken } = await app.client.getAccessToken();
    const headers = await app.client.getDPoPHeaders({
      method: 'post',
      url: 'https://payments.example.com/transfers?x=1#f',
      accessToken,
    });
    expect(headers.Authorization).toBe(`DPoP ${accessToken}`);
    const header = decodeProtectedHeader(headers.DPoP);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'dpop+jwt' });
    expect(await calculateJwkThumbprint(header.jwk ?? {})).toBe(thumbprint);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)),
    );
    expect(decodeJwt(headers.DPoP)).toMatchObject({
      htm: 'POST',
      htu: 'https://payments.example.com/transfers',
      ath: Buffer.from(digest).toString('base64url'),
    });
    // A nonce the API asked for is used for its origin from then on.
    await app.client.getDPoPHeaders({
      method: 'GET',
      url: 'https://payments.example.com/a',
      accessToken,
      nonce: 'n-1',
    });
    const later = await app.client.getDPoPHeaders({
      method: 'GET',
      url: 'https://payments.example.com/b',
      accessToken,
    });
    const elsewhere = await app.client.getDPoPHeaders({
      method: 'GET',
      url: 'https://other.example.com/',
      accessToken,
    });
    expect(decodeJwt(later.DPoP).nonce).toBe('n-1');
    expect(decodeJwt(elsewhere.DPoP).nonce).toBeUndefined();
  });

  it('a token answer of type Bearer to a proof is a DPoPError dpop_token_type_mismatch, and no session is written', async () => {
    // The server binds only what carries a proof: a fetch that drops the proof makes it answer Bearer.
    const dropProof: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('dpop');
      return fetch(input, { ...init, headers });
    };
    app = await startEmulatorApp({
      clientOptions: { useDpop: true, dpopKeyPair: keyPair, customFetch: dropProof },
    });
    const error: unknown = await app.login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DPoPError);
    expect(error).toMatchObject({ code: 'dpop_token_type_mismatch' });
    expect(await app.client.getSession()).toBeUndefined();
  });

  it('a client without a DPoP key refuses to refresh a DPoP-bound token set (dpop_key_required), sending nothing', async () => {
    app = await start(30);
    await app.login();
    const { em, jar, sessions } = app;
    // The same sessions and browser, read by a client configured without DPoP.
    const plain = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: 'app-secret-at-least-32-characters!!',
      secret: APP_SECRET,
      authorizationParams: { audience: API },
      stateStore: new StatefulStateStore(
        { secret: APP_SECRET, store: sessions, appBaseUrl: 'http://127.0.0.1' },
        jar,
      ),
      transactionStore: new MemoryTransactionStore(),
    });
    await expect(plain.getAccessToken()).rejects.toMatchObject({ code: 'dpop_key_required' });
    expect(em.stats().refresh_token ?? 0).toBe(0);
  });
});

describe('DPoP configuration', () => {
  const base = {
    domain: 'https://tenant.example.com',
    clientId: 'app',
    clientSecret: 'secret',
    secret: APP_SECRET,
    stateStore: new MemoryStateStore(),
    transactionStore: new MemoryTransactionStore(),
  };

  it('useDpop without dpopKeyPair, or a key without useDpop, is a TypeError naming dpopKeyPair', () => {
    expect(() => new ServerClient({ ...base, useDpop: true })).toThrow(/"dpopKeyPair" is required/);
    expect(() => new ServerClient({ ...base, dpopKeyPair: keyPair })).toThrow(/"dpopKeyPair" is given/);
  });

  it('a JWK that is not a private EC or Ed25519 key is refused when the client is made', () => {
    expect(
      () => new ServerClient({ ...base, useDpop: true, dpopKeyPair: { kty: 'oct', k: 'AAAA' } }),
    ).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARG_VALUE',
        message: expect.stringContaining('"dpopKeyPair"'),
      }),
    );
  });

  it('a private JWK that cannot be imported fails the first call that signs, with a TypeError naming dpopKeyPair', async () => {
    const client = new ServerClient({
      ...base,
      useDpop: true,
      dpopKeyPair: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', d: 'AAAA' },
    });
    await expect(
      client.getDPoPHeaders({ method: 'GET', url: 'https://api.example.com/', accessToken: 't' }),
    ).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' });
  });

  it('getDPoPHeaders without useDpop is a DPoPError dpop_key_required', async () => {
    const client = new ServerClient(base);
    await expect(
      client.getDPoPHeaders({ method: 'GET', url: 'https://api.example.com/', accessToken: 't' }),
    ).rejects.toMatchObject({ code: 'dpop_key_required' });
  });
});
