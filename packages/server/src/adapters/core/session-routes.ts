import type { TokenSet } from '../../types.js';
import { errorJson } from './error-answers.js';
import { crossSiteRefused, isCrossSite, json, type AdapterResponse } from './request-response.js';
import type { RouteContext } from './routes.js';

/**
 * `GET profile`: the session's user (the ID token's claims) as JSON, for the app's own page scripts
 * (nextjs-auth0's `/auth/profile`). Without a session: `401 { error: 'login_required' }`, as the
 * guards answer (nextjs-auth0 answers `401` with no body), or `204` with
 * `noContentProfileResponseWhenUnauthenticated`. A request the browser marks as cross-site is refused:
 * the claims are personal data, and no other site has a reason to ask for them.
 */
export async function profileRoute({ req, handle, options }: RouteContext): Promise<AdapterResponse> {
  if (isCrossSite(req, options.origin)) return crossSiteRefused();
  const user = await handle.getUser();
  if (user) return json(200, user);
  if (options.noContentProfileResponseWhenUnauthenticated)
    return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
  return json(401, { error: 'login_required' });
}

/**
 * `GET accessToken?audience=…&scope=…`: an access token for the app's own page scripts, in
 * nextjs-auth0's shape `{ token, scope, expires_at, expires_in, token_type? }`, from
 * `getAccessToken` (so a token near expiry is refreshed, once per session however many tabs ask).
 * Mounted only with `enableAccessTokenEndpoint`. A request the browser marks as cross-site is
 * refused. Errors are the JSON answers of the other routes: `401 login_required`, `403 mfa_required`
 * with the encrypted mfa token, the server's 4xx, `502`.
 */
export async function accessTokenRoute({ req, handle, options }: RouteContext): Promise<AdapterResponse> {
  if (isCrossSite(req, options.origin)) return crossSiteRefused();
  const query = new URL(req.url, 'http://x.invalid').searchParams;
  // An empty parameter reads as absent, as `''` does for every optional string of the SDK.
  const audience = query.get('audience') || undefined;
  const scope = query.get('scope') || undefined;
  try {
    return json(200, tokenBody(await handle.getAccessToken({ audience, scope })));
  } catch (err) {
    const answer = errorJson(err);
    if (!answer) throw err;
    return answer;
  }
}

function tokenBody(set: TokenSet): Record<string, unknown> {
  return {
    token: set.accessToken,
    ...(set.scope === undefined ? {} : { scope: set.scope }),
    expires_at: set.expiresAt,
    expires_in: Math.max(0, set.expiresAt - Math.floor(Date.now() / 1000)),
    ...(set.tokenType === undefined ? {} : { token_type: set.tokenType }),
  };
}
