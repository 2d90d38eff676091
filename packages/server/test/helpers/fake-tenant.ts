import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWK, type JWTPayload } from 'jose';
import { TEST_KEY_COUNT, testKeyPair } from '../../../../test/keys.js';

/**
 * A fake Auth0 tenant behind a `customFetch`: discovery, JWKS, `/oauth/token` (authorization code
 * with PKCE, refresh token with rotation), `/oauth/par`, and a simulated `/authorize`. It signs ID
 * and logout tokens with jose, counts requests, and lets a test replace any answer to inject faults.
 *
 * Every token it issues starts with a recognisable prefix (`fake-at-`, `fake-rt-`, `fake-code-`) so
 * tests can scan errors for leaked values.
 */
export interface FakeTenant {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Pass as `customFetch`. */
  fetch: typeof fetch;
  /** Requests seen, by endpoint (`discovery`, `jwks`, `token`, `refresh`, `code`, `par`). */
  counts: Record<string, number>;
  /** Every token, code and secret value handed out so far. */
  secrets(): string[];
  /** Answers a request instead of the tenant when it returns a Response (a fault); `undefined` lets it through. */
  intercept:
    | ((endpoint: string, body: URLSearchParams) => Promise<Response | undefined> | Response | undefined)
    | undefined;
  /** Milliseconds every token answer is delayed (to keep a refresh in flight). */
  tokenDelayMs: number;
  /** Plays the user at `/authorize`: returns the callback URL the browser would be sent to. */
  authorize(
    url: URL,
    user?: { sub?: string; claims?: Record<string, unknown>; authTime?: number },
  ): Promise<URL>;
  /** Signs a JWT with the tenant's current key (or a stranger's with `forge`). */
  sign(payload: JWTPayload, options?: { forge?: boolean; typ?: string }): Promise<string>;
  /** Replaces the signing key with a new one under a new `kid`. */
  rotateKeys(): Promise<void>;
  /** Ends the refresh tokens of a user (`invalid_grant` afterwards). */
  revokeRefreshTokens(): void;
}

interface CodeGrant {
  challenge: string;
  nonce: string | undefined;
  redirectUri: string;
  scope: string;
  audience: string | undefined;
  sub: string;
  claims: Record<string, unknown>;
  authTime: number;
}

export interface FakeTenantOptions {
  issuer?: string;
  /** Whether discovery lists `end_session_endpoint`. Default true. */
  endSession?: boolean;
}

export async function createFakeTenant(options: FakeTenantOptions = {}): Promise<FakeTenant> {
  const issuer = options.issuer ?? 'https://tenant.example.com/';
  const clientId = 'fake-client-id';
  const clientSecret = 'fake-secret-' + randomBytes(16).toString('hex');
  const issued: string[] = [clientSecret];
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, { sub: string; sid: string }>();
  const pars = new Map<string, URLSearchParams>();
  const counts: Record<string, number> = {};
  const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);

  // Fixture keys rather than fresh ones (RSA generation costs 100-500 ms): the stranger is key 0 and the
  // tenant's own keys cycle through the others, so a rotation always brings a different key.
  let keys: { kid: string; privateKey: CryptoKey; jwk: JWK }[] = [];
  let rotations = 0;
  const addKey = async () => {
    const { privateKey, publicJwk } = await testKeyPair(1 + (rotations++ % (TEST_KEY_COUNT - 1)));
    const kid = 'kid-' + randomBytes(4).toString('hex');
    keys = [{ kid, privateKey, jwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' } }];
  };
  await addKey();
  const stranger = await testKeyPair(0);

  const mint = (prefix: string) => {
    const value = `${prefix}${randomBytes(12).toString('hex')}`;
    issued.push(value);
    return value;
  };

  const tenant: FakeTenant = {
    issuer,
    clientId,
    clientSecret,
    counts,
    intercept: undefined,
    tokenDelayMs: 0,
    secrets: () => [...issued],
    async sign(payload, opts = {}) {
      const key = keys[0];
      if (!key) throw new Error('no key');
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...(opts.typ ? { typ: opts.typ } : {}) })
        .sign(opts.forge ? stranger.privateKey : key.privateKey);
    },
    rotateKeys: addKey,
    revokeRefreshTokens: () => refreshTokens.clear(),
    async authorize(url, user = {}) {
      let params = url.searchParams;
      const requestUri = params.get('request_uri');
      if (requestUri) params = pars.get(requestUri) ?? new URLSearchParams();
      const code = mint('fake-code-');
      codes.set(code, {
        challenge: params.get('code_challenge') ?? '',
        nonce: params.get('nonce') ?? undefined,
        redirectUri: params.get('redirect_uri') ?? '',
        scope: params.get('scope') ?? '',
        audience: params.get('audience') ?? undefined,
        sub: user.sub ?? 'auth0|alice',
        claims: user.claims ?? { email: 'alice@example.com', name: 'Alice' },
        authTime: user.authTime ?? Math.floor(Date.now() / 1000),
      });
      const callback = new URL(params.get('redirect_uri') ?? 'http://invalid/');
      callback.searchParams.set('code', code);
      const state = params.get('state');
      if (state !== null) callback.searchParams.set('state', state);
      return callback;
    },
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const body =
        init?.body instanceof URLSearchParams
          ? init.body
          : new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
      const endpoint = endpointOf(url.pathname, body);
      count(endpoint);
      const faulted = await tenant.intercept?.(endpoint, body);
      if (faulted) return faulted;
      switch (endpoint) {
        case 'discovery':
          return json({
            issuer,
            authorization_endpoint: `${issuer}authorize`,
            token_endpoint: `${issuer}oauth/token`,
            pushed_authorization_request_endpoint: `${issuer}oauth/par`,
            jwks_uri: `${issuer}.well-known/jwks.json`,
            ...(options.endSession === false ? {} : { end_session_endpoint: `${issuer}oidc/logout` }),
            response_types_supported: ['code'],
            id_token_signing_alg_values_supported: ['RS256'],
          });
        case 'jwks':
          return json({ keys: keys.map((k) => k.jwk) });
        case 'par': {
          const requestUri = 'urn:fake:' + randomBytes(8).toString('hex');
          pars.set(requestUri, body);
          return json({ request_uri: requestUri, expires_in: 60 }, 201);
        }
        case 'code':
        case 'refresh':
          await new Promise((r) => setTimeout(r, tenant.tokenDelayMs));
          if (body.get('client_id') !== clientId || body.get('client_secret') !== clientSecret) {
            return json({ error: 'invalid_client' }, 401);
          }
          return endpoint === 'code' ? codeGrant(body) : refreshGrant(body);
        default:
          return json({ error: 'not_found' }, 404);
      }
    },
  };

  const tokens = async (
    sub: string,
    sid: string,
    extra: { nonce?: string | undefined; authTime?: number; claims?: Record<string, unknown>; scope: string },
  ) => {
    const refreshToken = mint('fake-rt-');
    refreshTokens.set(refreshToken, { sub, sid });
    const now = Math.floor(Date.now() / 1000);
    const idToken = await tenant.sign({
      iss: issuer,
      aud: clientId,
      sub,
      sid,
      iat: now,
      exp: now + 3600,
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
      ...(extra.authTime ? { auth_time: extra.authTime } : {}),
      ...extra.claims,
    });
    issued.push(idToken);
    return json({
      access_token: mint('fake-at-'),
      id_token: idToken,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: 86_400,
      scope: extra.scope,
    });
  };

  const codeGrant = async (body: URLSearchParams) => {
    const grant = codes.get(body.get('code') ?? '');
    codes.delete(body.get('code') ?? '');
    if (!grant) return json({ error: 'invalid_grant', error_description: 'Invalid authorization code' }, 403);
    const challenge = createHash('sha256')
      .update(body.get('code_verifier') ?? '')
      .digest('base64url');
    if (challenge !== grant.challenge || body.get('redirect_uri') !== grant.redirectUri) {
      return json({ error: 'invalid_grant', error_description: 'PKCE or redirect_uri mismatch' }, 403);
    }
    return tokens(grant.sub, 'op-sid-' + randomBytes(4).toString('hex'), {
      nonce: grant.nonce,
      authTime: grant.authTime,
      claims: grant.claims,
      scope: grant.scope.replace(/\bopenid\b ?/, '').trim() || 'openid',
    });
  };

  const refreshGrant = async (body: URLSearchParams) => {
    const presented = body.get('refresh_token') ?? '';
    const session = refreshTokens.get(presented);
    if (!session)
      return json({ error: 'invalid_grant', error_description: 'Unknown or reused refresh token' }, 403);
    refreshTokens.delete(presented);
    return tokens(session.sub, session.sid, { scope: body.get('scope') ?? 'openid profile' });
  };

  return tenant;
}

function endpointOf(path: string, body: URLSearchParams): string {
  if (path === '/.well-known/openid-configuration') return 'discovery';
  if (path === '/.well-known/jwks.json') return 'jwks';
  if (path === '/oauth/par') return 'par';
  if (path === '/oauth/token') return body.get('grant_type') === 'refresh_token' ? 'refresh' : 'code';
  return path;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
