import {
  createClientAuth,
  createFunnelFetch,
  Transport,
  type ClientAuthOptions,
} from '../../src/http/index.js';
import { createMfaTokens, MfaClient, type MfaClientOptions } from '../../src/mfa/index.js';
import type { SessionAccess } from '../../src/session/access.js';
import { createSessionOwner } from '../../src/session/owner.js';
import type { StateData, StateStore } from '../../src/types.js';
import { createFakeServer, discoveryDocument, discoveryRoute, jwksRoute, type Route } from 'auth0-test-kit';
import { signingKey } from '../helpers/fake-tenant.js';

export const ISSUER = 'https://tenant.example.com/';
export const CLIENT_ID = 'app';
export const SECRET = 'a-test-secret-that-is-at-least-32-characters';

// The MFA endpoints are routes on the fake server of auth0-test-kit (the tenant's recording router); its
// discovery lists no optional endpoints.
const discovery = discoveryDocument(ISSUER);

/** Sessions keyed by the store option `session`, as a cookie would select one. */
export interface Options {
  session?: string;
}

export function memorySessions(initial: Record<string, StateData> = {}) {
  const states = new Map(Object.entries(initial));
  const key = (o?: Options) => o?.session ?? 'none';
  // The real session owner, over a store that picks the session by the store option.
  const store: StateStore<Options> = {
    get: async (_id, o) => structuredClone(states.get(key(o))),
    set: async (_id, state, _fresh, o) => void states.set(key(o), structuredClone(state)),
    delete: async (_id, o) => void states.delete(key(o)),
    deleteByLogoutToken: async () => undefined,
  };
  const access: SessionAccess<Options> = createSessionOwner({ store, identifier: '__a0_session' });
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
  // The grants load the key set before they send a proof: an empty one unless a route serves keys. Neither
  // discovery nor the key set is recorded, so `seen` holds only the MFA calls.
  const { fetch, seen } = createFakeServer(
    [discoveryRoute(discovery), ...(options.routes ?? []), jwksRoute(() => [])],
    (request) =>
      request.path !== '/.well-known/openid-configuration' && request.path !== '/.well-known/jwks.json',
  );
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
  const key = await signingKey(options.as === 'stranger' ? 0 : 1, 'k1');
  const jwks = jwksRoute(() => [key.jwk]);
  const sign = (claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return key.sign({ ...claims, iss: ISSUER, aud: CLIENT_ID, iat: now, exp: now + 300 });
  };
  return { jwks, sign };
}
