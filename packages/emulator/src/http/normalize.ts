import type { Params } from './body.js';
import { param } from './body.js';

/**
 * Rewrites Auth0 request parameters into the standard ones oidc-provider understands:
 * - `audience` becomes a resource indicator (`resource`), the mechanism behind Auth0's API audiences;
 * - a request for `offline_access` gets `prompt=consent`, without which oidc-provider drops the scope
 *   (as OpenID Connect asks) while Auth0 issues the refresh token; consent is then granted
 *   automatically for first-party clients;
 * - an authorization request gets `claims={"id_token":{"sid":null}}` when it has no `claims`, so every
 *   ID token carries `sid` like Auth0's, not only those of clients registered for back-channel logout.
 */
export function normalizeAuthorizationParams(params: Params): Params {
  // A pushed request was normalized at /oauth/par; its request_uri must stand alone.
  if (params.request_uri !== undefined) return params;
  const out = normalizeAudience(params);
  const scope = param(out, 'scope') ?? '';
  const prompt = (param(out, 'prompt') ?? '').split(' ').filter(Boolean);
  if (
    scope.split(' ').includes('offline_access') &&
    !prompt.includes('consent') &&
    !prompt.includes('none')
  ) {
    out.prompt = [...prompt, 'consent'].join(' ');
  }
  if (out.claims === undefined && out.request === undefined) {
    out.claims = JSON.stringify({ id_token: { sid: null } });
  }
  return out;
}

/** `audience` → `resource` (token requests). */
export function normalizeAudience(params: Params): Params {
  const out: Params = { ...params };
  const audience = param(out, 'audience');
  delete out.audience;
  if (audience && out.resource === undefined) out.resource = audience;
  return out;
}
