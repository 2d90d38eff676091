import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { Auth0Error, RequestError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import { describe, type FetchLike } from './fetch.js';

/** Milliseconds a fetched key set is used before it is fetched again: 10 minutes (jose's default). */
export const JWKS_CACHE_MAX_AGE = 10 * 60_000;

/**
 * Milliseconds after a fetch during which a token naming an unknown `kid` does not cause another:
 * 30 seconds. Tokens with made-up `kid`s reach public endpoints (back-channel logout), and each must
 * not cost a request to the server.
 */
export const JWKS_COOLDOWN = 30_000;

/** How long the key set is kept. */
export interface KeyResolverOptions {
  /** Milliseconds before the key set is refetched, so a key removed from it stops verifying. Default {@link JWKS_CACHE_MAX_AGE}. */
  cacheMaxAge?: number | undefined;
  /** Milliseconds after a fetch before an unknown `kid` may refetch. Default {@link JWKS_COOLDOWN}. */
  cooldown?: number | undefined;
}

/**
 * jose's key lookup, plus `ready()`: loads the key set now when it is not fresh (never fetched, or
 * older than `cacheMaxAge`); a no-op otherwise. Called before a grant that spends a one-time
 * credential, so that a JWKS outage fails the call while the credential is still unspent.
 */
export type KeyResolver = JWTVerifyGetKey & {
  /** @throws {RequestError} when the key set (or the discovery naming it) cannot be fetched. */
  ready(): Promise<void>;
};

/**
 * A key resolver for jose over the server's JWKS: jose's remote key set (one fetch shared by
 * concurrent first uses; refetched once `cacheMaxAge` has passed; one refetch for an unknown `kid`,
 * at most once per `cooldown`; a failed fetch is not kept), fetching through `fetch` (the funnel:
 * `customFetch`, the deadline, retries). `jwksUri` is asked once, on first use (discovery).
 */
export function createKeyResolver(
  jwksUri: () => Promise<string>,
  fetch: FetchLike,
  options: KeyResolverOptions = {},
): KeyResolver {
  // jose's own timeout would race the funnel's deadline, which already covers headers and body.
  const fetchJwks = async (url: string, init: { headers: Headers; redirect: 'manual' }) => {
    const res = await fetch(url, { method: 'GET', headers: init.headers, redirect: init.redirect });
    const text = await res.text();
    if (res.status !== 200 || !isJwks(text)) {
      throw new RequestError('invalid_response', `${describe(url)} did not answer a JSON Web Key Set`, {
        status: res.status,
      });
    }
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  let remote: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    if (!remote) {
      const pending = jwksUri().then((uri) =>
        createRemoteJWKSet(new URL(uri), {
          cacheMaxAge: options.cacheMaxAge ?? JWKS_CACHE_MAX_AGE,
          cooldownDuration: options.cooldown ?? JWKS_COOLDOWN,
          [customFetch]: fetchJwks,
        }),
      );
      pending.catch(() => {
        if (remote === pending) remote = undefined;
      });
      remote = pending;
    }
    return remote;
  };
  const ready = async () => {
    try {
      const set = await keySet();
      if (!set.fresh) await set.reload();
    } catch (err) {
      if (err instanceof Auth0Error) throw err;
      throw new RequestError('invalid_response', 'The JSON Web Key Set could not be loaded', undefined, {
        cause: err,
      });
    }
  };
  const getKey: JWTVerifyGetKey = async (header, token) => (await keySet())(header, token);
  return Object.assign(getKey, { ready });
}

/** Whether `text` is a JSON object with a `keys` array. */
function isJwks(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && Array.isArray(parsed.keys);
  } catch {
    return false;
  }
}
