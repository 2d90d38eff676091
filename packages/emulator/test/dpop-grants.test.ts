import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { generateTotp, type Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  GRANTS,
  STEP_UP_API,
  claims,
  dpopTokenRequest as post,
  start,
} from './support.js';

// The emulator's own Auth0 grants (password, MFA, token exchange, passwordless, passkeys) with DPoP:
// proofs are checked as oidc-provider checks them for the code grant, and tokens are bound to the key.

const DPOP_CLIENT = 'dpop-app';
const DPOP_SECRET = 'dpop-app-secret-at-least-32-characters!';
const PUBLIC_CLIENT = 'native-app';
const CAROL_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DAVE_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';
const ERIN_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const LEGACY_TOKEN_TYPE = 'urn:example:legacy-token';

interface Key {
  privateKey: CryptoKey;
  jwk: JWK;
  thumbprint: string;
}

async function newKey(): Promise<Key> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, jwk, thumbprint: await calculateJwkThumbprint(jwk) };
}

/** A DPoP proof for the emulator's token endpoint; `claims` and `header` override its parts. */
function proof(
  em: Emulator,
  key: Key,
  options: {
    nonce?: string | null | undefined;
    claims?: Record<string, unknown>;
    header?: Record<string, unknown>;
  } = {},
) {
  return new SignJWT({
    htm: 'POST',
    htu: new URL('oauth/token', em.issuer).href,
    iat: Math.floor(Date.now() / 1000),
    jti: crypto.randomUUID(),
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk, ...options.header })
    .sign(key.privateKey);
}

const app = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
const dpopApp = { client_id: DPOP_CLIENT, client_secret: DPOP_SECRET };
const nativeApp = { client_id: PUBLIC_CLIENT };
const password = (username: string, extra: Record<string, string> = {}) => ({
  grant_type: 'password',
  username,
  password: 'Passw0rd!',
  scope: 'openid offline_access',
  audience: API,
  ...extra,
});

describe("DPoP on the emulator's own grants", () => {
  let em: Emulator;
  let key: Key;
  let other: Key;

  beforeAll(async () => {
    [key, other] = await Promise.all([newKey(), newKey()]);
    em = await start({
      clients: [
        { ...app, redirect_uris: [], post_logout_redirect_uris: [] },
        { ...dpopApp, redirect_uris: [], post_logout_redirect_uris: [], dpop_bound_access_tokens: true },
        {
          ...nativeApp,
          redirect_uris: [],
          post_logout_redirect_uris: [],
          token_endpoint_auth_method: 'none',
        },
      ],
      users: [
        { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' },
        {
          user_id: 'auth0|carol',
          email: 'carol@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'otp', secret: CAROL_SECRET }],
        },
        // Users with an authenticator whose logins need no MFA: the step-up API asks for it on refresh.
        {
          user_id: 'auth0|dave',
          email: 'dave@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'otp', secret: DAVE_SECRET }],
        },
        {
          user_id: 'auth0|erin',
          email: 'erin@example.com',
          password: 'Passw0rd!',
          authenticators: [{ type: 'otp', secret: ERIN_SECRET }],
        },
      ],
      token_exchange_profiles: [
        { subject_token_type: LEGACY_TOKEN_TYPE, subject_tokens: { 'legacy-alice': 'auth0|alice' } },
      ],
    });
  });
  afterAll(() => em.close());

  it('the password grant with a proof answers a DPoP token bound to the key; without one, Bearer as before', async () => {
    const bound = await post(em, { ...app, ...password('alice@example.com') }, await proof(em, key));
    expect(bound.status).toBe(200);
    expect(bound.body.token_type).toBe('DPoP');
    expect(claims(bound.body.access_token).cnf).toEqual({ jkt: key.thumbprint });

    const bearer = await post(em, { ...app, ...password('alice@example.com') });
    expect(bearer.status).toBe(200);
    expect(bearer.body.token_type).toBe('Bearer');
    expect(claims(bearer.body.access_token).cnf).toBeUndefined();
  });

  it('a DPoP client steps up through mfa-otp: use_dpop_nonce spends nothing, and the tokens are bound', async () => {
    const first = await post(em, { ...dpopApp, ...password('carol@example.com') }, await proof(em, key));
    expect(first).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });
    const nonce = first.nonce ?? '';
    expect(nonce).not.toBe('');

    const mfaRequired = await post(
      em,
      { ...dpopApp, ...password('carol@example.com') },
      await proof(em, key, { nonce }),
    );
    expect(mfaRequired).toMatchObject({ status: 403, body: { error: 'mfa_required' } });
    const otp = {
      ...dpopApp,
      grant_type: GRANTS.otp,
      mfa_token: String(mfaRequired.body.mfa_token),
      otp: generateTotp(CAROL_SECRET),
    };

    // Without a nonce the proof is refused before the grant runs: the mfa_token and the code survive it.
    const noNonce = await post(em, otp, await proof(em, key));
    expect(noNonce).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });

    const stepped = await post(em, otp, await proof(em, key, { nonce: noNonce.nonce ?? nonce }));
    expect(stepped.status).toBe(200);
    expect(stepped.body.token_type).toBe('DPoP');
    expect(claims(stepped.body.access_token)).toMatchObject({ cnf: { jkt: key.thumbprint } });
    expect(claims(stepped.body.id_token)).toMatchObject({
      sub: 'auth0|carol',
      amr: expect.arrayContaining(['otp']),
    });
    // A confidential client's refresh token is not bound (its client authentication protects it).
    expect(stepped.body.refresh_token).toEqual(expect.any(String));
  });

  it('token exchange of a DPoP client asks for the nonce first, then answers a token bound to the key', async () => {
    const exchange = {
      ...dpopApp,
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token_type: LEGACY_TOKEN_TYPE,
      subject_token: 'legacy-alice',
      audience: API,
      scope: 'openid',
    };
    const first = await post(em, exchange, await proof(em, key));
    expect(first).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });
    const exchanged = await post(em, exchange, await proof(em, key, { nonce: first.nonce }));
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.token_type).toBe('DPoP');
    expect(claims(exchanged.body.access_token)).toMatchObject({
      sub: 'auth0|alice',
      cnf: { jkt: key.thumbprint },
    });
  });

  it('a client with dpop_bound_access_tokens and no proof gets the refusal the built-in grants give', async () => {
    const builtIn = await post(em, { ...dpopApp, grant_type: 'client_credentials' });
    const own = await post(em, { ...dpopApp, ...password('alice@example.com') });
    expect(own.status).toBe(403);
    expect(own.body).toEqual(builtIn.body);
    expect(own.body.error).toBe('invalid_grant');
  });

  it('a replayed proof is refused', async () => {
    const dpop = await proof(em, key);
    const once = await post(em, { ...app, ...password('alice@example.com') }, dpop);
    expect(once.status).toBe(200);
    const again = await post(em, { ...app, ...password('alice@example.com') }, dpop);
    // oidc-provider words every invalid_grant the same ("grant request is invalid"): the same request
    // with a fresh proof succeeds, so the proof is what was refused.
    expect({ status: again.status, error: again.body.error }).toEqual({
      status: 403,
      error: 'invalid_grant',
    });
    expect(again.body.access_token).toBeUndefined();
  });

  it.each([
    ['another htu', { claims: { htu: 'http://127.0.0.1:1/oauth/token' } }, 'DPoP proof htu mismatch'],
    ['another htm', { claims: { htm: 'GET' } }, 'DPoP proof htm mismatch'],
    ['a typ other than dpop+jwt', { header: { typ: 'JWT' } }, 'invalid DPoP key binding'],
    ['no jti', { claims: { jti: undefined } }, 'DPoP proof must have a jti string property'],
  ])('a proof with %s is refused with invalid_dpop_proof', async (_name, options, description) => {
    const { status, body } = await post(
      em,
      { ...app, ...password('alice@example.com') },
      await proof(em, key, options),
    );
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_dpop_proof', error_description: description });
  });

  it('a proof whose embedded jwk is the private key is refused', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(pair.privateKey);
    const dpop = await new SignJWT({ htm: 'POST', htu: new URL('oauth/token', em.issuer).href })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: privateJwk })
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .sign(pair.privateKey);
    const { status, body } = await post(em, { ...app, ...password('alice@example.com') }, dpop);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_dpop_proof');
  });

  it('a proof from long ago is answered use_dpop_nonce', async () => {
    const stale = await proof(em, key, { claims: { iat: Math.floor(Date.now() / 1000) - 3600 } });
    const { status, body, nonce } = await post(em, { ...app, ...password('alice@example.com') }, stale);
    expect({ status, error: body.error }).toEqual({ status: 400, error: 'use_dpop_nonce' });
    expect(nonce).toEqual(expect.any(String));
  });

  it("a public client's refresh token is bound to the key: refused without a proof or with another key", async () => {
    const issued = await post(em, { ...nativeApp, ...password('alice@example.com') }, await proof(em, key));
    expect(issued.body.token_type).toBe('DPoP');
    const refresh = {
      ...nativeApp,
      grant_type: 'refresh_token',
      refresh_token: String(issued.body.refresh_token),
    };
    const withoutProof = await post(em, refresh);
    expect(withoutProof.body).toMatchObject({ error: 'invalid_grant' });
    const otherKey = await post(em, refresh, await proof(em, other));
    expect(otherKey.body.error).toBe('invalid_grant');
    const sameKey = await post(em, refresh, await proof(em, key));
    expect(sameKey.body.token_type).toBe('DPoP');
    expect(claims(sameKey.body.access_token)).toMatchObject({ cnf: { jkt: key.thumbprint } });
  });

  /** A public client's bound refresh token for `email`, and the mfa_token of its refresh for the step-up API. */
  async function stepUpOnRefresh(email: string) {
    const issued = await post(em, { ...nativeApp, ...password(email) }, await proof(em, key));
    const refreshToken = String(issued.body.refresh_token);
    const stepUp = await post(
      em,
      { ...nativeApp, grant_type: 'refresh_token', refresh_token: refreshToken, audience: STEP_UP_API },
      await proof(em, key),
    );
    expect(stepUp.body.error).toBe('mfa_required');
    return { refreshToken, mfaToken: String(stepUp.body.mfa_token) };
  }

  it("a step-up on refresh keeps a public client's binding: the rotated refresh token is bound to the same key", async () => {
    const { mfaToken } = await stepUpOnRefresh('dave@example.com');
    const otp = { ...nativeApp, grant_type: GRANTS.otp, mfa_token: mfaToken, otp: generateTotp(DAVE_SECRET) };
    const stepped = await post(em, otp, await proof(em, key));
    expect(stepped.body.token_type).toBe('DPoP');
    expect(claims(stepped.body.access_token)).toMatchObject({
      aud: STEP_UP_API,
      cnf: { jkt: key.thumbprint },
    });
    const rotated = {
      ...nativeApp,
      grant_type: 'refresh_token',
      refresh_token: String(stepped.body.refresh_token),
    };
    const otherKey = await post(em, rotated, await proof(em, other));
    expect(otherKey.body.error).toBe('invalid_grant');
    const sameKey = await post(em, rotated, await proof(em, key));
    expect(sameKey.body.token_type).toBe('DPoP');
  });

  it("a step-up on refresh with another key is refused, and the public client's refresh token is not spent", async () => {
    const { refreshToken, mfaToken } = await stepUpOnRefresh('erin@example.com');
    const otp = { ...nativeApp, grant_type: GRANTS.otp, mfa_token: mfaToken, otp: generateTotp(ERIN_SECRET) };
    const refused = await post(em, otp, await proof(em, other));
    expect(refused.body.error).toBe('invalid_grant');
    expect(refused.body.access_token).toBeUndefined();
    const refresh = { ...nativeApp, grant_type: 'refresh_token', refresh_token: refreshToken };
    const still = await post(em, refresh, await proof(em, key));
    expect(still.body.token_type).toBe('DPoP');
  });
});
