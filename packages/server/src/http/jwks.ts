import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/**
 * How long after a refetch for an unknown `kid` another one may run. Tokens with made-up `kid`s
 * reach public endpoints (back-channel logout), and each must not cost a request to the server;
 * jose's remote key sets wait the same 30 seconds.
 */
const REFETCH_COOLDOWN_MS = 30_000;

/**
 * A key resolver for jose over the server's JWKS that fetches the set once, keeps it, and fetches it
 * again when a token names a `kid` it does not have (the server rotated its keys), at most once per
 * {@link REFETCH_COOLDOWN_MS}. Concurrent first uses share one request; a failed fetch is not kept.
 */
export function createKeyResolver(load: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
  let current: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
  let lastRefetch = -Infinity;
  const fetchSet = () => {
    const pending = load().then((jwks) => createLocalJWKSet(jwks));
    pending.catch(() => {
      if (current === pending) current = undefined;
    });
    current = pending;
    return pending;
  };

  return async (header, token) => {
    const before = current ?? fetchSet();
    try {
      return await (
        await before
      )(header, token);
    } catch (err) {
      if (!(err instanceof joseErrors.JWKSNoMatchingKey)) throw err;
      // Another caller may already have refreshed the set since we read it.
      if (current !== before && current) return (await current)(header, token);
      if (Date.now() - lastRefetch < REFETCH_COOLDOWN_MS) throw err;
      lastRefetch = Date.now();
      return (await fetchSet())(header, token);
    }
  };
}
