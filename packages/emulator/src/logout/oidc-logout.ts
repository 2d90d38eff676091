import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import { redirect, sendHtml } from '../http/respond.js';
import { signedOutPage } from '../provider/pages.js';
import { endBrowserSession } from './end-session.js';
import type { LogoutOptions } from './end-session.js';

const PARAMS = [
  'id_token_hint',
  'post_logout_redirect_uri',
  'state',
  'client_id',
  'logout_hint',
  'ui_locales',
];

/** The single values of the logout parameters, or undefined when one is repeated (oidc-provider refuses it). */
function singleParams(url: URL): Map<string, string> | undefined {
  const params = new Map<string, string>();
  for (const name of PARAMS) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) return undefined;
    if (values[0] !== undefined && values[0] !== '') params.set(name, values[0]);
  }
  return params;
}

/** The `aud` of an ID token as one client id, without verifying it yet. */
function audience(idToken: string): string | undefined {
  try {
    const { aud } = decodeJwt(idToken);
    return typeof aud === 'string' ? aud : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /oidc/logout` with a valid `id_token_hint`, as Auth0 answers it: no confirmation page; the
 * session ends (as with /v2/logout) and the browser goes to `post_logout_redirect_uri` with `state`,
 * or to the signed-out page. Answers false, sending nothing, for every request it does not take:
 * without a hint, or with one that oidc-provider would refuse (bad signature, another issuer, a
 * client_id it was not issued to, an unregistered post_logout_redirect_uri); oidc-provider then
 * shows its confirmation page or its error.
 */
export async function oidcLogoutWithHint(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  options: LogoutOptions = {},
): Promise<boolean> {
  const params = singleParams(new URL(req.url ?? '/', provider.issuer));
  const hint = params?.get('id_token_hint');
  if (!params || !hint) return false;
  const clientId = audience(hint);
  if (!clientId || (params.has('client_id') && params.get('client_id') !== clientId)) return false;
  const client = await provider.Client.find(clientId).catch(() => undefined);
  if (!client) return false;
  try {
    // The same check oidc-provider makes: signed by us, for this client, issued here (expiry ignored).
    await provider.IdToken.validate(hint, client);
  } catch {
    return false;
  }
  const target = params.get('post_logout_redirect_uri');
  if (target !== undefined && !client.postLogoutRedirectUriAllowed(target)) return false;

  await endBrowserSession(provider, req, res, options);
  if (target === undefined) {
    sendHtml(res, 200, signedOutPage());
    return true;
  }
  const state = params.get('state');
  // The registered value exactly as written, unless `state` must be added to it.
  let location = target;
  if (state !== undefined) {
    const url = new URL(target);
    url.searchParams.set('state', state);
    location = url.href;
  }
  redirect(res, location, 302);
  return true;
}
