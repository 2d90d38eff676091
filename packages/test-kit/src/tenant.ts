import { createHash, randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { newKeyPair, signingKey, type KeyPair } from './keys.js';
import { discoveryDocument, json, readRequest, type FakeRequest } from './routes.js';

/**
 * An in-process Auth0 tenant behind a `customFetch`: discovery, JWKS, `/oauth/token` (authorization code
 * with PKCE, refresh token), `/oauth/par`, and a simulated `/authorize`; ID tokens signed RS256. It keeps
 * only what the protocol needs (pending codes, live refresh tokens) and counts requests by endpoint, so
 * the benchmarks can measure an SDK over it without its bookkeeping in their allocation figures; the server
 * tests add recording on top (`createRecordingTenant`).
 *
 * Every value it mints starts with a recognisable prefix (`fake-at-`, `fake-rt-`, `fake-code-`,
 * `fake-secret-`) so tests can scan errors for leaked values.
 */
export interface Tenant {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Pass as `customFetch`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Answers one request: the tenant's routes, or a 404. */
  answer(request: FakeRequest): Promise<Response>;
  /** Requests answered (faults included), by endpoint: `discovery`, `jwks`, `par`, `code`, `refresh`, else the path. */
  counts: Record<string, number>;
  /** Answers a request instead of the tenant when it returns a Response (a fault); `undefined` lets it through. */
  intercept:
    | ((endpoint: string, body: URLSearchParams) => Promise<Response | undefined> | Response | undefined)
    | undefined;
  /** Milliseconds every token answer is delayed (to keep a refresh in flight). Default 0: no wait at all. */
  tokenDelayMs: number;
  /** Plays the user at `/authorize`: returns the callback URL the browser would be sent to. */
  authorize(url: URL, user?: Partial<TenantUser> & { authTime?: number }): URL;
  /** Signs a JWT with the tenant's current key (or, with `forge`, a stranger's key under the same `kid`). */
  sign(payload: JWTPayload, options?: { forge?: boolean; typ?: string }): Promise<string>;
  /** Replaces the signing key with the next one (`keys`) under a new `kid`. */
  rotateKeys(): Promise<void>;
  /** Ends every refresh token handed out so far (`invalid_grant` afterwards). */
  revokeRefreshTokens(): void;
}

/** Who logs in at `/authorize`: the ID token's `sub` and its other claims. */
export interface TenantUser {
  sub: string;
  claims: Record<string, unknown>;
}

export interface TenantOptions {
  /** Default `https://tenant.example.com/`. */
  issuer?: string;
  /** Default `fake-client-id`. */
  clientId?: string;
  /** Whether discovery lists `end_session_endpoint`. Default true. */
  endSession?: boolean;
  /**
   * The key pair of the `n`-th signing key: 0 at the start, `n` after `n` rotations. Default: a new RS256
   * pair each time.
   */
  keys?: (n: number) => Promise<KeyPair>;
  /** The key `sign({ forge: true })` signs with, fetched on first use. Default: a new RS256 pair. */
  stranger?: () => Promise<KeyPair>;
  /** Who logs in when `authorize` names nobody. Default `auth0|alice` (`alice@example.com`, `Alice`). */
  user?: TenantUser;
  /**
   * `rotate` (default): a refresh token redeems once, and its answer carries the next one and an ID token
   * that names the user (`sub`, `sid`) without the login's other claims. `replay`: any refresh token is
   * accepted, as often as it comes, for `user`, and every refresh answer carries the same ID token (with
   * `user`'s claims), signed once per key. That is the benchmarks' tenant: they replay one expired
   * session's token on every op, and RSA signing is the server's cost, which would drown the SDKs' own.
   */
  refreshTokens?: 'rotate' | 'replay';
  /** Called with every token, code and secret the tenant hands out, its client secret first. */
  onIssue?: (value: string) => void;
}

interface CodeGrant {
  challenge: string;
  nonce: string | undefined;
  redirectUri: string;
  scope: string;
  user: TenantUser;
  authTime: number;
}

/** The user a refresh token was issued to, and the session it belongs to. */
interface Grant {
  user: TenantUser;
  sid: string;
}

const ALICE: TenantUser = { sub: 'auth0|alice', claims: { email: 'alice@example.com', name: 'Alice' } };

export async function createTenant(options: TenantOptions = {}): Promise<Tenant> {
  const issuer = options.issuer ?? 'https://tenant.example.com/';
  const clientId = options.clientId ?? 'fake-client-id';
  const defaultUser = options.user ?? ALICE;
  const replay = options.refreshTokens === 'replay';
  const onIssue = options.onIssue;
  const keys = options.keys ?? newKeyPair;
  const newKid = () => 'kid-' + randomBytes(4).toString('hex');

  const mint = (prefix: string) => {
    const value = `${prefix}${randomBytes(12).toString('hex')}`;
    onIssue?.(value);
    return value;
  };
  const clientSecret = mint('fake-secret-');
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, Grant>();
  const pars = new Map<string, URLSearchParams>();
  const counts: Record<string, number> = {};

  let rotations = 0;
  let key = signingKey(await keys(rotations), newKid());
  let stranger: Promise<KeyPair> | undefined;
  const replayGrant: Grant = { user: defaultUser, sid: 'op-sid-' + randomBytes(4).toString('hex') };
  let replayIdToken: Promise<string> | undefined;

  const discovery = JSON.stringify({
    ...discoveryDocument(issuer, { par: true, endSession: options.endSession !== false }),
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  });

  const tenant: Tenant = {
    issuer,
    clientId,
    clientSecret,
    counts,
    intercept: undefined,
    tokenDelayMs: 0,
    fetch: async (input, init) => tenant.answer(await readRequest(input, init)),
    async answer(request) {
      const body = new URLSearchParams(request.body);
      const endpoint = endpointOf(request.path, body);
      counts[endpoint] = (counts[endpoint] ?? 0) + 1;
      const fault = await tenant.intercept?.(endpoint, body);
      if (fault) return fault;
      switch (endpoint) {
        case 'discovery':
          return new Response(discovery, { headers: { 'content-type': 'application/json' } });
        case 'jwks':
          return json({ keys: [key.jwk] });
        case 'par': {
          const requestUri = 'urn:fake:' + randomBytes(8).toString('hex');
          pars.set(requestUri, body);
          return json({ request_uri: requestUri, expires_in: 60 }, 201);
        }
        case 'code':
        case 'refresh':
          if (tenant.tokenDelayMs > 0) await new Promise((r) => setTimeout(r, tenant.tokenDelayMs));
          if (body.get('client_id') !== clientId || body.get('client_secret') !== clientSecret) {
            return json({ error: 'invalid_client' }, 401);
          }
          return endpoint === 'code' ? codeGrant(body) : refreshGrant(body);
        default:
          return json({ error: 'not_found' }, 404);
      }
    },
    authorize(url, user = {}) {
      let params = url.searchParams;
      const requestUri = params.get('request_uri');
      if (requestUri) params = pars.get(requestUri) ?? new URLSearchParams();
      const code = mint('fake-code-');
      codes.set(code, {
        challenge: params.get('code_challenge') ?? '',
        nonce: params.get('nonce') ?? undefined,
        redirectUri: params.get('redirect_uri') ?? '',
        scope: params.get('scope') ?? '',
        user: { sub: user.sub ?? defaultUser.sub, claims: user.claims ?? defaultUser.claims },
        authTime: user.authTime ?? Math.floor(Date.now() / 1000),
      });
      const callback = new URL(params.get('redirect_uri') ?? 'http://invalid/');
      callback.searchParams.set('code', code);
      const state = params.get('state');
      if (state !== null) callback.searchParams.set('state', state);
      return callback;
    },
    async sign(payload, opts = {}) {
      if (!opts.forge) return key.sign(payload, opts.typ);
      stranger ??= (options.stranger ?? newKeyPair)();
      return signingKey(await stranger, key.kid).sign(payload, opts.typ);
    },
    async rotateKeys() {
      key = signingKey(await keys(++rotations), newKid());
      replayIdToken = undefined;
    },
    revokeRefreshTokens: () => refreshTokens.clear(),
  };

  const idToken = async (
    grant: Grant,
    extra: { nonce?: string | undefined; authTime?: number; claims?: Record<string, unknown> },
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const token = await tenant.sign({
      iss: issuer,
      aud: clientId,
      sub: grant.user.sub,
      sid: grant.sid,
      iat: now,
      exp: now + 3600,
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
      ...(extra.authTime ? { auth_time: extra.authTime } : {}),
      ...extra.claims,
    });
    onIssue?.(token);
    return token;
  };

  const tokens = (grant: Grant, idToken: string, scope: string) => {
    const refreshToken = mint('fake-rt-');
    if (!replay) refreshTokens.set(refreshToken, grant);
    return json({
      access_token: mint('fake-at-'),
      id_token: idToken,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: 86_400,
      scope,
    });
  };

  const codeGrant = async (body: URLSearchParams) => {
    const code = body.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code);
    if (!pending)
      return json({ error: 'invalid_grant', error_description: 'Invalid authorization code' }, 403);
    const challenge = createHash('sha256')
      .update(body.get('code_verifier') ?? '')
      .digest('base64url');
    if (challenge !== pending.challenge || body.get('redirect_uri') !== pending.redirectUri) {
      return json({ error: 'invalid_grant', error_description: 'PKCE or redirect_uri mismatch' }, 403);
    }
    const grant = { user: pending.user, sid: 'op-sid-' + randomBytes(4).toString('hex') };
    const signed = await idToken(grant, {
      nonce: pending.nonce,
      authTime: pending.authTime,
      claims: pending.user.claims,
    });
    return tokens(grant, signed, pending.scope.replace(/\bopenid\b ?/, '').trim() || 'openid');
  };

  const refreshGrant = async (body: URLSearchParams) => {
    const scope = body.get('scope') ?? 'openid profile';
    if (replay) {
      replayIdToken ??= idToken(replayGrant, { claims: replayGrant.user.claims });
      return tokens(replayGrant, await replayIdToken, scope);
    }
    const presented = body.get('refresh_token') ?? '';
    const grant = refreshTokens.get(presented);
    if (!grant)
      return json({ error: 'invalid_grant', error_description: 'Unknown or reused refresh token' }, 403);
    refreshTokens.delete(presented);
    return tokens(grant, await idToken(grant, {}), scope);
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
