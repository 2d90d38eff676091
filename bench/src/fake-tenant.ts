import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { ISSUER, USER } from './payload.js';

/**
 * An in-process Auth0 tenant behind a `customFetch`, for the round-trip benchmarks: discovery, JWKS,
 * the authorization code grant and the refresh grant, ID tokens signed RS256. It checks no more than
 * the SDKs need to succeed: what is measured is the SDKs' own cost, not a server's.
 *
 * Not the unit tests' fake (packages/server/test/helpers/fake-tenant.ts), on purpose: that one is
 * strict and observable (it rotates refresh tokens, checks PKCE and the client secret, records every
 * request and every token it mints for leak scans). Here the refresh case replays one expired session's
 * refresh token on every op, and anything recorded per op would show in the allocation figures.
 */
export interface FakeTenant {
  issuer: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  /** Token requests by grant, counted at the server. */
  counts: { authorization_code: number; refresh_token: number };
  /** Milliseconds each token answer waits (keeps a refresh in flight for the concurrency case). */
  tokenDelayMs: number;
  /** Plays the browser at `/authorize`: the callback URL the user is sent back to. */
  authorize(url: URL): URL;
}

export async function createFakeTenant(clientId = 'bench-client'): Promise<FakeTenant> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = 'bench-key';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, string | undefined>();
  const base = ISSUER.replace(/\/$/, '');
  const discovery = {
    issuer: ISSUER,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/oauth/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    end_session_endpoint: `${base}/oidc/logout`,
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
  };

  const idToken = (nonce: string | undefined) => {
    const jwt = new SignJWT({ ...USER, ...(nonce ? { nonce } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime('10h');
    return jwt.sign(privateKey);
  };

  // A refresh answer's ID token has no nonce, so one signed token serves every refresh: RSA signing
  // is the server's cost, and would otherwise drown the SDKs' own.
  let refreshIdToken: Promise<string> | undefined;

  const tenant: FakeTenant = {
    issuer: ISSUER,
    clientId,
    clientSecret: 'bench-client-secret-' + randomBytes(16).toString('hex'),
    counts: { authorization_code: 0, refresh_token: 0 },
    tokenDelayMs: 0,
    authorize(url) {
      const redirect = url.searchParams.get('redirect_uri');
      const state = url.searchParams.get('state');
      if (!redirect) throw new Error('the authorization request lacks redirect_uri');
      const code = randomBytes(16).toString('base64url');
      codes.set(code, url.searchParams.get('nonce') ?? undefined);
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      // The peer sends no state (it relies on PKCE); ours always does.
      if (state) back.searchParams.set('state', state);
      return back;
    },
    async fetch(input, init) {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      if (path === '/.well-known/openid-configuration') return json(discovery);
      if (path === '/.well-known/jwks.json') return json({ keys: [jwk] });
      if (path !== '/oauth/token') return json({ error: 'not_found' }, 404);
      const body = new URLSearchParams(await request.text());
      const grant = body.get('grant_type');
      if (tenant.tokenDelayMs) await new Promise((r) => setTimeout(r, tenant.tokenDelayMs));
      if (grant === 'authorization_code') {
        tenant.counts.authorization_code++;
        const code = body.get('code') ?? '';
        if (!codes.has(code)) return json({ error: 'invalid_grant' }, 403);
        const nonce = codes.get(code);
        codes.delete(code);
        return json(await tokens(await idToken(nonce)));
      }
      if (grant === 'refresh_token') {
        tenant.counts.refresh_token++;
        refreshIdToken ??= idToken(undefined);
        return json(await tokens(await refreshIdToken));
      }
      return json({ error: 'unsupported_grant_type' }, 400);
    },
  };
  return tenant;
}

async function tokens(idToken: string) {
  return {
    access_token: 'at-' + randomBytes(24).toString('base64url'),
    id_token: idToken,
    refresh_token: 'rt-' + randomBytes(24).toString('base64url'),
    token_type: 'Bearer',
    expires_in: 86_400,
    scope: 'openid profile email offline_access read:data',
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
