import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { handleCibaDev } from '../dev/ciba-routes.js';
import type { CibaDevDeps } from '../dev/ciba-routes.js';
import { handleDev, noIcon } from '../dev/routes.js';
import type { TokenStats } from '../dev/stats.js';
import { toSearchParams } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { parseJsonObject, readBody } from '../http/body.js';
import type { Params } from '../http/body.js';
import { handleMfaApi } from '../http/mfa-api.js';
import { handleDbConnections } from '../dbconnections/routes.js';
import type { DbConnectionsDeps } from '../dbconnections/routes.js';
import { handlePasswordless } from '../passwordless/routes.js';
import type { PasswordlessDeps } from '../passwordless/routes.js';
import { handlePasskeys, type PasskeyRouteDeps } from '../passkeys/routes.js';
import type { MfaApiDeps } from '../http/mfa-api.js';
import { normalizeAuthorizationParams } from '../http/normalize.js';
import { backchannelFront, parFront, tokenFront } from './token-front.js';
import type { TokenFrontDeps } from './token-front.js';
import type { LoginDeps } from '../login/context.js';
import { handleLogin } from '../login/routes.js';
import { oidcLogoutWithHint } from '../logout/oidc-logout.js';
import { v2Logout } from '../logout/v2-logout.js';
import { ROUTES } from '../provider/configuration.js';
import { checkHost, loopbackHosts } from './host-check.js';
import { loggablePath } from './request-log.js';
import type { RequestLogEntry } from './request-log.js';

/** Everything the request handler routes to, built once by `startEmulator`. */
export interface HandlerDeps {
  provider: Provider;
  stats: TokenStats;
  token: TokenFrontDeps;
  mfaApi: MfaApiDeps;
  login: LoginDeps;
  ciba: CibaDevDeps;
  allowedLogoutUrls: string[];
  log: (line: string) => void;
  /** Creates an invitation (POST /__dev/invitations); throws a TypeError for a bad request. */
  invite: (request: { organization: string; email: string; clientId: string }) => unknown;
  /** Told of every answered request (the request log); absent, nothing is measured. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** The Management API subset (/api/v2/...); answers false for other paths. */
  management: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** The My Account API's connected accounts (/me/v1/...) and the connect page; answers false for other paths. */
  myAccount: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** `/passwordless/start` and the magic link. */
  passwordless: PasswordlessDeps;
  /** `/passkey/register` and `/passkey/challenge`. */
  passkeys: PasskeyRouteDeps;
  /** `/dbconnections/signup`, `/dbconnections/change_password` and the reset page. */
  dbConnections: DbConnectionsDeps;
  /** Returns the tenant to its configuration's state (`POST /__dev/reset`). */
  reset: () => Promise<void>;
}

/** Reports the request once its answer is sent, or when the client went away first. */
function observe(
  req: IncomingMessage,
  res: ServerResponse,
  onRequest: (entry: RequestLogEntry) => void,
): void {
  const started = performance.now();
  res.once('close', () =>
    onRequest({
      method: req.method ?? '-',
      path: loggablePath(req.url),
      status: res.writableFinished ? res.statusCode : 0,
      ms: Math.round(performance.now() - started),
    }),
  );
}

/** /authorize with Auth0's parameters translated (see normalizeAuthorizationParams). */
function rewriteAuthorize(req: IncomingMessage, url: URL): void {
  const params: Params = {};
  for (const [key, value] of url.searchParams) params[key] = value;
  req.url = `${url.pathname}?${toSearchParams(normalizeAuthorizationParams(params)).toString()}`;
}

/** POST /__dev/invitations `{ organization, email, client_id }`: 201 with the invitation and its link. */
async function devInvite(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = parseJsonObject(req, await readBody(req));
  try {
    const made = deps.invite({
      organization: String(body?.organization ?? ''),
      email: String(body?.email ?? ''),
      clientId: String(body?.client_id ?? ''),
    });
    sendJson(res, 201, made);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    sendJson(res, 400, { error: 'invalid_request', error_description: error.message });
  }
}

/**
 * The emulator's one request handler: its own routes (dev, MFA API, /v2/logout, login pages, the
 * token and PAR fronts) and oidc-provider for everything else.
 */
export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const provider = deps.provider.callback();
  const hosts = loopbackHosts(deps.provider.issuer);
  const logoutOptions = {
    onBackchannelError: (clientId: string, error: unknown) =>
      deps.log(`back-channel logout to ${clientId} failed: ${String(error)}`),
  };
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', deps.provider.issuer);
    const path = url.pathname;
    if (path === '/__dev/reset' && req.method === 'POST') {
      await deps.reset();
      return sendJson(res, 204, undefined);
    }
    if (path.startsWith('/api/v2/') && (await deps.management(req, res, url))) return;
    if ((path.startsWith('/me/') || path === '/connect') && (await deps.myAccount(req, res, url))) return;
    if (path.startsWith('/__dev/') && handleDev(deps.login.mfa, deps.stats, req, res, path)) return;
    if (path.startsWith('/__dev/ciba') && (await handleCibaDev(deps.ciba, req, res, path))) return;
    if (path === '/__dev/invitations' && req.method === 'POST') return devInvite(deps, req, res);
    if (path === '/favicon.ico') return noIcon(res);
    if (await handleMfaApi(deps.mfaApi, req, res, path)) return;
    if (path.startsWith('/passwordless/') && (await handlePasswordless(deps.passwordless, req, res, url)))
      return;
    if (path.startsWith('/passkey/') && (await handlePasskeys(deps.passkeys, req, res, path))) return;
    if (
      (path.startsWith('/dbconnections/') || path === '/lo/reset') &&
      (await handleDbConnections(deps.dbConnections, req, res, url))
    )
      return;
    if (path === '/v2/logout' && req.method === 'GET') {
      return v2Logout(deps.provider, req, res, deps.allowedLogoutUrls, logoutOptions);
    }
    if (
      path === ROUTES.end_session &&
      req.method === 'GET' &&
      (await oidcLogoutWithHint(deps.provider, req, res, logoutOptions))
    )
      return;
    if (path.startsWith('/u/') && (await handleLogin(deps.login, req, res, path))) return;
    if (path === ROUTES.token && req.method === 'POST') {
      const next = await tokenFront(req, res, deps.token);
      return next ? provider(next, res) : undefined;
    }
    if (path === ROUTES.backchannel_authentication && req.method === 'POST') {
      const next = await backchannelFront(req, res, deps.ciba.requests);
      return next ? provider(next, res) : undefined;
    }
    if (path === ROUTES.pushed_authorization_request && req.method === 'POST') {
      const next = await parFront(req, res);
      return next ? provider(next, res) : undefined;
    }
    if (path === ROUTES.authorization && req.method === 'GET') rewriteAuthorize(req, url);
    return provider(req, res);
  };
  return (req, res) => {
    if (deps.onRequest) observe(req, res, deps.onRequest);
    if (!checkHost(hosts, req, res)) return;
    route(req, res).catch((error: unknown) => {
      deps.log(
        `internal error on ${req.method} ${loggablePath(req.url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent)
        sendJson(res, 500, { error: 'server_error', error_description: 'internal error' });
      else res.end();
    });
  };
}
