import type { StateData, TokenSet } from '../types.js';

/**
 * The audience key token sets are filed under when no audience is configured, as
 * `@auth0/auth0-server-js` files them. A placeholder: it is never sent to the server.
 */
export const DEFAULT_AUDIENCE = 'default';

/** The `audience` parameter a token request sends for an audience key: none for {@link DEFAULT_AUDIENCE}. */
export function audienceToSend(audience: string): string | undefined {
  return audience === DEFAULT_AUDIENCE ? undefined : audience;
}

/** What a caller asks an access token for. */
export interface TokenSetQuery {
  audience: string;
  /** Space-separated scopes the token must carry; empty or `undefined` asks for none in particular. */
  scope?: string | undefined;
}

export function scopesOf(scope: string | undefined): Set<string> {
  const scopes = new Set<string>();
  if (scope) for (const s of scope.split(' ')) if (s) scopes.add(s);
  return scopes;
}

/** The scope string in a canonical form (distinct, sorted), so `'b a a'` and `'a b'` compare equal. */
function canonicalScope(scope: string | undefined): string {
  return [...scopesOf(scope)].sort().join(' ');
}

/**
 * Whether `set` serves `query`: the audience is the same and the set carries every requested scope
 * (it may carry more). Expiry is not considered: the caller decides how close to expiry is too close.
 */
export function tokenSetMatches(set: TokenSet, query: TokenSetQuery): boolean {
  if (set.audience !== query.audience) return false;
  const wanted = scopesOf(query.scope);
  if (wanted.size === 0) return true;
  const has = scopesOf(set.scope);
  for (const s of wanted) if (!has.has(s)) return false;
  return true;
}

/**
 * The token set of `state` that serves `query`, preferring the one that expires last and, of those,
 * the one filed last (the newest: {@link upsertTokenSet} appends); `undefined` when none does (or
 * there is no session).
 */
export function findTokenSet(state: StateData | undefined, query: TokenSetQuery): TokenSet | undefined {
  let best: TokenSet | undefined;
  for (const set of state?.tokenSets ?? []) {
    if (tokenSetMatches(set, query) && (!best || set.expiresAt >= best.expiresAt)) best = set;
  }
  return best;
}

/**
 * A copy of `state` holding `set`: it replaces the set with the same audience and the same scopes
 * (compared as sets, so order and repeats do not matter), and drops every token set that has
 * expired by `now`, so the session does not grow with dead tokens. `state` is not modified.
 *
 * @param now Unix time in seconds; defaults to the current time.
 */
export function upsertTokenSet(
  state: StateData,
  set: TokenSet,
  now: number = Math.floor(Date.now() / 1000),
): StateData {
  const key = canonicalScope(set.scope);
  const kept = state.tokenSets.filter(
    (t) => t.expiresAt > now && !(t.audience === set.audience && canonicalScope(t.scope) === key),
  );
  return { ...state, tokenSets: [...kept, { ...set }] };
}
