import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWK, type JWTPayload } from 'jose';
import { TEST_KEY_COUNT, testKeyPair } from '../../../../test/keys.js';

/**
 * The one fake authorization server of the unit tests, faked at the fetch layer. `createFakeServer` records
 * requests and answers them with routes; `createFakeTenant` puts a whole tenant (discovery, JWKS, token, PAR,
 * /authorize) behind it, and the MFA tests put their own routes behind it (test/mfa/harness.ts).
 */

/** A request the fake authorization server received. */
export interface Seen {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

/** Answers one request; `undefined` passes it to the next route (after the last: 404). */
export type Route = (request: Seen) => Response | Promise<Response | undefined> | undefined;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The form fields of a form-encoded body, or the members of a JSON body. */
export function fieldsOf(seen: Seen): Record<string, unknown> {
  if (seen.headers.get('content-type')?.includes('json')) {
    const parsed: unknown = JSON.parse(seen.body);
    return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
  }
  return Object.fromEntries(new URLSearchParams(seen.body));
}

/** Answers `POST /oauth/token` with `answer(fields)`. */
export const tokenEndpoint =
  (answer: (fields: Record<string, unknown>) => Response | Promise<Response>): Route =>
  (request) =>
    request.method === 'POST' && request.path === '/oauth/token' ? answer(fieldsOf(request)) : undefined;

/** The discovery document of a tenant at `issuer`; `par` and `endSession` list the optional endpoints. */
export function discoveryDocument(issuer: string, options: { par?: boolean; endSession?: boolean } = {}) {
  return {
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth/token`,
    ...(options.par ? { pushed_authorization_request_endpoint: `${issuer}oauth/par` } : {}),
    jwks_uri: `${issuer}.well-known/jwks.json`,
    ...(options.endSession ? { end_session_endpoint: `${issuer}oidc/logout` } : {}),
  };
}

/** A route that serves `document` as the discovery document. */
export const discoveryRoute =
  (document: object): Route =>
  (request) =>
    request.path === '/.well-known/openid-configuration' ? json(document) : undefined;

/** A route that serves `keys` (read on every request) as the JWKS. */
export const jwksRoute =
  (keys: () => JWK[]): Route =>
  (request) =>
    request.path === '/.well-known/jwks.json' ? json({ keys: keys() }) : undefined;

/**
 * A signing key from the fixture keys (test/keys.ts) under `kid`, its public JWK, and a signer of JWTs with
 * it. Fixture keys rather than fresh ones: RSA generation costs 100-500 ms.
 */
export async function signingKey(index: number, kid: string) {
  const { privateKey, publicJwk } = await testKeyPair(index);
  const jwk: JWK = { ...publicJwk, kid, alg: 'RS256', use: 'sig' };
  const sign = (payload: JWTPayload, typ?: string) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, ...(typ ? { typ } : {}) }).sign(privateKey);
  return { kid, jwk, privateKey, sign };
}

export interface FakeServer {
  /** Pass as `customFetch` (or to the request funnel). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Every request recorded (see `record`), oldest first. */
  seen: Seen[];
}

/**
 * Records each request (unless `record` says no) and answers it with the first route that does, else 404.
 */
export function createFakeServer(
  routes: Route[] | (() => Route[]),
  record: (request: Seen) => boolean = () => true,
): FakeServer {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = init?.body;
    const request: Seen = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: new Headers(init?.headers),
      body: typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : '',
    };
    if (record(request)) seen.push(request);
    for (const route of typeof routes === 'function' ? routes() : routes) {
      const answer = await route(request);
      if (answer) return answer;
    }
    return json({ error: 'not_found' }, 404);
  };
  return { fetch, seen };
}

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
  /** Every request, oldest first. */
  seen: Seen[];
  /** Routes that answer before the tenant (overrides); a test may push to them. */
  routes: Route[];
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

  // The stranger is key 0 and the tenant's own keys cycle through the others, so a rotation always brings a
  // different key.
  let key = await signingKey(1, 'kid-' + randomBytes(4).toString('hex'));
  let rotations = 1;
  const addKey = async () => {
    key = await signingKey(1 + (rotations++ % (TEST_KEY_COUNT - 1)), 'kid-' + randomBytes(4).toString('hex'));
  };
  const stranger = await signingKey(0, 'stranger');

  const mint = (prefix: string) => {
    const value = `${prefix}${randomBytes(12).toString('hex')}`;
    issued.push(value);
    return value;
  };

  // Routes are read per request, so the ones defined below (and the test's `routes`) are in place by then.
  const server = createFakeServer(() => [intercept, ...tenant.routes, ...tenantRoutes]);
  const tenant: FakeTenant = {
    issuer,
    clientId,
    clientSecret,
    counts,
    intercept: undefined,
    tokenDelayMs: 0,
    secrets: () => [...issued],
    async sign(payload, opts = {}) {
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
    fetch: (input, init) => server.fetch(input, init),
    seen: server.seen,
    routes: [],
  };

  const intercept: Route = (request) => {
    const endpoint = endpointOf(request.path, new URLSearchParams(request.body));
    count(endpoint);
    return tenant.intercept?.(endpoint, new URLSearchParams(request.body));
  };
  const tenantRoutes: Route[] = [
    discoveryRoute({
      ...discoveryDocument(issuer, { par: true, endSession: options.endSession !== false }),
      response_types_supported: ['code'],
      id_token_signing_alg_values_supported: ['RS256'],
    }),
    jwksRoute(() => [key.jwk]),
    async (request) => {
      const body = new URLSearchParams(request.body);
      const endpoint = endpointOf(request.path, body);
      switch (endpoint) {
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
          return undefined;
      }
    },
  ];
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
