import type { StateData, TokenSet } from '../../src/types.js';

/** A session as the client would write it, with overridable parts. */
export function makeState(overrides: Partial<StateData> = {}): StateData {
  const now = Math.floor(Date.now() / 1000);
  return {
    user: { sub: 'auth0|alice', sid: 'op-session-1', iss: 'https://tenant.example/' },
    idToken: 'id.token.value',
    refreshToken: 'refresh-token-1',
    tokenSets: [
      { audience: 'https://api.example.com', accessToken: 'at-1', scope: 'read', expiresAt: now + 3600 },
    ],
    internal: { sid: 'sid-1', createdAt: now },
    ...overrides,
  };
}

/** A token set for `audience` that expires `inSeconds` from now. */
export function makeTokenSet(audience: string, scope: string | undefined, inSeconds = 3600): TokenSet {
  return {
    audience,
    accessToken: `at-${audience}-${scope ?? ''}`,
    scope,
    expiresAt: Math.floor(Date.now() / 1000) + inSeconds,
  };
}
