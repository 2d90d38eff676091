import type { Transport } from '../http/index.js';

/** Options of `logout`. */
export interface LogoutOptions {
  /** Where the server sends the user after logging out; must be allowed in the Auth0 application. */
  returnTo?: string;
  /**
   * Also revoke the session's refresh token at the server (`/oauth/revoke`), after the session is
   * deleted. Best effort: a revocation that fails does not fail the logout (the session is gone
   * either way; the token then lives until it expires). Default `false`.
   */
  revokeRefreshToken?: boolean;
}

/**
 * The URL that ends the user's session at the server: the OIDC `end_session_endpoint`
 * (`/oidc/logout`) with `id_token_hint`, `client_id` and `post_logout_redirect_uri` when discovery
 * lists one, else Auth0's `/v2/logout?client_id=&returnTo=`.
 *
 * @throws {RequestError} when discovery fails.
 */
export async function buildLogoutUrl(
  transport: Transport,
  options: LogoutOptions,
  idToken: string | undefined,
): Promise<URL> {
  const as = await transport.metadata();
  const clientId = transport.client.client_id;
  if (as.end_session_endpoint) {
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set('client_id', clientId);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    if (options.returnTo !== undefined) url.searchParams.set('post_logout_redirect_uri', options.returnTo);
    return url;
  }
  const url = new URL('v2/logout', transport.issuer);
  url.searchParams.set('client_id', clientId);
  if (options.returnTo !== undefined) url.searchParams.set('returnTo', options.returnTo);
  return url;
}
