import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  authorizeUrl,
  claims,
  dpopTokenRequest as post,
  pkce,
  start,
} from './support.js';

const DPOP_CLIENT = 'dpop-app';
const DPOP_SECRET = 'dpop-app-secret-at-least-32-characters!';
const PUBLIC_CLIENT = 'public-app';

/** A client_credentials request of `clientId`, with `dpop` as its DPoP header when given. */
function tokenRequest(em: Emulator, clientId: string, secret: string, dpop?: string) {
  const params = {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    audience: API,
  };
  return post(em, params, dpop);
}

describe('DPoP at the token endpoint', () => {
  let em: Emulator;
  let privateKey: CryptoKey;
  let jwk: JWK;
  const proof = (em: Emulator, nonce?: string) =>
    new SignJWT({ htm: 'POST', htu: new URL('oauth/token', em.issuer).href, ...(nonce ? { nonce } : {}) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    jwk = await exportJWK(pair.publicKey);
    em = await start({
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [],
          post_logout_redirect_uris: [],
        },
        {
          client_id: PUBLIC_CLIENT,
          redirect_uris: [REDIRECT_URI],
          post_logout_redirect_uris: [],
          token_endpoint_auth_method: 'none',
        },
        {
          client_id: DPOP_CLIENT,
          client_secret: DPOP_SECRET,
          redirect_uris: [],
          post_logout_redirect_uris: [],
          dpop_bound_access_tokens: true,
        },
      ],
    });
  });
  afterAll(() => em.close());

  it('a client with dpop_bound_access_tokens is refused without a proof', async () => {
    const { status, body } = await tokenRequest(em, DPOP_CLIENT, DPOP_SECRET);
    // oidc-provider's invalid_grant, with the 403 Auth0 gives invalid_grant.
    expect({ status, error: body.error, token: body.access_token }).toEqual({
      status: 403,
      error: 'invalid_grant',
      token: undefined,
    });
  });

  it('a client with dpop_bound_access_tokens gets use_dpop_nonce, then a DPoP token bound to the key', async () => {
    const first = await tokenRequest(em, DPOP_CLIENT, DPOP_SECRET, await proof(em));
    expect(first.status).toBe(400);
    expect(first.body.error).toBe('use_dpop_nonce');
    expect(first.nonce).toEqual(expect.any(String));

    const second = await tokenRequest(em, DPOP_CLIENT, DPOP_SECRET, await proof(em, first.nonce ?? ''));
    expect(second.status).toBe(200);
    expect(second.body.token_type).toBe('DPoP');
    expect(claims(second.body.access_token)).toMatchObject({
      cnf: { jkt: await calculateJwkThumbprint(jwk) },
    });
  });

  it('another client may send a proof without a nonce, and gets a bound token; without one, a bearer token', async () => {
    const bound = await tokenRequest(em, CLIENT_ID, CLIENT_SECRET, await proof(em));
    expect(bound.status).toBe(200);
    expect(bound.body.token_type).toBe('DPoP');
    expect(claims(bound.body.access_token)).toMatchObject({
      cnf: { jkt: await calculateJwkThumbprint(jwk) },
    });

    const bearer = await tokenRequest(em, CLIENT_ID, CLIENT_SECRET);
    expect(bearer.body.token_type).toBe('Bearer');
    expect(claims(bearer.body.access_token).cnf).toBeUndefined();
  });

  it("a public client's refresh token is bound too: refused without a proof, accepted with one", async () => {
    const { verifier, challenge } = pkce();
    const url = authorizeUrl(em, {
      client_id: PUBLIC_CLIENT,
      scope: 'openid offline_access',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's1',
    });
    const redirect = await em.login(url, { email: 'alice@example.com', password: 'Passw0rd!' });
    const code = new URL(redirect).searchParams.get('code') ?? '';
    const issued = await post(
      em,
      {
        grant_type: 'authorization_code',
        client_id: PUBLIC_CLIENT,
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      },
      await proof(em),
    );
    expect(issued.body.token_type).toBe('DPoP');
    const refresh = {
      grant_type: 'refresh_token',
      client_id: PUBLIC_CLIENT,
      refresh_token: String(issued.body.refresh_token),
    };
    const withoutProof = await post(em, refresh);
    expect(withoutProof.status).toBeGreaterThanOrEqual(400);
    expect(withoutProof.body.access_token).toBeUndefined();
    const withProof = await post(em, refresh, await proof(em));
    expect(withProof.body.token_type).toBe('DPoP');
  });
});
