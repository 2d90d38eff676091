import { SignJWT } from 'jose';
import {
  createClientAuth,
  createFunnelFetch,
  Transport,
  type ClientAuthOptions,
} from '../../src/http/index.js';
import { createMfaTokens, MfaClient, type MfaClientOptions } from '../../src/mfa/index.js';
import type { SessionAccess } from '../../src/session/access.js';
import type { StateData } from '../../src/types.js';
import { testKeyPair } from '../../../../test/keys.js';

export const ISSUER = 'https://tenant.example.com/';
export const CLIENT_ID = 'app';
export const SECRET = 'a-test-secret-that-is-at-least-32-characters';

/** A request the fake authorization server received. */
export interface Seen {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

/** Answers one request; `undefined` means the route is not handled (404). */
export type Route = (request: Seen) => Response | Promise<Response> | undefined;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** The form fields of a form-encoded body, or the members of a JSON body. */
export function fieldsOf(seen: Seen): Record<string, unknown> {
  if (seen.headers.get('content-type')?.includes('json')) {
    const parsed: unknown = JSON.parse(seen.body);
    return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
  }
  return Object.fromEntries(new URLSearchParams(seen.body));
}

const discovery = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}authorize`,
  token_endpoint: `${ISSUER}oauth/token`,
  jwks_uri: `${ISSUER}.well-known/jwks.json`,
};

/** Sessions keyed by the store option `session`, as a cookie would select one. */
export interface Options {
  session?: string;
}

export function memorySessions(initial: Record<string, StateData> = {}) {
  const states = new Map(Object.entries(initial));
  const key = (o?: Options) => o?.session ?? 'none';
  const access: SessionAccess<Options> = {
    get: async (o) => structuredClone(states.get(key(o))),
    set: async (state, o) => {
      states.set(key(o), structuredClone(state));
    },
    update: async (fn, o) => fn(structuredClone(states.get(key(o)))),
  };
  return { access, states };
}

export function session(sid: string, sub = 'auth0|alice'): StateData {
  return {
    user: { sub },
    idToken: undefined,
    refreshToken: 'rt-1',
    tokenSets: [],
    internal: { sid, createdAt: 1 },
  };
}

export interface Setup {
  routes?: Route[];
  sessions?: Record<string, StateData>;
  clientAuth?: ClientAuthOptions;
  extra?: Partial<MfaClientOptions<Options>>;
}

/** An MfaClient over a fake authorization server reached through the real request funnel. */
export function setup(options: Setup = {}) {
  const seen: Seen[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const u = new URL(url);
    const request: Seen = {
      method: init.method ?? 'GET',
      path: u.pathname,
      headers: new Headers(init.headers),
      body:
        typeof init.body === 'string'
          ? init.body
          : init.body instanceof URLSearchParams
            ? init.body.toString()
            : '',
    };
    if (u.pathname === '/.well-known/openid-configuration') return json(discovery);
    // The grants load the key set before they send a proof: an empty one unless a route serves keys.
    const keySet = u.pathname === '/.well-known/jwks.json';
    if (!keySet) seen.push(request);
    for (const route of options.routes ?? []) {
      const answer = await route(request);
      if (answer) return answer;
    }
    return keySet ? json({ keys: [] }) : json({ error: 'not_found' }, 404);
  };
  const tokens = createMfaTokens({ secrets: [SECRET], clientId: CLIENT_ID, issuer: ISSUER });
  const transport = new Transport({
    issuer: new URL(ISSUER),
    clientId: CLIENT_ID,
    clientAuth: createClientAuth(
      options.clientAuth ?? { method: 'client_secret_post', clientSecret: 'client-secret-value' },
    ),
    fetch: createFunnelFetch({ fetch, timeoutMs: 2000, retries: 0 }),
    clockTolerance: 60,
    onErrorAnswer: tokens.sealRequired,
  });
  const sessions = memorySessions(options.sessions);
  const mfa = new MfaClient<Options>({ transport, tokens, sessions: sessions.access, ...options.extra });
  return { mfa, tokens, transport, sessions, seen };
}

/** Seals a raw token the way the funnel would, bound to the given session (or none). */
export function sealed(
  tokens: ReturnType<typeof setup>['tokens'],
  input: {
    mfaToken?: string;
    audience?: string;
    scope?: string;
    challenge?: string[];
    enroll?: string[];
  } = {},
  sessionBinding?: { sid: string; sub?: string },
): Promise<string> {
  const mfaRequirements =
    input.challenge || input.enroll
      ? {
          ...(input.challenge && { challenge: input.challenge.map((type) => ({ type })) }),
          ...(input.enroll && { enroll: input.enroll.map((type) => ({ type })) }),
        }
      : undefined;
  return tokens.encrypt(
    {
      mfaToken: input.mfaToken ?? 'RAW-MFA-TOKEN',
      audience: input.audience,
      scope: input.scope,
      mfaRequirements,
    },
    sessionBinding,
  );
}

/**
 * A signing key for ID tokens and the route that serves its JWKS; `as: 'stranger'` signs with another
 * key under the same kid (a forgery).
 */
export async function idTokenSigner(options: { as?: 'tenant' | 'stranger' } = {}) {
  const { privateKey, publicJwk } = await testKeyPair(options.as === 'stranger' ? 0 : 1);
  const jwk = { ...publicJwk, kid: 'k1', alg: 'RS256', use: 'sig' };
  const jwks: Route = (request) =>
    request.path === '/.well-known/jwks.json' ? json({ keys: [jwk] }) : undefined;
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwks, sign };
}

/** Answers `POST /oauth/token` with `answer(fields)`. */
export const tokenEndpoint =
  (answer: (fields: Record<string, unknown>) => Response | Promise<Response>): Route =>
  (request) =>
    request.method === 'POST' && request.path === '/oauth/token' ? answer(fieldsOf(request)) : undefined;
