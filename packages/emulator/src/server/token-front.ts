import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { TokenStats } from '../dev/stats.js';
import type { MfaContext } from '../grants/mfa-context.js';
import type { MfaLedger } from '../grants/mfa-ledger.js';
import type { RefreshAudiences } from '../provider/refresh-audiences.js';
import type { MfaService } from '../mfa/index.js';
import type { ApiRegistry } from '../provider/apis.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import {
  BODY_TOO_LARGE,
  BodyTooLargeError,
  param,
  parseParams,
  readBody,
  replayAsForm,
} from '../http/body.js';
import { sendJson } from '../http/respond.js';
import type { Params } from '../http/body.js';
import type { ClientAuthenticator } from '../http/client-auth.js';
import { normalizeAudience, normalizeAuthorizationParams } from '../http/normalize.js';
import type { CibaRequests } from '../ciba/requests.js';
import { CIBA_GRANT, GRANT } from '../provider/grant-names.js';
import { authnResponseRefusal } from '../passkeys/token-body.js';

/** What the /oauth/token front needs for the refresh step-up and multi-resource refresh. */
export interface TokenFrontDeps {
  provider: Provider;
  stats: TokenStats;
  clients: ClientAuthenticator;
  apis: ApiRegistry;
  ledger: MfaLedger;
  audiences: RefreshAudiences;
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
  ciba: CibaRequests;
}

/**
 * Reads a form or JSON body; answers 400 itself when it cannot be parsed, and oidc-provider's own 400
 * when it is over the limit, as the provider would for a body it read itself.
 */
async function readParams(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ params: Params; body: Buffer } | undefined> {
  try {
    const body = await readBody(req);
    return { params: parseParams(req, body), body };
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendJson(res, BODY_TOO_LARGE.status, BODY_TOO_LARGE.body);
    else
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'the request body could not be parsed',
      });
    return undefined;
  }
}

/**
 * A refresh_token grant, before oidc-provider sees it:
 * - step-up: an API with `mfa: "required"` answers `mfa_required` unless the grant passed MFA, whatever
 *   audience the refresh token was issued for; so does the MFA API for a user with an active factor,
 *   also when a refresh without `audience` would answer for it (the login's audience). This runs first
 *   because the provider would rotate (consume) the refresh token;
 * - multi-resource refresh tokens: any other configured API is added to the refresh token
 *   (see RefreshAudiences), so the provider issues its access token.
 * An audience that is no configured API answers `invalid_target` here: the provider would only find
 * out after rotating, consuming the refresh token for nothing. The client is authenticated here as the
 * token endpoint would; a bad client is answered here when the refresh must step up, otherwise a bad
 * client or token is left for the provider to refuse.
 */
async function refreshFront(
  req: IncomingMessage,
  params: Params,
  deps: TokenFrontDeps,
): Promise<{ status: number; body: unknown } | undefined> {
  const audience = param(params, 'resource');
  const value = param(params, 'refresh_token');
  if (!value) return undefined;
  const token = await deps.provider.RefreshToken.find(value, { ignoreExpiration: true });
  if (!token || token.isExpired || token.consumed) return undefined;
  const stepUp =
    (audience
      ? deps.mfaRequirement.neededOnRefresh(audience, token.accountId)
      : deps.mfaRequirement.forMfaApi(deps.audiences.original(token), token.accountId)) &&
    !deps.ledger.passed(token.grantId, token.amr);
  const auth = await deps.clients.authenticate(req, params);
  // A refresh that must step up never reaches the provider unauthenticated by these (stricter) checks:
  // the provider would accept an assertion refused here (a replayed jti, a long life) and skip MFA.
  if (!auth.ok) return stepUp ? { status: auth.status, body: auth.body } : undefined;
  if (token.clientId !== auth.clientId) return undefined;
  if (audience && !deps.apis.get(audience)) {
    return { status: 400, body: { error: 'invalid_target', error_description: 'unknown audience' } };
  }
  if (stepUp) {
    const scope = param(params, 'scope');
    const context: MfaContext = {
      kind: 'refresh',
      refreshToken: value,
      ...(audience ? { audience } : {}),
      ...(scope ? { scope } : {}),
    };
    return deps.mfa.issueMfaToken({ userId: token.accountId, clientId: auth.clientId, context });
  }
  if (audience && (await deps.audiences.extend(deps.provider, token, audience, param(params, 'scope'))))
    await token.save();
  return undefined;
}

/**
 * Front of /oauth/token: accepts Auth0's JSON bodies and `audience`, counts the request, applies the
 * refresh step-up and multi-resource refresh, then hands a form-encoded copy to oidc-provider.
 * Returns the request to pass on, or undefined when it already answered.
 */
export async function tokenFront(
  req: IncomingMessage,
  res: ServerResponse,
  deps: TokenFrontDeps,
): Promise<IncomingMessage | undefined> {
  const read = await readParams(req, res);
  if (!read) return undefined;
  const params = normalizeAudience(read.params);
  const grantType = param(params, 'grant_type');
  deps.stats.record(grantType);
  const refusal = grantType === GRANT.webauthn ? authnResponseRefusal(req, read.body) : undefined;
  if (refusal) {
    sendJson(res, 400, refusal);
    return undefined;
  }
  // Auth0 gives a Management API client_credentials request without `scope` every scope of the client's
  // grant; oidc-provider would give none.
  if (
    grantType === 'client_credentials' &&
    param(params, 'resource') === deps.apis.managementAudience &&
    !param(params, 'scope')
  )
    params.scope = deps.apis.get(deps.apis.managementAudience)?.scopes.join(' ') ?? '';
  if (grantType === 'refresh_token') {
    const answer = await refreshFront(req, params, deps);
    if (answer) {
      sendJson(res, answer.status, answer.body);
      return undefined;
    }
  }
  if (grantType === CIBA_GRANT) {
    const verdict = deps.ciba.poll(param(params, 'auth_req_id') ?? '');
    if (verdict.kind === 'expired') {
      sendJson(res, 400, { error: 'expired_token', error_description: 'the authentication request expired' });
      return undefined;
    }
    if (verdict.kind === 'slow_down') {
      sendJson(
        res,
        400,
        {
          error: 'slow_down',
          // Auth0's wording, with the interval now in force.
          error_description: `You are polling faster than allowed. Try again in ${verdict.interval} seconds.`,
        },
        { 'retry-after': String(verdict.interval) },
      );
      return undefined;
    }
  }
  return replayAsForm(req, params);
}

/** Front of /oauth/par: the same parameter translation as /authorize. */
export async function parFront(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<IncomingMessage | undefined> {
  const read = await readParams(req, res);
  return read ? replayAsForm(req, normalizeAuthorizationParams(read.params)) : undefined;
}

/**
 * Front of /bc-authorize: Auth0's JSON bodies and `audience`, as at /oauth/token. Rich Authorization
 * Request details (`authorization_details`, a JSON array of objects with a string `type`) are taken
 * out and kept with the request, to come back with its tokens; malformed ones answer 400 here.
 */
export async function backchannelFront(
  req: IncomingMessage,
  res: ServerResponse,
  ciba: CibaRequests,
): Promise<IncomingMessage | undefined> {
  const read = await readParams(req, res);
  if (!read) return undefined;
  const params = normalizeAudience(read.params);
  const text = param(params, 'authorization_details');
  delete params.authorization_details;
  const details = text === undefined ? undefined : authorizationDetails(text);
  if (details === null) {
    sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'authorization_details must be a JSON array of objects, each with a string type',
    });
    return undefined;
  }
  const next = replayAsForm(req, params);
  if (details) ciba.stash(next, details);
  return next;
}

/** The parsed `authorization_details`, or `null` when they are not an array of typed objects. */
function authorizationDetails(text: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    const typed = (entry: unknown) =>
      typeof entry === 'object' && entry !== null && typeof (entry as { type?: unknown }).type === 'string';
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every(typed) ? parsed : null;
  } catch {
    return null;
  }
}
