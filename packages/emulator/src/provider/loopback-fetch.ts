const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * oidc-provider's `fetch`, minus its SSRF guard for loopback targets only.
 *
 * The provider passes an undici dispatcher that refuses private and loopback addresses, which would
 * stop back-channel logout tokens from reaching a relying party on this machine. A development
 * server talks to local apps all the time, so loopback is allowed here; every other target keeps the
 * guard.
 */
export function loopbackFriendlyFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  if (!init || !LOOPBACK.has(url.hostname)) return fetch(input, init);
  const withoutGuard = { ...init };
  Reflect.deleteProperty(withoutGuard, 'dispatcher');
  return fetch(input, withoutGuard);
}
