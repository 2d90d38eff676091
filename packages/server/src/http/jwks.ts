import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/**
 * A key resolver for jose over the server's JWKS that fetches the set once, keeps it, and fetches it
 * again once when a token names a `kid` it does not have (the server rotated its keys). Concurrent
 * first uses share one request; a failed fetch is not kept.
 */
export function createKeyResolver(load: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
  let current: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
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
      const refreshed = current !== before && current ? current : fetchSet();
      return (await refreshed)(header, token);
    }
  };
}
